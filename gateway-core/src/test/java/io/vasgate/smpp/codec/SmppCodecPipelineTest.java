package io.vasgate.smpp.codec;

import static io.vasgate.smpp.codec.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.Bind;
import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.EnquireLink;
import io.vasgate.smpp.pdu.Pdu;
import io.vasgate.smpp.pdu.SubmitSm;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvTag;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The frame decoder, PDU decoder and encoder together in a channel pipeline. */
class SmppCodecPipelineTest {

  private static final int MAX = 4096;

  private final TrackingAllocator allocator = new TrackingAllocator();

  private final SubmitSm submit =
      SubmitSm.builder()
          .sequenceNumber(77)
          .serviceType("CMT")
          .source(Address.national("10658880"))
          .destination(Address.international("8613800138000"))
          .registeredDelivery(1)
          .dataCoding(8)
          .shortMessage("订购成功".getBytes(StandardCharsets.UTF_16BE))
          .tlv(Tlv.ofUint16(TlvTag.SAR_MSG_REF_NUM, 7))
          .tlv(Tlv.ofUint8(TlvTag.SAR_TOTAL_SEGMENTS, 2))
          .tlv(Tlv.ofUint8(TlvTag.SAR_SEGMENT_SEQNUM, 1))
          .build();

  private EmbeddedChannel inbound() {
    EmbeddedChannel channel = new EmbeddedChannel(new SmppFrameDecoder(MAX), new SmppPduDecoder());
    channel.config().setAllocator(allocator);
    return channel;
  }

  @Test
  void decodesAWholeFrame() {
    EmbeddedChannel channel = inbound();

    channel.writeInbound(allocator.copyOf(SmppPduCodec.encodeToBytes(submit)));

    assertThat((Pdu) channel.readInbound()).isEqualTo(submit);
    assertNull(channel.readInbound());
    assertFalse(channel.finish());
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Test
  void decodesTwoFramesArrivingInOneBuffer() {
    EmbeddedChannel channel = inbound();
    byte[] both =
        hex(
            Wire.hex(SmppPduCodec.encodeToBytes(submit)),
            Wire.hex(SmppPduCodec.encodeToBytes(new EnquireLink(78))));

    channel.writeInbound(allocator.copyOf(both));

    assertThat((Pdu) channel.readInbound()).isEqualTo(submit);
    assertThat((Pdu) channel.readInbound()).isEqualTo(new EnquireLink(78));
    assertNull(channel.readInbound());
    assertFalse(channel.finish());
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Test
  void decodesFramesFedOneByteAtATime() {
    EmbeddedChannel channel = inbound();
    Bind bind = Bind.of(BindType.TRANSCEIVER, 1, "esme", "secret");
    byte[] stream =
        hex(
            Wire.hex(SmppPduCodec.encodeToBytes(bind)),
            Wire.hex(SmppPduCodec.encodeToBytes(submit)));

    for (byte b : stream) {
      channel.writeInbound(allocator.copyOf(new byte[] {b}));
    }

    assertThat((Pdu) channel.readInbound()).isEqualTo(bind);
    assertThat((Pdu) channel.readInbound()).isEqualTo(submit);
    assertNull(channel.readInbound());
    assertFalse(channel.finish());
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Test
  void emitsInvalidPduAndStaysInSyncWithTheStream() {
    EmbeddedChannel channel = inbound();
    byte[] unknownThenValid =
        hex(
            "00000014 00000099 00000000 00000005 DEADBEEF",
            Wire.hex(SmppPduCodec.encodeToBytes(new EnquireLink(6))));

    channel.writeInbound(allocator.copyOf(unknownThenValid));

    InvalidPdu invalid = channel.readInbound();
    assertThat(invalid.commandId()).isEqualTo(0x99);
    assertThat(invalid.sequenceNumber()).isEqualTo(5);
    assertThat(invalid.commandStatus()).isEqualTo(CommandStatus.ESME_RINVCMDID.code());
    assertThat((Pdu) channel.readInbound()).isEqualTo(new EnquireLink(6));
    assertNull(channel.readInbound());
    assertFalse(channel.finish());
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Test
  void surfacesAnUntrustworthyLengthAsFrameException() {
    EmbeddedChannel channel = inbound();

    assertThatThrownBy(
            () ->
                channel.writeInbound(allocator.copyOf(hex("00100000 00000004 00000000 00000009"))))
        .isInstanceOf(SmppFrameException.class);
    assertNull(channel.readInbound());
    assertFalse(channel.finish());
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Test
  void encodesPdusWithComputedCommandLength() {
    EmbeddedChannel channel = new EmbeddedChannel(SmppPduEncoder.INSTANCE);
    SubmitSmResp resp = submit.response("MSG0001");

    channel.writeOutbound(resp);

    ByteBuf out = channel.readOutbound();
    try {
      assertThat(ByteBufUtil.getBytes(out))
          .isEqualTo(hex("00000018 80000004 00000000 0000004D 4D53473030303100"));
    } finally {
      out.release();
    }
    assertNull(channel.readOutbound());
    assertFalse(channel.finish());
  }

  @Test
  void sharesOneEncoderAndDecoderBetweenChannels() {
    EmbeddedChannel first = new EmbeddedChannel(SmppPduEncoder.INSTANCE);
    EmbeddedChannel second =
        new EmbeddedChannel(
            new SmppFrameDecoder(), SmppPduDecoder.INSTANCE, SmppPduEncoder.INSTANCE);

    first.writeOutbound(submit);
    second.writeInbound((ByteBuf) first.readOutbound());
    Pdu received = second.readInbound();
    second.writeOutbound(((SubmitSm) received).response("42"));
    ByteBuf answer = second.readOutbound();

    assertThat(received).isEqualTo(submit);
    assertThat(SmppPduCodec.decode(answer))
        .isEqualTo(new DecodeResult.Decoded(new SubmitSmResp(0, 77, "42")));
    answer.release();
    assertFalse(first.finish());
    assertFalse(second.finish());
  }
}
