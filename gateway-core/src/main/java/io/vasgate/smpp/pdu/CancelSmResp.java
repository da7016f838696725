package io.vasgate.smpp.pdu;

/** cancel_sm_resp (SMPP 3.4 section 4.9.2). No body. */
public record CancelSmResp(int commandStatus, int sequenceNumber) implements PduResponse {

  @Override
  public CommandId commandId() {
    return CommandId.CANCEL_SM_RESP;
  }

  @Override
  public CancelSmResp withSequenceNumber(int sequenceNumber) {
    return new CancelSmResp(commandStatus, sequenceNumber);
  }
}
