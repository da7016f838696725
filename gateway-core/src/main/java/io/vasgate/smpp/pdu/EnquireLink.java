package io.vasgate.smpp.pdu;

/** enquire_link (SMPP 3.4 section 4.11.1): a keep-alive either side may send. No body. */
public record EnquireLink(int sequenceNumber) implements PduRequest {

  @Override
  public CommandId commandId() {
    return CommandId.ENQUIRE_LINK;
  }

  @Override
  public EnquireLink withSequenceNumber(int sequenceNumber) {
    return new EnquireLink(sequenceNumber);
  }

  /** The EnquireLinkResp accepting this request. */
  public EnquireLinkResp response() {
    return new EnquireLinkResp(0, sequenceNumber);
  }

  @Override
  public EnquireLinkResp negativeResponse(int commandStatus) {
    return new EnquireLinkResp(commandStatus, sequenceNumber);
  }
}
