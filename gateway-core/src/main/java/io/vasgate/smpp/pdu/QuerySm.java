package io.vasgate.smpp.pdu;

/**
 * query_sm (SMPP 3.4 section 4.8.1): the ESME asks for the state of a message it submitted.
 *
 * @param source the source address of the original message, which some SMSCs need to find it
 */
public record QuerySm(int sequenceNumber, String messageId, Address source) implements PduRequest {

  /**
   * @throws IllegalArgumentException if a field breaks its limit in {@link SmppLimits}
   */
  public QuerySm {
    messageId = Fields.cString(messageId, "message_id", SmppLimits.MAX_MESSAGE_ID_LENGTH);
    source = Fields.address(source, "source_addr", SmppLimits.MAX_SM_ADDRESS_LENGTH);
  }

  @Override
  public CommandId commandId() {
    return CommandId.QUERY_SM;
  }

  @Override
  public QuerySm withSequenceNumber(int sequenceNumber) {
    return new QuerySm(sequenceNumber, messageId, source);
  }

  /** The query_sm_resp reporting this message's state. */
  public QuerySmResp response(String finalDate, byte messageState, byte errorCode) {
    return new QuerySmResp(0, sequenceNumber, messageId, finalDate, messageState, errorCode);
  }

  @Override
  public QuerySmResp negativeResponse(int commandStatus) {
    return new QuerySmResp(commandStatus, sequenceNumber, "", "", (byte) 0, (byte) 0);
  }
}
