package io.vasgate.smpp.pdu;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields submit_sm, deliver_sm and submit_multi share, with their defaults: everything zero or
 * empty. Validation happens in the record constructor that {@link #build()} calls.
 *
 * @param <B> the concrete builder, so that setters chain
 * @param <T> the PDU it builds
 */
public abstract class MessageBuilder<B extends MessageBuilder<B, T>, T extends PduRequest> {

  int sequenceNumber;
  String serviceType = "";
  Address source = Address.EMPTY;
  byte esmClass;
  byte protocolId;
  byte priorityFlag;
  String scheduleDeliveryTime = "";
  String validityPeriod = "";
  byte registeredDelivery;
  byte replaceIfPresentFlag;
  byte dataCoding;
  byte smDefaultMsgId;
  byte[] shortMessage = Fields.NO_BYTES;
  final List<Tlv> tlvs = new ArrayList<>();

  MessageBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  public B sequenceNumber(int sequenceNumber) {
    this.sequenceNumber = sequenceNumber;
    return self();
  }

  public B serviceType(String serviceType) {
    this.serviceType = serviceType;
    return self();
  }

  public B source(Address source) {
    this.source = source;
    return self();
  }

  public B esmClass(int esmClass) {
    this.esmClass = (byte) esmClass;
    return self();
  }

  public B protocolId(int protocolId) {
    this.protocolId = (byte) protocolId;
    return self();
  }

  public B priorityFlag(int priorityFlag) {
    this.priorityFlag = (byte) priorityFlag;
    return self();
  }

  public B scheduleDeliveryTime(String scheduleDeliveryTime) {
    this.scheduleDeliveryTime = scheduleDeliveryTime;
    return self();
  }

  public B validityPeriod(String validityPeriod) {
    this.validityPeriod = validityPeriod;
    return self();
  }

  public B registeredDelivery(int registeredDelivery) {
    this.registeredDelivery = (byte) registeredDelivery;
    return self();
  }

  public B replaceIfPresentFlag(int replaceIfPresentFlag) {
    this.replaceIfPresentFlag = (byte) replaceIfPresentFlag;
    return self();
  }

  public B dataCoding(int dataCoding) {
    this.dataCoding = (byte) dataCoding;
    return self();
  }

  public B smDefaultMsgId(int smDefaultMsgId) {
    this.smDefaultMsgId = (byte) smDefaultMsgId;
    return self();
  }

  /** The short_message octets (copied when the PDU is built). */
  public B shortMessage(byte[] shortMessage) {
    this.shortMessage = shortMessage;
    return self();
  }

  /** Appends one optional parameter. */
  public B tlv(Tlv tlv) {
    this.tlvs.add(tlv);
    return self();
  }

  /** Replaces all optional parameters. */
  public B tlvs(List<Tlv> tlvs) {
    this.tlvs.clear();
    this.tlvs.addAll(tlvs);
    return self();
  }

  /**
   * @throws IllegalArgumentException if a field breaks a limit in {@link SmppLimits}
   */
  public abstract T build();
}
