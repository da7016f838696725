package io.vasgate.smpp.pdu;

import java.util.List;

/**
 * data_sm (SMPP 3.4 section 4.7.1): a message whose text travels in optional parameters (usually
 * message_payload). Either side may send it. Addresses may be up to 65 octets here.
 */
public record DataSm(
    int sequenceNumber,
    String serviceType,
    Address source,
    Address destination,
    byte esmClass,
    byte registeredDelivery,
    byte dataCoding,
    List<Tlv> tlvs)
    implements PduRequest, TlvCarrier {

  /**
   * @throws IllegalArgumentException if a field breaks its limit in {@link SmppLimits}
   */
  public DataSm {
    serviceType = Fields.cString(serviceType, "service_type", SmppLimits.MAX_SERVICE_TYPE_LENGTH);
    source = Fields.address(source, "source_addr", SmppLimits.MAX_LONG_ADDRESS_LENGTH);
    destination =
        Fields.address(destination, "destination_addr", SmppLimits.MAX_LONG_ADDRESS_LENGTH);
    tlvs = Fields.tlvs(tlvs);
  }

  @Override
  public CommandId commandId() {
    return CommandId.DATA_SM;
  }

  @Override
  public DataSm withSequenceNumber(int sequenceNumber) {
    return new DataSm(
        sequenceNumber,
        serviceType,
        source,
        destination,
        esmClass,
        registeredDelivery,
        dataCoding,
        tlvs);
  }

  /** The data_sm_resp accepting this message under the given id. */
  public DataSmResp response(String messageId, List<Tlv> tlvs) {
    return new DataSmResp(0, sequenceNumber, messageId, tlvs);
  }

  @Override
  public DataSmResp negativeResponse(int commandStatus) {
    return new DataSmResp(commandStatus, sequenceNumber, "");
  }
}
