package io.vasgate.smpp.pdu;

/**
 * generic_nack (SMPP 3.4 section 4.3.1): the answer to a PDU with an invalid command_length or an
 * unknown command_id, or to a request that has no response of its own. No body.
 */
public record GenericNack(int commandStatus, int sequenceNumber) implements PduResponse {

  @Override
  public CommandId commandId() {
    return CommandId.GENERIC_NACK;
  }

  @Override
  public GenericNack withSequenceNumber(int sequenceNumber) {
    return new GenericNack(commandStatus, sequenceNumber);
  }
}
