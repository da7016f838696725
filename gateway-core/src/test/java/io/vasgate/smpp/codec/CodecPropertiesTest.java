package io.vasgate.smpp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import io.vasgate.smpp.pdu.CommandId;
import io.vasgate.smpp.pdu.Pdu;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Properties of the codec over random valid PDUs and random garbage. */
class CodecPropertiesTest {

  private static final int MAX_FRAME = 2048;

  private static ResourceLeakDetector.Level previousLevel;

  @BeforeContainer
  static void paranoidLeakDetection() {
    previousLevel = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
  }

  @AfterContainer
  static void restoreLeakDetection() {
    ResourceLeakDetector.setLevel(previousLevel);
  }

  @Provide
  Arbitrary<Pdu> pdus() {
    return PduArbitraries.latin1().any();
  }

  @Provide
  Arbitrary<CommandId> commandIds() {
    return Arbitraries.of(CommandId.values());
  }

  @Property(tries = 1500)
  void everyValidPduRoundTripsByteForByte(@ForAll("pdus") Pdu pdu) {
    byte[] wire = SmppPduCodec.encodeToBytes(pdu);

    DecodeResult decoded = SmppPduCodec.decode(wire);

    assertThat(ByteBuffer.wrap(wire).getInt()).isEqualTo(wire.length);
    assertThat(decoded).isEqualTo(new DecodeResult.Decoded(pdu));
    assertThat(SmppPduCodec.encodeToBytes(((DecodeResult.Decoded) decoded).pdu())).isEqualTo(wire);
  }

  @Property(tries = 300)
  void pdusSurviveAnyChunkingOfTheStream(
      @ForAll @Size(min = 1, max = 6) List<@From("pdus") Pdu> pdus,
      @ForAll @IntRange(min = 1, max = 97) int chunkSize) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    pdus.forEach(pdu -> stream.writeBytes(SmppPduCodec.encodeToBytes(pdu)));
    byte[] bytes = stream.toByteArray();
    TrackingAllocator allocator = new TrackingAllocator();
    EmbeddedChannel channel = channel(allocator);

    for (int offset = 0; offset < bytes.length; offset += chunkSize) {
      byte[] chunk = new byte[Math.min(chunkSize, bytes.length - offset)];
      System.arraycopy(bytes, offset, chunk, 0, chunk.length);
      channel.writeInbound(allocator.copyOf(chunk));
    }

    List<Object> received = drain(channel);
    assertThat(received).containsExactlyElementsOf(pdus);
    assertThat(channel.finish()).isFalse();
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Property(tries = 1500)
  void arbitraryBytesYieldOnlyPdusInvalidPdusOrAFrameException(
      @ForAll @Size(max = 600) byte[] garbage, @ForAll @IntRange(min = 1, max = 64) int chunkSize) {
    TrackingAllocator allocator = new TrackingAllocator();
    EmbeddedChannel channel = channel(allocator);
    List<Object> received = new ArrayList<>();

    try {
      for (int offset = 0; offset < garbage.length; offset += chunkSize) {
        byte[] chunk = new byte[Math.min(chunkSize, garbage.length - offset)];
        System.arraycopy(garbage, offset, chunk, 0, chunk.length);
        channel.writeInbound(allocator.copyOf(chunk));
        received.addAll(drain(channel));
      }
    } catch (SmppFrameException expected) {
      received.addAll(drain(channel));
    }

    assertThat(received)
        .allSatisfy(m -> assertThat(m).isInstanceOfAny(Pdu.class, InvalidPdu.class));
    channel.finishAndReleaseAll();
    assertThat(allocator.unreleased()).isEmpty();
  }

  @Property(tries = 3000)
  void framesWithAKnownCommandIdAndRandomBodyNeverThrow(
      @ForAll("commandIds") CommandId commandId,
      @ForAll int commandStatus,
      @ForAll int sequenceNumber,
      @ForAll @Size(max = 300) byte[] body) {
    ByteBuffer frame = ByteBuffer.allocate(16 + body.length);
    frame.putInt(16 + body.length).putInt(commandId.code()).putInt(commandStatus);
    frame.putInt(sequenceNumber).put(body);

    DecodeResult result = SmppPduCodec.decode(frame.array());

    assertThat(result.sequenceNumber()).isEqualTo(sequenceNumber);
    if (result instanceof DecodeResult.Decoded decoded) {
      assertThat(decoded.pdu().commandId()).isEqualTo(commandId);
      byte[] reencoded = SmppPduCodec.encodeToBytes(decoded.pdu());
      assertThat(SmppPduCodec.decode(reencoded)).isEqualTo(decoded);
    } else {
      InvalidPdu invalid = (InvalidPdu) result;
      assertThat(invalid.commandId()).isEqualTo(commandId.code());
      assertThat(invalid.commandStatus()).isNotZero();
    }
  }

  @Property(tries = 3000)
  void corruptedValidPdusNeverThrow(
      @ForAll("pdus") Pdu pdu,
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll byte replacement,
      @ForAll @IntRange(min = 0, max = 10_000) int truncation) {
    byte[] wire = SmppPduCodec.encodeToBytes(pdu);
    int length = 16 + truncation % (wire.length - 15);
    ByteBuffer corrupted = ByteBuffer.allocate(length).put(wire, 0, length);
    corrupted.putInt(0, length);
    if (length > 16) {
      corrupted.put(16 + position % (length - 16), replacement);
    }

    DecodeResult result = SmppPduCodec.decode(corrupted.array());

    assertThat(result.sequenceNumber()).isEqualTo(pdu.sequenceNumber());
    assertThat(result).isInstanceOfAny(DecodeResult.Decoded.class, InvalidPdu.class);
  }

  private static EmbeddedChannel channel(TrackingAllocator allocator) {
    EmbeddedChannel channel =
        new EmbeddedChannel(new SmppFrameDecoder(MAX_FRAME), new SmppPduDecoder());
    channel.config().setAllocator(allocator);
    return channel;
  }

  private static List<Object> drain(EmbeddedChannel channel) {
    List<Object> messages = new ArrayList<>();
    for (Object m = channel.readInbound(); m != null; m = channel.readInbound()) {
      if (m instanceof ByteBuf leaked) {
        leaked.release();
        throw new AssertionError("a raw frame escaped the PDU decoder");
      }
      messages.add(m);
    }
    return messages;
  }
}
