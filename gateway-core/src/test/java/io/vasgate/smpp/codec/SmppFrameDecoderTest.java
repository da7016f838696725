package io.vasgate.smpp.codec;

import static io.vasgate.smpp.codec.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.GenericNack;
import org.junit.jupiter.api.Test;

/** Framing by command_length, in isolation from PDU decoding. */
class SmppFrameDecoderTest {

  private static final byte[] ENQUIRE_LINK = hex("00000010 00000015 00000000 00000001");
  private static final byte[] SUBMIT_SM_RESP = hex("00000014 80000004 00000000 00000001 41424300");

  private final TrackingAllocator allocator = new TrackingAllocator();

  private EmbeddedChannel channel(int maxCommandLength) {
    EmbeddedChannel channel = new EmbeddedChannel(new SmppFrameDecoder(maxCommandLength));
    channel.config().setAllocator(allocator);
    return channel;
  }

  private static byte[] readFrame(EmbeddedChannel channel) {
    ByteBuf frame = channel.readInbound();
    assertThat(frame).isNotNull();
    try {
      return ByteBufUtil.getBytes(frame);
    } finally {
      frame.release();
    }
  }

  @Test
  void emitsExactlyOneFrameOfCommandLengthOctets() {
    EmbeddedChannel channel = channel(64);

    channel.writeInbound(allocator.copyOf(SUBMIT_SM_RESP));

    assertThat(readFrame(channel)).isEqualTo(SUBMIT_SM_RESP);
    assertNull(channel.readInbound());
    assertFalse(channel.finish());
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Test
  void splitsTwoFramesArrivingInOneBuffer() {
    EmbeddedChannel channel = channel(64);
    byte[] both = hex(Wire.hex(ENQUIRE_LINK) + Wire.hex(SUBMIT_SM_RESP));

    channel.writeInbound(allocator.copyOf(both));

    assertThat(readFrame(channel)).isEqualTo(ENQUIRE_LINK);
    assertThat(readFrame(channel)).isEqualTo(SUBMIT_SM_RESP);
    assertNull(channel.readInbound());
    assertFalse(channel.finish());
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Test
  void waitsForTheWholeFrameWhenFedOneByteAtATime() {
    EmbeddedChannel channel = channel(64);

    for (int i = 0; i < SUBMIT_SM_RESP.length - 1; i++) {
      channel.writeInbound(allocator.copyOf(new byte[] {SUBMIT_SM_RESP[i]}));
      assertNull(channel.readInbound(), "frame emitted after " + (i + 1) + " octets");
    }
    channel.writeInbound(allocator.copyOf(new byte[] {SUBMIT_SM_RESP[SUBMIT_SM_RESP.length - 1]}));

    assertThat(readFrame(channel)).isEqualTo(SUBMIT_SM_RESP);
    assertNull(channel.readInbound());
    assertFalse(channel.finish());
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Test
  void acceptsAFrameOfExactlyTheMaximumLength() {
    EmbeddedChannel channel = channel(20);

    channel.writeInbound(allocator.copyOf(SUBMIT_SM_RESP));

    assertThat(readFrame(channel)).isEqualTo(SUBMIT_SM_RESP);
    assertFalse(channel.finish());
  }

  @Test
  void rejectsCommandLengthBelowTheHeaderWithItsSequenceNumber() {
    EmbeddedChannel channel = channel(64);

    assertThatThrownBy(
            () ->
                channel.writeInbound(allocator.copyOf(hex("0000000F 00000015 00000000 0000002A"))))
        .isInstanceOfSatisfying(
            SmppFrameException.class,
            e -> {
              assertThat(e.commandLength()).isEqualTo(15);
              assertThat(e.commandId()).hasValue(0x15);
              assertThat(e.sequenceNumber()).hasValue(42);
              assertThat(e.genericNack())
                  .isEqualTo(new GenericNack(CommandStatus.ESME_RINVCMDLEN.code(), 42));
              assertThat(e).hasMessageContaining("command_length 15");
            });
    assertFalse(channel.finish());
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Test
  void rejectsAShortLengthWithoutWaitingForTheRestOfTheHeader() {
    EmbeddedChannel channel = channel(64);

    assertThatThrownBy(() -> channel.writeInbound(allocator.copyOf(hex("00000008"))))
        .isInstanceOfSatisfying(
            SmppFrameException.class,
            e -> {
              assertThat(e.commandLength()).isEqualTo(8);
              assertThat(e.commandId()).isEmpty();
              assertThat(e.sequenceNumber()).isEmpty();
              assertThat(e.genericNack().sequenceNumber()).isZero();
            });
  }

  @Test
  void rejectsCommandLengthAboveTheMaximum() {
    EmbeddedChannel channel = channel(64);

    assertThatThrownBy(
            () ->
                channel.writeInbound(allocator.copyOf(hex("00000041 00000004 00000000 00000007"))))
        .isInstanceOfSatisfying(
            SmppFrameException.class,
            e -> {
              assertThat(e.commandLength()).isEqualTo(65);
              assertThat(e.maxCommandLength()).isEqualTo(64);
              assertThat(e.sequenceNumber()).hasValue(7);
              assertThat(e).hasMessageContaining("exceeds the maximum of 64");
            });
  }

  @Test
  void readsCommandLengthAsUnsigned() {
    EmbeddedChannel channel = channel(SmppFrameDecoder.DEFAULT_MAX_COMMAND_LENGTH);

    assertThatThrownBy(() -> channel.writeInbound(allocator.copyOf(hex("FFFFFFFF 00000004"))))
        .isInstanceOfSatisfying(
            SmppFrameException.class, e -> assertThat(e.commandLength()).isEqualTo(0xFFFFFFFFL));
  }

  @Test
  void discardsEverythingAfterAFramingError() {
    EmbeddedChannel channel = channel(64);
    assertThatThrownBy(() -> channel.writeInbound(allocator.copyOf(hex("00000001"))))
        .isInstanceOf(SmppFrameException.class);

    channel.writeInbound(allocator.copyOf(ENQUIRE_LINK));

    assertNull(channel.readInbound());
    assertFalse(channel.finish());
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Test
  void releasesAPartialFrameWhenTheChannelCloses() {
    EmbeddedChannel channel = channel(64);

    channel.writeInbound(allocator.copyOf(hex("00000014 80000004")));

    assertFalse(channel.finish());
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Test
  void refusesAMaximumBelowTheHeader() {
    assertThatThrownBy(() -> new SmppFrameDecoder(15))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15");
    assertThat(new SmppFrameDecoder().maxCommandLength()).isEqualTo(64 * 1024);
  }
}
