package io.vasgate.smpp.pdu;

/**
 * cancel_sm (SMPP 3.4 section 4.9.1): cancel one pending message (by message_id) or all pending
 * messages from source to destination (with an empty message_id, optionally per service_type).
 */
public record CancelSm(
    int sequenceNumber, String serviceType, String messageId, Address source, Address destination)
    implements PduRequest {

  /**
   * @throws IllegalArgumentException if a field breaks its limit in {@link SmppLimits}
   */
  public CancelSm {
    serviceType = Fields.cString(serviceType, "service_type", SmppLimits.MAX_SERVICE_TYPE_LENGTH);
    messageId = Fields.cString(messageId, "message_id", SmppLimits.MAX_MESSAGE_ID_LENGTH);
    source = Fields.address(source, "source_addr", SmppLimits.MAX_SM_ADDRESS_LENGTH);
    destination = Fields.address(destination, "destination_addr", SmppLimits.MAX_SM_ADDRESS_LENGTH);
  }

  @Override
  public CommandId commandId() {
    return CommandId.CANCEL_SM;
  }

  @Override
  public CancelSm withSequenceNumber(int sequenceNumber) {
    return new CancelSm(sequenceNumber, serviceType, messageId, source, destination);
  }

  /** The cancel_sm_resp confirming the cancellation. */
  public CancelSmResp response() {
    return new CancelSmResp(0, sequenceNumber);
  }

  @Override
  public CancelSmResp negativeResponse(int commandStatus) {
    return new CancelSmResp(commandStatus, sequenceNumber);
  }
}
