package io.vasgate.smpp.pdu;

import java.util.List;

/**
 * alert_notification (SMPP 3.4 section 4.12.1): the SMSC tells the ESME that a mobile it asked
 * about (set_dpf) is reachable again. It has no response; a malformed one can only be answered with
 * generic_nack. Addresses may be up to 65 octets; the only 3.4 TLV is ms_availability_status.
 */
public record AlertNotification(
    int sequenceNumber, Address source, Address esmeAddress, List<Tlv> tlvs)
    implements PduRequest, TlvCarrier {

  /**
   * @throws IllegalArgumentException if an address exceeds {@link
   *     SmppLimits#MAX_LONG_ADDRESS_LENGTH}
   */
  public AlertNotification {
    source = Fields.address(source, "source_addr", SmppLimits.MAX_LONG_ADDRESS_LENGTH);
    esmeAddress = Fields.address(esmeAddress, "esme_addr", SmppLimits.MAX_LONG_ADDRESS_LENGTH);
    tlvs = Fields.tlvs(tlvs);
  }

  @Override
  public CommandId commandId() {
    return CommandId.ALERT_NOTIFICATION;
  }

  @Override
  public AlertNotification withSequenceNumber(int sequenceNumber) {
    return new AlertNotification(sequenceNumber, source, esmeAddress, tlvs);
  }

  @Override
  public GenericNack negativeResponse(int commandStatus) {
    return new GenericNack(commandStatus, sequenceNumber);
  }
}
