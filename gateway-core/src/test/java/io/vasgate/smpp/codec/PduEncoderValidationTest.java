package io.vasgate.smpp.codec;

import static io.vasgate.smpp.codec.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.vasgate.smpp.pdu.EnquireLink;
import io.vasgate.smpp.pdu.SubmitSm;
import org.junit.jupiter.api.Test;

/**
 * The encoder's own field checks. PDU records already refuse over-long fields, so these are
 * exercised on the writer directly: they guard against a record that ever lets one through.
 */
class PduEncoderValidationTest {

  @Test
  void refusesOverlongCStringNamingTheFieldAndItsLimit() {
    ByteBuf out = Unpooled.buffer();

    assertThatThrownBy(() -> PduWriter.writeCString(out, "S".repeat(16), CStringField.SYSTEM_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("system_id is 16 characters, at most 15 fit (16 octets with NUL)");
    assertThat(out.writerIndex()).isZero();
  }

  @Test
  void refusesCharactersOutsideIso88591() {
    ByteBuf out = Unpooled.buffer();

    assertThatThrownBy(() -> PduWriter.writeCString(out, "订购", CStringField.SERVICE_TYPE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("service_type");
  }

  @Test
  void refusesShortMessageOver254Octets() {
    ByteBuf out = Unpooled.buffer();

    assertThatThrownBy(() -> PduWriter.writeShortMessage(out, new byte[255]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("short_message is 255 octets, at most 254 fit");
  }

  @Test
  void writesLatin1CharactersAsSingleOctets() {
    ByteBuf out = Unpooled.buffer();

    PduWriter.writeCString(out, "café", CStringField.SYSTEM_ID);

    assertThat(ByteBufUtil.getBytes(out)).isEqualTo(hex("636166E900"));
  }

  @Test
  void appendsAfterExistingContentWithTheRightCommandLength() {
    ByteBuf out = Unpooled.buffer().writeBytes(hex("CAFE"));

    SmppPduCodec.encode(new EnquireLink(3), out);

    assertThat(ByteBufUtil.getBytes(out))
        .isEqualTo(hex("CAFE 00000010 00000015 00000000 00000003"));
  }

  @Test
  void leavesTheOutputAsItWasWhenEncodingFails() {
    ByteBuf out = Unpooled.buffer(4, 24).writeBytes(hex("CAFE"));
    SubmitSm tooBigForTheBuffer = SubmitSm.builder().shortMessage(new byte[100]).build();

    assertThatThrownBy(() -> SmppPduCodec.encode(tooBigForTheBuffer, out))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(ByteBufUtil.getBytes(out)).isEqualTo(hex("CAFE"));
  }
}
