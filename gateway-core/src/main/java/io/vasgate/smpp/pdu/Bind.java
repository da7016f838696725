package io.vasgate.smpp.pdu;

import java.util.List;
import java.util.Objects;

/**
 * bind_transmitter, bind_receiver or bind_transceiver (SMPP 3.4 sections 4.1.1, 4.1.3, 4.1.5): the
 * three share one body, so one record with a {@link BindType}.
 *
 * @param interfaceVersion the SMPP version the ESME speaks; 0x34 for 3.4
 * @param addressRange the ESME's address range (a regular expression in practice), max 41 octets
 */
public record Bind(
    BindType bindType,
    int sequenceNumber,
    String systemId,
    String password,
    String systemType,
    byte interfaceVersion,
    Address addressRange)
    implements PduRequest {

  /**
   * @throws IllegalArgumentException if a string exceeds its limit in {@link SmppLimits}
   */
  public Bind {
    Objects.requireNonNull(bindType, "bindType");
    systemId = Fields.cString(systemId, "system_id", SmppLimits.MAX_SYSTEM_ID_LENGTH);
    password = Fields.cString(password, "password", SmppLimits.MAX_PASSWORD_LENGTH);
    systemType = Fields.cString(systemType, "system_type", SmppLimits.MAX_SYSTEM_TYPE_LENGTH);
    addressRange =
        Fields.address(addressRange, "address_range", SmppLimits.MAX_ADDRESS_RANGE_LENGTH);
  }

  /** A version 3.4 bind with no system_type and an empty address range. */
  public static Bind of(BindType bindType, int sequenceNumber, String systemId, String password) {
    return new Bind(
        bindType,
        sequenceNumber,
        systemId,
        password,
        "",
        SmppLimits.INTERFACE_VERSION_34,
        Address.EMPTY);
  }

  @Override
  public CommandId commandId() {
    return bindType.requestId();
  }

  @Override
  public Bind withSequenceNumber(int sequenceNumber) {
    return new Bind(
        bindType, sequenceNumber, systemId, password, systemType, interfaceVersion, addressRange);
  }

  /** The bind_*_resp accepting this bind, naming the SMSC by its own system_id. */
  public BindResp response(String smscSystemId, List<Tlv> tlvs) {
    return new BindResp(bindType, 0, sequenceNumber, smscSystemId, tlvs);
  }

  @Override
  public BindResp negativeResponse(int commandStatus) {
    return new BindResp(bindType, commandStatus, sequenceNumber, "", List.of());
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "Bind[bindType="
        + bindType
        + ", sequenceNumber="
        + sequenceNumber
        + ", systemId="
        + systemId
        + ", password=***, systemType="
        + systemType
        + ", interfaceVersion="
        + Fields.hex(interfaceVersion & 0xFF)
        + ", addressRange="
        + addressRange
        + "]";
  }
}
