package io.vasgate.smpp.pdu;

import java.util.HexFormat;
import java.util.List;

/** Validation shared by the record constructors, so every record that exists can be encoded. */
final class Fields {

  static final byte[] NO_BYTES = new byte[0];

  private static final HexFormat HEX = HexFormat.of();

  private Fields() {}

  /**
   * Checks a C-octet string against its wire limit (including the NUL).
   *
   * @return the value, or "" for null
   * @throws IllegalArgumentException if too long or not encodable as ISO-8859-1 without NUL
   */
  static String cString(String value, String field, int maxWithNul) {
    if (value == null) {
      return "";
    }
    if (value.length() > maxWithNul - 1) {
      throw new IllegalArgumentException(
          field
              + " is "
              + value.length()
              + " characters, at most "
              + (maxWithNul - 1)
              + " allowed ("
              + maxWithNul
              + " octets with NUL)");
    }
    checkLatin1(value, field);
    return value;
  }

  static void checkLatin1(String value, String field) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0 || c > 0xFF) {
        throw new IllegalArgumentException(
            field
                + " has character U+"
                + String.format("%04X", (int) c)
                + " at index "
                + i
                + ": C-octet strings carry ISO-8859-1 characters other than NUL");
      }
    }
  }

  /** Checks an address against the limit of the PDU field it fills; null becomes empty. */
  static Address address(Address value, String field, int maxWithNul) {
    if (value == null) {
      return Address.EMPTY;
    }
    cString(value.address(), field, maxWithNul);
    return value;
  }

  /** Copies an octet string after checking its length; null becomes empty. */
  static byte[] octets(byte[] value, String field, int max) {
    if (value == null) {
      return NO_BYTES;
    }
    if (value.length > max) {
      throw new IllegalArgumentException(
          field + " is " + value.length + " octets, at most " + max + " allowed");
    }
    return value.clone();
  }

  /** An immutable copy of a TLV list; null becomes empty. */
  static List<Tlv> tlvs(List<Tlv> tlvs) {
    return tlvs == null ? List.of() : List.copyOf(tlvs);
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static String hex(int value) {
    return "0x" + Integer.toHexString(value);
  }
}
