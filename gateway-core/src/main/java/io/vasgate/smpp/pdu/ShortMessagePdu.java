package io.vasgate.smpp.pdu;

/**
 * The shared shape of submit_sm and deliver_sm (SMPP 3.4 sections 4.4.1 and 4.6.1): the same
 * mandatory fields in the same order, so the codec has one body encoder and one body decoder for
 * both.
 */
public sealed interface ShortMessagePdu extends PduRequest, TlvCarrier permits SubmitSm, DeliverSm {

  String serviceType();

  Address source();

  Address destination();

  byte esmClass();

  byte protocolId();

  byte priorityFlag();

  String scheduleDeliveryTime();

  String validityPeriod();

  byte registeredDelivery();

  byte replaceIfPresentFlag();

  byte dataCoding();

  byte smDefaultMsgId();

  /** A copy of the short_message octets (0 to 254). */
  byte[] shortMessage();

  /** The sm_length field: the number of short_message octets. */
  int smLength();
}
