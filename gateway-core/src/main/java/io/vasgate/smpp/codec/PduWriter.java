package io.vasgate.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.SmppLimits;
import io.vasgate.smpp.pdu.Tlv;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Field writers that validate before writing. The PDU records already validate in their
 * constructors; these checks keep the encoder honest should a record ever let a value through.
 */
final class PduWriter {

  private PduWriter() {}

  /**
   * @throws IllegalArgumentException if the value does not fit the field or is not ISO-8859-1
   */
  static void writeCString(ByteBuf out, String value, CStringField field) {
    if (value.length() > field.maxLength - 1) {
      throw new IllegalArgumentException(
          field.specName
              + " is "
              + value.length()
              + " characters, at most "
              + (field.maxLength - 1)
              + " fit ("
              + field.maxLength
              + " octets with NUL)");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0 || c > 0xFF) {
        throw new IllegalArgumentException(
            field.specName + " has a NUL or non-ISO-8859-1 character at index " + i);
      }
    }
    out.writeCharSequence(value, StandardCharsets.ISO_8859_1);
    out.writeByte(0);
  }

  static void writeAddress(ByteBuf out, Address address, CStringField field) {
    out.writeByte(address.ton());
    out.writeByte(address.npi());
    writeCString(out, address.address(), field);
  }

  /**
   * @throws IllegalArgumentException if the message exceeds 254 octets
   */
  static void writeShortMessage(ByteBuf out, byte[] shortMessage) {
    if (shortMessage.length > SmppLimits.MAX_SHORT_MESSAGE_LENGTH) {
      throw new IllegalArgumentException(
          "short_message is "
              + shortMessage.length
              + " octets, at most "
              + SmppLimits.MAX_SHORT_MESSAGE_LENGTH
              + " fit");
    }
    out.writeByte(shortMessage.length);
    out.writeBytes(shortMessage);
  }

  static void writeTlvs(ByteBuf out, List<Tlv> tlvs) {
    for (Tlv tlv : tlvs) {
      byte[] value = tlv.value();
      out.writeShort(tlv.tag());
      out.writeShort(value.length);
      out.writeBytes(value);
    }
  }
}
