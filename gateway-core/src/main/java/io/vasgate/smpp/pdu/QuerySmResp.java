package io.vasgate.smpp.pdu;

/**
 * query_sm_resp (SMPP 3.4 section 4.8.2).
 *
 * @param finalDate when the message reached its final state, empty while it has not
 * @param messageState 1 ENROUTE, 2 DELIVERED, 3 EXPIRED, 4 DELETED, 5 UNDELIVERABLE, 6 ACCEPTED, 7
 *     UNKNOWN, 8 REJECTED
 * @param errorCode the network-specific error code of a failed delivery
 */
public record QuerySmResp(
    int commandStatus,
    int sequenceNumber,
    String messageId,
    String finalDate,
    byte messageState,
    byte errorCode)
    implements PduResponse {

  /**
   * @throws IllegalArgumentException if a field breaks its limit in {@link SmppLimits}
   */
  public QuerySmResp {
    messageId = Fields.cString(messageId, "message_id", SmppLimits.MAX_MESSAGE_ID_LENGTH);
    finalDate = Fields.cString(finalDate, "final_date", SmppLimits.MAX_TIME_LENGTH);
  }

  @Override
  public CommandId commandId() {
    return CommandId.QUERY_SM_RESP;
  }

  @Override
  public QuerySmResp withSequenceNumber(int sequenceNumber) {
    return new QuerySmResp(
        commandStatus, sequenceNumber, messageId, finalDate, messageState, errorCode);
  }
}
