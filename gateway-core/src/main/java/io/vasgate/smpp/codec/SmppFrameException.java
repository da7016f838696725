package io.vasgate.smpp.codec;

import io.netty.handler.codec.DecoderException;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.GenericNack;
import java.util.OptionalInt;

/**
 * A command_length that cannot be trusted: under the 16-octet header or over the configured
 * maximum. The byte stream can no longer be split into PDUs, so the connection is beyond repair:
 * answer with {@link #genericNack()} if you like, then close it.
 */
public final class SmppFrameException extends DecoderException {

  private static final long serialVersionUID = 1L;

  private final long commandLength;
  private final int maxCommandLength;
  // Boxed rather than OptionalInt, which is not serializable; null when not yet received.
  private final Integer commandId;
  private final Integer sequenceNumber;

  /**
   * @param commandLength the command_length as an unsigned number
   * @param commandId the command_id, if 8 octets had arrived
   * @param sequenceNumber the sequence_number, if the 16 header octets had arrived
   */
  public SmppFrameException(
      long commandLength, int maxCommandLength, OptionalInt commandId, OptionalInt sequenceNumber) {
    super(
        "command_length "
            + commandLength
            + (commandLength < 16
                ? " is shorter than the 16-octet header"
                : " exceeds the maximum of " + maxCommandLength));
    this.commandLength = commandLength;
    this.maxCommandLength = maxCommandLength;
    this.commandId = commandId.isPresent() ? commandId.getAsInt() : null;
    this.sequenceNumber = sequenceNumber.isPresent() ? sequenceNumber.getAsInt() : null;
  }

  /** The offending command_length, unsigned. */
  public long commandLength() {
    return commandLength;
  }

  /** The largest command_length the decoder accepts. */
  public int maxCommandLength() {
    return maxCommandLength;
  }

  /** The command_id, if at least 8 octets of the header had arrived. */
  public OptionalInt commandId() {
    return commandId == null ? OptionalInt.empty() : OptionalInt.of(commandId);
  }

  /** The sequence_number, if all 16 header octets had arrived. */
  public OptionalInt sequenceNumber() {
    return sequenceNumber == null ? OptionalInt.empty() : OptionalInt.of(sequenceNumber);
  }

  /** The generic_nack (ESME_RINVCMDLEN) answering the PDU, with its sequence number if known. */
  public GenericNack genericNack() {
    return new GenericNack(
        CommandStatus.ESME_RINVCMDLEN.code(), sequenceNumber == null ? 0 : sequenceNumber);
  }
}
