package io.vasgate.smpp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.smpp.pdu.Pdu;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Wire-format helpers for codec tests: hex literals in, decoded PDUs out. */
final class Wire {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private Wire() {}

  /** Joins hex parts, ignoring whitespace, into bytes. */
  static byte[] hex(String... parts) {
    return HEX.parseHex(String.join("", parts).replaceAll("\\s", ""));
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** The hex of an ASCII text, for readable short_message parts. */
  static String ascii(String text) {
    return HEX.formatHex(text.getBytes(StandardCharsets.US_ASCII));
  }

  /** Decodes a frame that must be valid. */
  @SuppressWarnings("unchecked")
  static <T extends Pdu> T decodePdu(byte[] frame, Class<T> type) {
    DecodeResult result = SmppPduCodec.decode(frame);
    assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
    Pdu pdu = ((DecodeResult.Decoded) result).pdu();
    assertThat(pdu).isInstanceOf(type);
    return (T) pdu;
  }

  /** Decodes a frame that must be invalid. */
  static InvalidPdu decodeInvalid(byte[] frame) {
    DecodeResult result = SmppPduCodec.decode(frame);
    assertThat(result).isInstanceOf(InvalidPdu.class);
    return (InvalidPdu) result;
  }

  /** Asserts that the PDU encodes to exactly these bytes and decodes back to itself. */
  static void assertEncodesTo(Pdu pdu, byte[] wire) {
    assertThat(hex(SmppPduCodec.encodeToBytes(pdu))).isEqualTo(hex(wire));
    assertThat(decodePdu(wire, Pdu.class)).isEqualTo(pdu);
  }
}
