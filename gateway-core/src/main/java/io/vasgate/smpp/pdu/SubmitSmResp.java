package io.vasgate.smpp.pdu;

import java.util.List;

/**
 * submit_sm_resp (SMPP 3.4 section 4.4.2): the SMSC's message_id for an accepted submit_sm. The
 * body is omitted on the wire when command_status is not 0, so a refusal decodes with an empty
 * message_id. SMPP 3.4 defines no TLVs here; SMPP 5.0 SMSCs may send some (e.g.
 * additional_status_info_text), and they are kept.
 */
public record SubmitSmResp(int commandStatus, int sequenceNumber, String messageId, List<Tlv> tlvs)
    implements PduResponse, TlvCarrier {

  /**
   * @throws IllegalArgumentException if message_id exceeds {@link SmppLimits#MAX_MESSAGE_ID_LENGTH}
   */
  public SubmitSmResp {
    messageId = Fields.cString(messageId, "message_id", SmppLimits.MAX_MESSAGE_ID_LENGTH);
    tlvs = Fields.tlvs(tlvs);
  }

  /** A response without optional parameters (all SMPP 3.4 allows). */
  public SubmitSmResp(int commandStatus, int sequenceNumber, String messageId) {
    this(commandStatus, sequenceNumber, messageId, List.of());
  }

  @Override
  public CommandId commandId() {
    return CommandId.SUBMIT_SM_RESP;
  }

  @Override
  public SubmitSmResp withSequenceNumber(int sequenceNumber) {
    return new SubmitSmResp(commandStatus, sequenceNumber, messageId, tlvs);
  }
}
