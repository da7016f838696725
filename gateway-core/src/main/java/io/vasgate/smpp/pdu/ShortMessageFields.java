package io.vasgate.smpp.pdu;

import java.util.Arrays;
import java.util.Objects;

/** Equality, hashing, printing and copying shared by submit_sm and deliver_sm. */
final class ShortMessageFields {

  private ShortMessageFields() {}

  static <B extends MessageBuilder<B, ?>> B copy(ShortMessagePdu pdu, B builder) {
    return builder
        .sequenceNumber(pdu.sequenceNumber())
        .serviceType(pdu.serviceType())
        .source(pdu.source())
        .esmClass(pdu.esmClass())
        .protocolId(pdu.protocolId())
        .priorityFlag(pdu.priorityFlag())
        .scheduleDeliveryTime(pdu.scheduleDeliveryTime())
        .validityPeriod(pdu.validityPeriod())
        .registeredDelivery(pdu.registeredDelivery())
        .replaceIfPresentFlag(pdu.replaceIfPresentFlag())
        .dataCoding(pdu.dataCoding())
        .smDefaultMsgId(pdu.smDefaultMsgId())
        .shortMessage(pdu.shortMessage())
        .tlvs(pdu.tlvs());
  }

  static boolean sameFields(ShortMessagePdu a, ShortMessagePdu b) {
    return a.sequenceNumber() == b.sequenceNumber()
        && a.serviceType().equals(b.serviceType())
        && a.source().equals(b.source())
        && a.destination().equals(b.destination())
        && a.esmClass() == b.esmClass()
        && a.protocolId() == b.protocolId()
        && a.priorityFlag() == b.priorityFlag()
        && a.scheduleDeliveryTime().equals(b.scheduleDeliveryTime())
        && a.validityPeriod().equals(b.validityPeriod())
        && a.registeredDelivery() == b.registeredDelivery()
        && a.replaceIfPresentFlag() == b.replaceIfPresentFlag()
        && a.dataCoding() == b.dataCoding()
        && a.smDefaultMsgId() == b.smDefaultMsgId()
        && Arrays.equals(a.shortMessage(), b.shortMessage())
        && a.tlvs().equals(b.tlvs());
  }

  static int hash(ShortMessagePdu pdu) {
    return Objects.hash(
                pdu.sequenceNumber(),
                pdu.serviceType(),
                pdu.source(),
                pdu.destination(),
                pdu.esmClass(),
                pdu.protocolId(),
                pdu.priorityFlag(),
                pdu.scheduleDeliveryTime(),
                pdu.validityPeriod(),
                pdu.registeredDelivery(),
                pdu.replaceIfPresentFlag(),
                pdu.dataCoding(),
                pdu.smDefaultMsgId(),
                pdu.tlvs())
            * 31
        + Arrays.hashCode(pdu.shortMessage());
  }

  static String toString(String name, ShortMessagePdu pdu) {
    return name
        + "[sequenceNumber="
        + pdu.sequenceNumber()
        + ", serviceType="
        + pdu.serviceType()
        + ", source="
        + pdu.source()
        + ", destination="
        + pdu.destination()
        + ", esmClass="
        + Fields.hex(pdu.esmClass() & 0xFF)
        + ", protocolId="
        + Fields.hex(pdu.protocolId() & 0xFF)
        + ", priorityFlag="
        + pdu.priorityFlag()
        + ", scheduleDeliveryTime="
        + pdu.scheduleDeliveryTime()
        + ", validityPeriod="
        + pdu.validityPeriod()
        + ", registeredDelivery="
        + Fields.hex(pdu.registeredDelivery() & 0xFF)
        + ", replaceIfPresentFlag="
        + pdu.replaceIfPresentFlag()
        + ", dataCoding="
        + Fields.hex(pdu.dataCoding() & 0xFF)
        + ", smDefaultMsgId="
        + pdu.smDefaultMsgId()
        + ", shortMessage="
        + Fields.hex(pdu.shortMessage())
        + ", tlvs="
        + pdu.tlvs()
        + "]";
  }
}
