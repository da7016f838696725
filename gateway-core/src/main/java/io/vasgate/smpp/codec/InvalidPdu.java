package io.vasgate.smpp.codec;

import io.vasgate.smpp.pdu.CommandId;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.GenericNack;
import io.vasgate.smpp.pdu.PduResponse;
import java.util.Optional;

/**
 * A correctly framed PDU that breaks the specification, emitted inbound instead of a {@link
 * io.vasgate.smpp.pdu.Pdu} so that the session can answer precisely and carry on: the stream is
 * still in sync.
 *
 * @param commandId the raw command_id, possibly one SMPP 3.4 does not define
 * @param sequenceNumber the raw sequence_number, to answer with
 * @param commandStatus the status to answer with, e.g. ESME_RINVCMDID for an unknown command_id
 * @param reason what is wrong, for logs
 */
public record InvalidPdu(int commandId, int sequenceNumber, int commandStatus, String reason)
    implements DecodeResult {

  /** The command, if SMPP 3.4 defines its id. */
  public Optional<CommandId> command() {
    return Optional.ofNullable(CommandId.fromCode(commandId));
  }

  /**
   * The answer the specification suggests: generic_nack for an unknown command_id; the matching
   * *_resp with {@link #commandStatus()} and empty body fields for a known request (generic_nack
   * for outbind and alert_notification, which have no response); nothing for a response, since
   * responses are never answered.
   */
  public Optional<PduResponse> response() {
    CommandId command = CommandId.fromCode(commandId);
    if (command == null) {
      return Optional.of(new GenericNack(commandStatus, sequenceNumber));
    }
    if (command.isResponse()) {
      return Optional.empty();
    }
    return Optional.of(PduResponse.refusing(command, commandStatus, sequenceNumber));
  }

  @Override
  public String toString() {
    CommandId command = CommandId.fromCode(commandId);
    return "InvalidPdu["
        + (command != null ? command.specName() : "0x" + Integer.toHexString(commandId))
        + ", sequenceNumber="
        + sequenceNumber
        + ", commandStatus="
        + CommandStatus.describe(commandStatus)
        + ", reason="
        + reason
        + "]";
  }
}
