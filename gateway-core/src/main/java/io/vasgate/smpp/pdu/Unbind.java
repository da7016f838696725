package io.vasgate.smpp.pdu;

/** unbind (SMPP 3.4 section 4.2.1): either side ends the session. No body. */
public record Unbind(int sequenceNumber) implements PduRequest {

  @Override
  public CommandId commandId() {
    return CommandId.UNBIND;
  }

  @Override
  public Unbind withSequenceNumber(int sequenceNumber) {
    return new Unbind(sequenceNumber);
  }

  /** The UnbindResp accepting this request. */
  public UnbindResp response() {
    return new UnbindResp(0, sequenceNumber);
  }

  @Override
  public UnbindResp negativeResponse(int commandStatus) {
    return new UnbindResp(commandStatus, sequenceNumber);
  }
}
