package io.vasgate.smpp.pdu;

/** enquire_link_resp (SMPP 3.4 section 4.11.2). No body. */
public record EnquireLinkResp(int commandStatus, int sequenceNumber) implements PduResponse {

  @Override
  public CommandId commandId() {
    return CommandId.ENQUIRE_LINK_RESP;
  }

  @Override
  public EnquireLinkResp withSequenceNumber(int sequenceNumber) {
    return new EnquireLinkResp(commandStatus, sequenceNumber);
  }
}
