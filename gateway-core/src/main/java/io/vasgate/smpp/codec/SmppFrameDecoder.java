package io.vasgate.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.vasgate.smpp.pdu.SmppLimits;
import java.util.List;
import java.util.OptionalInt;

/**
 * Splits the byte stream into PDUs by their command_length, emitting a retained slice of exactly
 * one PDU per frame (header included) without copying.
 *
 * <p>A command_length under 16 or over the maximum throws {@link SmppFrameException} at once,
 * without waiting for the rest: a peer that sends a short length may never send more. After that
 * the decoder discards everything, since no later byte can be trusted to start a PDU.
 */
public final class SmppFrameDecoder extends ByteToMessageDecoder {

  /**
   * Default largest command_length: 64 KiB, comfortably above a submit_sm carrying a full
   * message_payload TLV, small enough that a garbage length cannot make us buffer much.
   */
  public static final int DEFAULT_MAX_COMMAND_LENGTH = 64 * 1024;

  private static final int LENGTH_FIELD_SIZE = 4;

  private final int maxCommandLength;
  private boolean discarding;

  public SmppFrameDecoder() {
    this(DEFAULT_MAX_COMMAND_LENGTH);
  }

  /**
   * @param maxCommandLength the largest PDU accepted, header included
   * @throws IllegalArgumentException if it is under the 16-octet header
   */
  public SmppFrameDecoder(int maxCommandLength) {
    if (maxCommandLength < SmppLimits.HEADER_LENGTH) {
      throw new IllegalArgumentException(
          "maxCommandLength " + maxCommandLength + " is under the 16-octet header");
    }
    this.maxCommandLength = maxCommandLength;
  }

  public int maxCommandLength() {
    return maxCommandLength;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (discarding) {
      in.skipBytes(in.readableBytes());
      return;
    }
    int available = in.readableBytes();
    if (available < LENGTH_FIELD_SIZE) {
      return;
    }
    int start = in.readerIndex();
    long commandLength = in.getUnsignedInt(start);
    if (commandLength < SmppLimits.HEADER_LENGTH || commandLength > maxCommandLength) {
      OptionalInt commandId =
          available >= 8 ? OptionalInt.of(in.getInt(start + 4)) : OptionalInt.empty();
      OptionalInt sequenceNumber =
          available >= SmppLimits.HEADER_LENGTH
              ? OptionalInt.of(in.getInt(start + 12))
              : OptionalInt.empty();
      discarding = true;
      in.skipBytes(available);
      throw new SmppFrameException(commandLength, maxCommandLength, commandId, sequenceNumber);
    }
    if (available < commandLength) {
      return;
    }
    out.add(in.readRetainedSlice((int) commandLength));
  }
}
