package io.vasgate.sms;

import java.util.Arrays;

/** One information element of a user data header: its identifier (IEI) and data, kept raw. */
public final class InformationElement {

  private final int identifier;
  private final byte[] data;

  public InformationElement(int identifier, byte[] data) {
    if (identifier < 0 || identifier > 0xFF) {
      throw new IllegalArgumentException("identifier must be 0..255, was " + identifier);
    }
    if (data == null || data.length > 0xFF) {
      throw new IllegalArgumentException("data must be 0..255 octets");
    }
    this.identifier = identifier;
    this.data = data.clone();
  }

  public int identifier() {
    return identifier;
  }

  /** A copy of the element data (without IEI and IEDL). */
  public byte[] data() {
    return data.clone();
  }

  public int length() {
    return data.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InformationElement other
        && identifier == other.identifier
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return 31 * identifier + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return String.format("IE[0x%02X, %d octets]", identifier, data.length);
  }
}
