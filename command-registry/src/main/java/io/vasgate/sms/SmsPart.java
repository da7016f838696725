package io.vasgate.sms;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One short message ready for submit_sm / deliver_sm: data_coding, short_message octets (UDH first
 * when {@link #hasUdh()}) and the slice of text it carries.
 */
public final class SmsPart {

  /** Most octets SMPP 3.4 allows in short_message. */
  public static final int MAX_SHORT_MESSAGE_OCTETS = 254;

  private final DataCoding dataCoding;
  private final byte[] shortMessage;
  private final Concatenation concatenation;
  private final String text;

  /**
   * @param concatenation the part's UDH concatenation element, or null for a single message without
   *     UDH
   */
  public SmsPart(
      DataCoding dataCoding, byte[] shortMessage, Concatenation concatenation, String text) {
    if (dataCoding == null || shortMessage == null || text == null) {
      throw new IllegalArgumentException("dataCoding, shortMessage and text must not be null");
    }
    if (shortMessage.length > MAX_SHORT_MESSAGE_OCTETS) {
      throw new IllegalArgumentException(
          "short_message must be at most "
              + MAX_SHORT_MESSAGE_OCTETS
              + " octets, is "
              + shortMessage.length);
    }
    this.dataCoding = dataCoding;
    this.shortMessage = shortMessage.clone();
    this.concatenation = concatenation;
    this.text = text;
  }

  public DataCoding dataCoding() {
    return dataCoding;
  }

  /** A copy of short_message: the UDH (if any) then the encoded text. */
  public byte[] shortMessage() {
    return shortMessage.clone();
  }

  /** sm_length. */
  public int length() {
    return shortMessage.length;
  }

  /** Whether short_message starts with a UDH, i.e. esm_class needs {@link Udh#ESM_CLASS_UDHI}. */
  public boolean hasUdh() {
    return concatenation != null;
  }

  /** {@code esmClass} with the UDHI bit set when this part carries a UDH. */
  public int esmClass(int esmClass) {
    return hasUdh() ? esmClass | Udh.ESM_CLASS_UDHI : esmClass;
  }

  public Optional<Concatenation> concatenation() {
    return Optional.ofNullable(concatenation);
  }

  /** The text this part carries (for logs and for resending one part). */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SmsPart other
        && dataCoding == other.dataCoding
        && Arrays.equals(shortMessage, other.shortMessage)
        && Objects.equals(concatenation, other.concatenation)
        && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dataCoding, Arrays.hashCode(shortMessage), concatenation, text);
  }

  @Override
  public String toString() {
    return "SmsPart[" + dataCoding + ", " + shortMessage.length + " octets, " + concatenation + "]";
  }
}
