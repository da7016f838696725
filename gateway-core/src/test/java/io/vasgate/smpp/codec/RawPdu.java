package io.vasgate.smpp.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Writes PDUs octet by octet with no validation at all, so tests can build exactly the malformed
 * input they need. Independent of the codec under test.
 */
final class RawPdu {

  private final int commandId;
  private final int sequenceNumber;
  private int commandStatus;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  private RawPdu(int commandId, int sequenceNumber) {
    this.commandId = commandId;
    this.sequenceNumber = sequenceNumber;
  }

  static RawPdu of(int commandId, int sequenceNumber) {
    return new RawPdu(commandId, sequenceNumber);
  }

  RawPdu status(int commandStatus) {
    this.commandStatus = commandStatus;
    return this;
  }

  /** The characters followed by NUL. */
  RawPdu cString(String value) {
    return chars(value).u8(0);
  }

  /** The characters without NUL. */
  RawPdu chars(String value) {
    body.writeBytes(value.getBytes(StandardCharsets.ISO_8859_1));
    return this;
  }

  RawPdu u8(int value) {
    body.write(value);
    return this;
  }

  RawPdu u16(int value) {
    return u8(value >>> 8).u8(value);
  }

  RawPdu u32(int value) {
    return u16(value >>> 16).u16(value);
  }

  RawPdu hex(String hex) {
    body.writeBytes(HexFormat.of().parseHex(hex.replaceAll("\\s", "")));
    return this;
  }

  /** ton, npi and the address followed by NUL. */
  RawPdu address(int ton, int npi, String address) {
    return u8(ton).u8(npi).cString(address);
  }

  /** The PDU with a correct command_length. */
  byte[] bytes() {
    return withCommandLength(16 + body.size());
  }

  /** The PDU with whatever command_length the test wants. */
  byte[] withCommandLength(int commandLength) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int field : new int[] {commandLength, commandId, commandStatus, sequenceNumber}) {
      out.write(field >>> 24);
      out.write(field >>> 16);
      out.write(field >>> 8);
      out.write(field);
    }
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  /**
   * A submit_sm body up to and including registered_delivery's neighbours, with the given strings,
   * ready for sm_length.
   */
  static RawPdu submitSmHead(
      int seq,
      String serviceType,
      int srcTon,
      int srcNpi,
      String source,
      int dstTon,
      int dstNpi,
      String destination,
      String schedule,
      String validity) {
    return of(0x04, seq)
        .cString(serviceType)
        .address(srcTon, srcNpi, source)
        .address(dstTon, dstNpi, destination)
        .u8(0) // esm_class
        .u8(0) // protocol_id
        .u8(0) // priority_flag
        .cString(schedule)
        .cString(validity)
        .u8(1) // registered_delivery
        .u8(0) // replace_if_present_flag
        .u8(0) // data_coding
        .u8(0); // sm_default_msg_id
  }

  /** A valid submit_sm head with default fields. */
  static RawPdu submitSmHead(int seq) {
    return submitSmHead(seq, "", 1, 1, "8613800138000", 2, 1, "10658880", "", "");
  }
}
