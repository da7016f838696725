package io.vasgate.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.vasgate.smpp.pdu.CommandId;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.Pdu;
import io.vasgate.smpp.pdu.SmppLimits;

/**
 * Encodes and decodes single SMPP 3.4 PDUs without a channel. The Netty handlers delegate here;
 * load drivers and tests call it directly.
 */
public final class SmppPduCodec {

  private SmppPduCodec() {}

  /**
   * Decodes the readable bytes of {@code frame}, which must hold exactly one PDU (header included),
   * and consumes them. Never throws and never releases {@code frame}. The command_status of a
   * request is ignored (the specification leaves it unused); that of a response is kept as sent.
   *
   * @return the PDU, or an {@link InvalidPdu} naming the command_status to answer with
   */
  public static DecodeResult decode(ByteBuf frame) {
    int start = frame.readerIndex();
    int frameLength = frame.readableBytes();
    int commandId = frameLength >= 8 ? frame.getInt(start + 4) : 0;
    int sequenceNumber = frameLength >= SmppLimits.HEADER_LENGTH ? frame.getInt(start + 12) : 0;
    try {
      if (frameLength < SmppLimits.HEADER_LENGTH) {
        return new InvalidPdu(
            commandId,
            sequenceNumber,
            CommandStatus.ESME_RINVCMDLEN.code(),
            "frame of " + frameLength + " octets is shorter than the 16-octet header");
      }
      long commandLength = frame.getUnsignedInt(start);
      if (commandLength != frameLength) {
        return new InvalidPdu(
            commandId,
            sequenceNumber,
            CommandStatus.ESME_RINVCMDLEN.code(),
            "command_length " + commandLength + " does not match the frame of " + frameLength);
      }
      CommandId command = CommandId.fromCode(commandId);
      if (command == null) {
        return new InvalidPdu(
            commandId,
            sequenceNumber,
            CommandStatus.ESME_RINVCMDID.code(),
            "unknown command_id 0x" + Integer.toHexString(commandId));
      }
      int commandStatus = frame.getInt(start + 8);
      ByteBuf body =
          frame.slice(start + SmppLimits.HEADER_LENGTH, frameLength - SmppLimits.HEADER_LENGTH);
      try {
        return new DecodeResult.Decoded(
            PduBodyDecoder.decode(command, commandStatus, sequenceNumber, new PduReader(body)));
      } catch (MalformedPduException e) {
        return new InvalidPdu(
            commandId,
            sequenceNumber,
            e.commandStatus(),
            command.specName() + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        // A record refused a value the body decoder let through: our bug, not the peer's.
        return new InvalidPdu(
            commandId,
            sequenceNumber,
            CommandStatus.ESME_RSYSERR.code(),
            command.specName() + ": " + e.getMessage());
      }
    } finally {
      frame.readerIndex(start + frameLength);
    }
  }

  /** {@link #decode(ByteBuf)} over a byte array holding exactly one PDU. */
  public static DecodeResult decode(byte[] frame) {
    ByteBuf buffer = Unpooled.wrappedBuffer(frame);
    try {
      return decode(buffer);
    } finally {
      buffer.release();
    }
  }

  /**
   * Appends the encoded PDU, header included, to {@code out}. On failure {@code out} is left as it
   * was.
   *
   * @throws IllegalArgumentException if a field does not fit its wire limit
   */
  public static void encode(Pdu pdu, ByteBuf out) {
    int start = out.writerIndex();
    try {
      out.writeInt(0); // command_length, patched below
      out.writeInt(pdu.commandId().code());
      out.writeInt(pdu.commandStatus());
      out.writeInt(pdu.sequenceNumber());
      PduBodyEncoder.encode(pdu, out);
      out.setInt(start, out.writerIndex() - start);
    } catch (RuntimeException e) {
      out.writerIndex(start);
      throw e;
    }
  }

  /**
   * The encoded PDU in a new buffer from {@code allocator}; the caller owns (and releases) it.
   *
   * @throws IllegalArgumentException if a field does not fit its wire limit
   */
  public static ByteBuf encode(Pdu pdu, ByteBufAllocator allocator) {
    ByteBuf out = allocator.buffer();
    try {
      encode(pdu, out);
      return out;
    } catch (RuntimeException e) {
      out.release();
      throw e;
    }
  }

  /**
   * The encoded PDU as a byte array.
   *
   * @throws IllegalArgumentException if a field does not fit its wire limit
   */
  public static byte[] encodeToBytes(Pdu pdu) {
    ByteBuf out = Unpooled.buffer();
    try {
      encode(pdu, out);
      return ByteBufUtil.getBytes(out);
    } finally {
      out.release();
    }
  }
}
