package io.vasgate.sms;

import java.util.Arrays;

/**
 * Text encoded for one link: the data coding chosen, the octets (without UDH) and the length in the
 * units that limit an SMS (GSM septets or UTF-16 units).
 */
public final class EncodedText {

  private final DataCoding dataCoding;
  private final byte[] bytes;
  private final int units;

  public EncodedText(DataCoding dataCoding, byte[] bytes, int units) {
    if (dataCoding == null || bytes == null) {
      throw new IllegalArgumentException("dataCoding and bytes must not be null");
    }
    if (units < 0) {
      throw new IllegalArgumentException("units must be >= 0, was " + units);
    }
    this.dataCoding = dataCoding;
    this.bytes = bytes.clone();
    this.units = units;
  }

  public DataCoding dataCoding() {
    return dataCoding;
  }

  /** A copy of the octets. */
  public byte[] bytes() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  /** GSM septets (escape pairs count two) or UTF-16 units. */
  public int units() {
    return units;
  }

  /** Whether the text went out in the GSM 7-bit alphabet rather than UCS2. */
  public boolean isGsm7() {
    return dataCoding != DataCoding.UCS2;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedText other
        && dataCoding == other.dataCoding
        && units == other.units
        && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * dataCoding.hashCode() + units) + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "EncodedText[" + dataCoding + ", " + bytes.length + " octets, " + units + " units]";
  }
}
