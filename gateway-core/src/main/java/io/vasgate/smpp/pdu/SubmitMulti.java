package io.vasgate.smpp.pdu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * submit_multi (SMPP 3.4 section 4.5.1): one short message to up to 254 SME addresses and
 * distribution lists. Build one with {@link #builder()}.
 */
public record SubmitMulti(
    int sequenceNumber,
    String serviceType,
    Address source,
    List<DestAddress> destinations,
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
    implements PduRequest, TlvCarrier {

  /**
   * @throws IllegalArgumentException if a field breaks its limit in {@link SmppLimits}, or there
   *     are no destinations or more than {@link SmppLimits#MAX_DESTINATIONS}
   */
  public SubmitMulti {
    serviceType = Fields.cString(serviceType, "service_type", SmppLimits.MAX_SERVICE_TYPE_LENGTH);
    source = Fields.address(source, "source_addr", SmppLimits.MAX_SM_ADDRESS_LENGTH);
    destinations = destinations == null ? List.of() : List.copyOf(destinations);
    if (destinations.isEmpty() || destinations.size() > SmppLimits.MAX_DESTINATIONS) {
      throw new IllegalArgumentException(
          "number_of_dests is "
              + destinations.size()
              + ", must be 1 to "
              + SmppLimits.MAX_DESTINATIONS);
    }
    scheduleDeliveryTime =
        Fields.cString(scheduleDeliveryTime, "schedule_delivery_time", SmppLimits.MAX_TIME_LENGTH);
    validityPeriod = Fields.cString(validityPeriod, "validity_period", SmppLimits.MAX_TIME_LENGTH);
    shortMessage =
        Fields.octets(shortMessage, "short_message", SmppLimits.MAX_SHORT_MESSAGE_LENGTH);
    tlvs = Fields.tlvs(tlvs);
  }

  /** A builder with every field zero or empty and no destinations yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this PDU's fields. */
  public Builder toBuilder() {
    return new Builder()
        .sequenceNumber(sequenceNumber)
        .serviceType(serviceType)
        .source(source)
        .destinations(destinations)
        .esmClass(esmClass)
        .protocolId(protocolId)
        .priorityFlag(priorityFlag)
        .scheduleDeliveryTime(scheduleDeliveryTime)
        .validityPeriod(validityPeriod)
        .registeredDelivery(registeredDelivery)
        .replaceIfPresentFlag(replaceIfPresentFlag)
        .dataCoding(dataCoding)
        .smDefaultMsgId(smDefaultMsgId)
        .shortMessage(shortMessage)
        .tlvs(tlvs);
  }

  @Override
  public CommandId commandId() {
    return CommandId.SUBMIT_MULTI;
  }

  /** A copy of the short_message octets. */
  @Override
  public byte[] shortMessage() {
    return shortMessage.clone();
  }

  @Override
  public SubmitMulti withSequenceNumber(int sequenceNumber) {
    return toBuilder().sequenceNumber(sequenceNumber).build();
  }

  /** The submit_multi_resp for this message. */
  public SubmitMultiResp response(String messageId, List<UnsuccessSme> unsuccessSmes) {
    return new SubmitMultiResp(0, sequenceNumber, messageId, unsuccessSmes);
  }

  @Override
  public SubmitMultiResp negativeResponse(int commandStatus) {
    return new SubmitMultiResp(commandStatus, sequenceNumber, "", List.of());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SubmitMulti other
        && sequenceNumber == other.sequenceNumber
        && serviceType.equals(other.serviceType)
        && source.equals(other.source)
        && destinations.equals(other.destinations)
        && esmClass == other.esmClass
        && protocolId == other.protocolId
        && priorityFlag == other.priorityFlag
        && scheduleDeliveryTime.equals(other.scheduleDeliveryTime)
        && validityPeriod.equals(other.validityPeriod)
        && registeredDelivery == other.registeredDelivery
        && replaceIfPresentFlag == other.replaceIfPresentFlag
        && dataCoding == other.dataCoding
        && smDefaultMsgId == other.smDefaultMsgId
        && Arrays.equals(shortMessage, other.shortMessage)
        && tlvs.equals(other.tlvs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
                sequenceNumber,
                serviceType,
                source,
                destinations,
                esmClass,
                protocolId,
                priorityFlag,
                scheduleDeliveryTime,
                validityPeriod,
                registeredDelivery,
                replaceIfPresentFlag,
                dataCoding,
                smDefaultMsgId,
                tlvs)
            * 31
        + Arrays.hashCode(shortMessage);
  }

  @Override
  public String toString() {
    return "SubmitMulti[sequenceNumber="
        + sequenceNumber
        + ", serviceType="
        + serviceType
        + ", source="
        + source
        + ", destinations="
        + destinations
        + ", esmClass="
        + Fields.hex(esmClass & 0xFF)
        + ", protocolId="
        + Fields.hex(protocolId & 0xFF)
        + ", priorityFlag="
        + priorityFlag
        + ", scheduleDeliveryTime="
        + scheduleDeliveryTime
        + ", validityPeriod="
        + validityPeriod
        + ", registeredDelivery="
        + Fields.hex(registeredDelivery & 0xFF)
        + ", replaceIfPresentFlag="
        + replaceIfPresentFlag
        + ", dataCoding="
        + Fields.hex(dataCoding & 0xFF)
        + ", smDefaultMsgId="
        + smDefaultMsgId
        + ", shortMessage="
        + Fields.hex(shortMessage)
        + ", tlvs="
        + tlvs
        + "]";
  }

  /** Builds a {@link SubmitMulti}. */
  public static final class Builder extends MessageBuilder<Builder, SubmitMulti> {

    private final List<DestAddress> destinations = new ArrayList<>();

    private Builder() {}

    /** Appends one destination. */
    public Builder destination(DestAddress destination) {
      destinations.add(Objects.requireNonNull(destination, "destination"));
      return this;
    }

    /** Replaces all destinations. */
    public Builder destinations(List<DestAddress> destinations) {
      this.destinations.clear();
      this.destinations.addAll(destinations);
      return this;
    }

    @Override
    public SubmitMulti build() {
      return new SubmitMulti(
          sequenceNumber,
          serviceType,
          source,
          destinations,
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
