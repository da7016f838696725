package io.vasgate.smpp.pdu;

/**
 * outbind (SMPP 3.4 section 4.1.7): an SMSC asks the ESME to bind_receiver back. It has no
 * response; a malformed one can only be answered with generic_nack.
 */
public record Outbind(int sequenceNumber, String systemId, String password) implements PduRequest {

  /**
   * @throws IllegalArgumentException if a string exceeds its limit in {@link SmppLimits}
   */
  public Outbind {
    systemId = Fields.cString(systemId, "system_id", SmppLimits.MAX_SYSTEM_ID_LENGTH);
    password = Fields.cString(password, "password", SmppLimits.MAX_PASSWORD_LENGTH);
  }

  @Override
  public CommandId commandId() {
    return CommandId.OUTBIND;
  }

  @Override
  public Outbind withSequenceNumber(int sequenceNumber) {
    return new Outbind(sequenceNumber, systemId, password);
  }

  @Override
  public GenericNack negativeResponse(int commandStatus) {
    return new GenericNack(commandStatus, sequenceNumber);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "Outbind[sequenceNumber="
        + sequenceNumber
        + ", systemId="
        + systemId
        + ", password=***]";
  }
}
