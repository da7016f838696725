package io.vasgate.smpp.pdu;

import java.util.List;
import java.util.Optional;

/** A response PDU, generic_nack included. */
public sealed interface PduResponse extends Pdu
    permits BindResp,
        UnbindResp,
        EnquireLinkResp,
        GenericNack,
        SubmitSmResp,
        DeliverSmResp,
        DataSmResp,
        SubmitMultiResp,
        QuerySmResp,
        CancelSmResp,
        ReplaceSmResp {

  @Override
  PduResponse withSequenceNumber(int sequenceNumber);

  /** Whether the peer accepted the request (command_status ESME_ROK). */
  default boolean isOk() {
    return commandStatus() == 0;
  }

  /** The named status, or empty for a vendor-specific or reserved code. */
  default Optional<CommandStatus> status() {
    return CommandStatus.of(commandStatus());
  }

  /**
   * The response refusing a request of which only the command id and sequence number are known
   * (e.g. one whose body could not be decoded): the matching *_resp with empty body fields, or
   * generic_nack for requests without a response of their own.
   *
   * @throws IllegalArgumentException if {@code requestId} is a response
   */
  static PduResponse refusing(CommandId requestId, int commandStatus, int sequenceNumber) {
    if (requestId.isResponse()) {
      throw new IllegalArgumentException(requestId.specName() + " is a response");
    }
    int status = commandStatus;
    int seq = sequenceNumber;
    return switch (requestId.responseId()) {
      case BIND_TRANSMITTER_RESP, BIND_RECEIVER_RESP, BIND_TRANSCEIVER_RESP ->
          new BindResp(BindType.of(requestId), status, seq, "", List.of());
      case UNBIND_RESP -> new UnbindResp(status, seq);
      case ENQUIRE_LINK_RESP -> new EnquireLinkResp(status, seq);
      case SUBMIT_SM_RESP -> new SubmitSmResp(status, seq, "");
      case DELIVER_SM_RESP -> new DeliverSmResp(status, seq, "");
      case DATA_SM_RESP -> new DataSmResp(status, seq, "");
      case SUBMIT_MULTI_RESP -> new SubmitMultiResp(status, seq, "", List.of());
      case QUERY_SM_RESP -> new QuerySmResp(status, seq, "", "", (byte) 0, (byte) 0);
      case CANCEL_SM_RESP -> new CancelSmResp(status, seq);
      case REPLACE_SM_RESP -> new ReplaceSmResp(status, seq);
      default -> new GenericNack(status, seq);
    };
  }
}
