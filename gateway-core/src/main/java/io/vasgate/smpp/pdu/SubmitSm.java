package io.vasgate.smpp.pdu;

import java.util.List;
import java.util.Objects;

/**
 * submit_sm (SMPP 3.4 section 4.4.1): an ESME submits a short message for delivery. Build one with
 * {@link #builder()}; every field not set is zero or empty.
 */
public record SubmitSm(
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
  public SubmitSm {
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
    return CommandId.SUBMIT_SM;
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
  public SubmitSm withSequenceNumber(int sequenceNumber) {
    return toBuilder().sequenceNumber(sequenceNumber).build();
  }

  /** The submit_sm_resp accepting this message under the given id. */
  public SubmitSmResp response(String messageId) {
    return new SubmitSmResp(0, sequenceNumber, messageId);
  }

  @Override
  public SubmitSmResp negativeResponse(int commandStatus) {
    return new SubmitSmResp(commandStatus, sequenceNumber, "");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SubmitSm other && ShortMessageFields.sameFields(this, other);
  }

  @Override
  public int hashCode() {
    return ShortMessageFields.hash(this);
  }

  @Override
  public String toString() {
    return ShortMessageFields.toString("SubmitSm", this);
  }

  /** Builds a {@link SubmitSm}. */
  public static final class Builder extends MessageBuilder<Builder, SubmitSm> {

    private Address destination = Address.EMPTY;

    private Builder() {}

    public Builder destination(Address destination) {
      this.destination = destination;
      return this;
    }

    @Override
    public SubmitSm build() {
      return new SubmitSm(
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
