package io.vasgate.smpp.pdu;

/** replace_sm_resp (SMPP 3.4 section 4.10.2). No body. */
public record ReplaceSmResp(int commandStatus, int sequenceNumber) implements PduResponse {

  @Override
  public CommandId commandId() {
    return CommandId.REPLACE_SM_RESP;
  }

  @Override
  public ReplaceSmResp withSequenceNumber(int sequenceNumber) {
    return new ReplaceSmResp(commandStatus, sequenceNumber);
  }
}
