package io.vasgate.smpp.pdu;

import java.util.List;

/**
 * data_sm_resp (SMPP 3.4 section 4.7.2): the message_id and optional parameters such as
 * delivery_failure_reason, network_error_code, additional_status_info_text and dpf_result.
 */
public record DataSmResp(int commandStatus, int sequenceNumber, String messageId, List<Tlv> tlvs)
    implements PduResponse, TlvCarrier {

  /**
   * @throws IllegalArgumentException if message_id exceeds {@link SmppLimits#MAX_MESSAGE_ID_LENGTH}
   */
  public DataSmResp {
    messageId = Fields.cString(messageId, "message_id", SmppLimits.MAX_MESSAGE_ID_LENGTH);
    tlvs = Fields.tlvs(tlvs);
  }

  /** A response without optional parameters. */
  public DataSmResp(int commandStatus, int sequenceNumber, String messageId) {
    this(commandStatus, sequenceNumber, messageId, List.of());
  }

  @Override
  public CommandId commandId() {
    return CommandId.DATA_SM_RESP;
  }

  @Override
  public DataSmResp withSequenceNumber(int sequenceNumber) {
    return new DataSmResp(commandStatus, sequenceNumber, messageId, tlvs);
  }
}
