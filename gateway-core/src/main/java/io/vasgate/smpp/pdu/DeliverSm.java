package io.vasgate.smpp.pdu;

import java.util.List;
import java.util.Objects;

/**
 * deliver_sm (SMPP 3.4 section 4.6.1): the SMSC delivers a mobile originated message or a delivery
 * receipt to the ESME. Same body as submit_sm; the specification wants schedule_delivery_time,
 * validity_period, replace_if_present_flag and sm_default_msg_id unused, but they are kept as
 * received. Build one with {@link #builder()}; every field not set is zero or empty.
 */
public record DeliverSm(
    int sequenceNumber,
    String serviceType,
    Address source,
    Address destination,
    byte esmClass,
    byte protocolId,
    byte priorityFlag,
    String scheduleDeliveryTime,
    String validityPeriod,
    byte registeredDelivery,
    byte replaceIfPresentFlag,
    byte dataCoding,
    byte smDefaultMsgId,
    byte[] shortMessage,
    List<Tlv> tlvs)
    implements ShortMessagePdu {

  /**
   * @throws IllegalArgumentException if a field breaks its limit in {@link SmppLimits}
   */
  public DeliverSm {
    serviceType = Fields.cString(serviceType, "service_type", SmppLimits.MAX_SERVICE_TYPE_LENGTH);
    source = Fields.address(source, "source_addr", SmppLimits.MAX_SM_ADDRESS_LENGTH);
    destination = Fields.address(destination, "destination_addr", SmppLimits.MAX_SM_ADDRESS_LENGTH);
    scheduleDeliveryTime =
        Fields.cString(scheduleDeliveryTime, "schedule_delivery_time", SmppLimits.MAX_TIME_LENGTH);
    validityPeriod = Fields.cString(validityPeriod, "validity_period", SmppLimits.MAX_TIME_LENGTH);
    shortMessage =
        Fields.octets(shortMessage, "short_message", SmppLimits.MAX_SHORT_MESSAGE_LENGTH);
    tlvs = Fields.tlvs(tlvs);
  }

  /** A builder with every field zero or empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this PDU's fields. */
  public Builder toBuilder() {
    return ShortMessageFields.copy(this, new Builder()).destination(destination);
  }

  @Override
  public CommandId commandId() {
    return CommandId.DELIVER_SM;
  }

  @Override
  public byte[] shortMessage() {
    return shortMessage.clone();
  }

  @Override
  public int smLength() {
    return shortMessage.length;
  }

  @Override
  public DeliverSm withSequenceNumber(int sequenceNumber) {
    return toBuilder().sequenceNumber(sequenceNumber).build();
  }

  /** The deliver_sm_resp accepting this message (its message_id is unused, so empty). */
  public DeliverSmResp response() {
    return new DeliverSmResp(0, sequenceNumber, "");
  }

  /**
   * Whether this is a receipt-like notification rather than a mobile originated message (see {@link
   * EsmClass#isReceiptLike(byte)}).
   */
  public boolean isReceipt() {
    return EsmClass.isReceiptLike(esmClass);
  }

  @Override
  public DeliverSmResp negativeResponse(int commandStatus) {
    return new DeliverSmResp(commandStatus, sequenceNumber, "");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeliverSm other && ShortMessageFields.sameFields(this, other);
  }

  @Override
  public int hashCode() {
    return ShortMessageFields.hash(this);
  }

  @Override
  public String toString() {
    return ShortMessageFields.toString("DeliverSm", this);
  }

  /** Builds a {@link DeliverSm}. */
  public static final class Builder extends MessageBuilder<Builder, DeliverSm> {

    private Address destination = Address.EMPTY;

    private Builder() {}

    public Builder destination(Address destination) {
      this.destination = destination;
      return this;
    }

    @Override
    public DeliverSm build() {
      return new DeliverSm(
          sequenceNumber,
          serviceType,
          source,
          Objects.requireNonNullElse(destination, Address.EMPTY),
          esmClass,
          protocolId,
          priorityFlag,
          scheduleDeliveryTime,
          validityPeriod,
          registeredDelivery,
          replaceIfPresentFlag,
          dataCoding,
          smDefaultMsgId,
          shortMessage,
          tlvs);
    }
  }
}
