package io.vasgate.smpp.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One optional parameter: a 2-octet tag and a value of 0 to 65535 octets. Equality is by content.
 *
 * <p>The typed readers ({@link #uint8()}, {@link #uint16()}, ...) check the value's length, since a
 * peer may send a known tag with a malformed value; they throw rather than guess.
 */
public record Tlv(short tag, byte[] value) {

  /**
   * @throws IllegalArgumentException if the value is longer than 65535 octets
   */
  public Tlv {
    value = Fields.octets(value, "TLV " + TlvTag.nameOf(tag), SmppLimits.MAX_TLV_VALUE_LENGTH);
  }

  /** A one-octet unsigned value. */
  public static Tlv ofUint8(short tag, int value) {
    if (value < 0 || value > 0xFF) {
      throw new IllegalArgumentException(TlvTag.nameOf(tag) + " value out of 0..255: " + value);
    }
    return new Tlv(tag, new byte[] {(byte) value});
  }

  /** A two-octet unsigned big-endian value. */
  public static Tlv ofUint16(short tag, int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException(TlvTag.nameOf(tag) + " value out of 0..65535: " + value);
    }
    return new Tlv(tag, new byte[] {(byte) (value >>> 8), (byte) value});
  }

  /** A four-octet unsigned big-endian value. */
  public static Tlv ofUint32(short tag, long value) {
    if (value < 0 || value > 0xFFFFFFFFL) {
      throw new IllegalArgumentException(TlvTag.nameOf(tag) + " value out of uint32: " + value);
    }
    return new Tlv(
        tag,
        new byte[] {
          (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
        });
  }

  /** A C-octet string: the ISO-8859-1 characters followed by NUL (e.g. receipted_message_id). */
  public static Tlv ofCString(short tag, String value) {
    Fields.checkLatin1(value, TlvTag.nameOf(tag));
    byte[] chars = value.getBytes(StandardCharsets.ISO_8859_1);
    return new Tlv(tag, Arrays.copyOf(chars, chars.length + 1));
  }

  /** An octet string with no terminator. */
  public static Tlv ofBytes(short tag, byte[] value) {
    return new Tlv(tag, value);
  }

  /** A defensive copy of the value. */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The tag as an unsigned number. */
  public int tagCode() {
    return tag & 0xFFFF;
  }

  /** The length of the value in octets. */
  public int length() {
    return value.length;
  }

  /**
   * The value as a one-octet unsigned integer.
   *
   * @throws IllegalStateException if the value is not exactly one octet
   */
  public int uint8() {
    expectLength(1);
    return value[0] & 0xFF;
  }

  /**
   * The value as a two-octet unsigned big-endian integer.
   *
   * @throws IllegalStateException if the value is not exactly two octets
   */
  public int uint16() {
    expectLength(2);
    return ((value[0] & 0xFF) << 8) | (value[1] & 0xFF);
  }

  /**
   * The value as a four-octet unsigned big-endian integer.
   *
   * @throws IllegalStateException if the value is not exactly four octets
   */
  public long uint32() {
    expectLength(4);
    return ((long) (value[0] & 0xFF) << 24)
        | ((value[1] & 0xFF) << 16)
        | ((value[2] & 0xFF) << 8)
        | (value[3] & 0xFF);
  }

  /**
   * The value as a C-octet string. Tolerates a missing terminator, because some SMSCs send
   * receipted_message_id without one; stops at the first NUL.
   */
  public String cString() {
    int end = 0;
    while (end < value.length && value[end] != 0) {
      end++;
    }
    return new String(value, 0, end, StandardCharsets.ISO_8859_1);
  }

  private void expectLength(int expected) {
    if (value.length != expected) {
      throw new IllegalStateException(
          TlvTag.nameOf(tag) + " has " + value.length + " octets, expected " + expected);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tlv other && tag == other.tag && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * tag + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Tlv[" + TlvTag.nameOf(tag) + "=" + Fields.hex(value) + "]";
  }
}
