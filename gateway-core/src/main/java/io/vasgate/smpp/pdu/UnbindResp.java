package io.vasgate.smpp.pdu;

/** unbind_resp (SMPP 3.4 section 4.2.2). No body. */
public record UnbindResp(int commandStatus, int sequenceNumber) implements PduResponse {

  @Override
  public CommandId commandId() {
    return CommandId.UNBIND_RESP;
  }

  @Override
  public UnbindResp withSequenceNumber(int sequenceNumber) {
    return new UnbindResp(commandStatus, sequenceNumber);
  }
}
