package io.vasgate.sms;

/**
 * Concatenated short message information: reference, total parts and this part's sequence
 * (1-based).
 *
 * @param sixteenBitReference IEI 0x08 ({@code 06 08 04 refhi reflo total seq}) rather than 0x00
 *     ({@code 05 00 03 ref total seq})
 */
public record Concatenation(int reference, int total, int sequence, boolean sixteenBitReference) {

  /** IEI of concatenation with an 8-bit reference. */
  public static final int IEI_8_BIT = 0x00;

  /** IEI of concatenation with a 16-bit reference. */
  public static final int IEI_16_BIT = 0x08;

  /** Most parts a concatenated message can have: total is one octet. */
  public static final int MAX_PARTS = 255;

  /** UDH octets (UDHL included) of a header holding only an 8-bit concatenation element. */
  public static final int HEADER_OCTETS_8_BIT = 6;

  /** UDH octets (UDHL included) of a header holding only a 16-bit concatenation element. */
  public static final int HEADER_OCTETS_16_BIT = 7;

  public Concatenation {
    int maxReference = sixteenBitReference ? 0xFFFF : 0xFF;
    if (reference < 0 || reference > maxReference) {
      throw new IllegalArgumentException(
          "reference must be 0.." + maxReference + ", was " + reference);
    }
    if (total < 1 || total > MAX_PARTS) {
      throw new IllegalArgumentException("total must be 1.." + MAX_PARTS + ", was " + total);
    }
    if (sequence < 1 || sequence > total) {
      throw new IllegalArgumentException("sequence must be 1.." + total + ", was " + sequence);
    }
  }

  /** UDH octets (UDHL included) of {@link #toHeader()}. */
  public int headerOctets() {
    return sixteenBitReference ? HEADER_OCTETS_16_BIT : HEADER_OCTETS_8_BIT;
  }

  /** A complete UDH (UDHL first) carrying only this element. */
  public byte[] toHeader() {
    if (sixteenBitReference) {
      return new byte[] {
        0x06,
        IEI_16_BIT,
        0x04,
        (byte) (reference >>> 8),
        (byte) reference,
        (byte) total,
        (byte) sequence
      };
    }
    return new byte[] {0x05, IEI_8_BIT, 0x03, (byte) reference, (byte) total, (byte) sequence};
  }
}
