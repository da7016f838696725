package io.vasgate.smpp.pdu;

import java.util.Arrays;
import java.util.Objects;

/** replace_sm (SMPP 3.4 section 4.10.1): replace a pending message that the ESME submitted. */
public record ReplaceSm(
    int sequenceNumber,
    String messageId,
    Address source,
    String scheduleDeliveryTime,
    String validityPeriod,
    byte registeredDelivery,
    byte smDefaultMsgId,
    byte[] shortMessage)
    implements PduRequest {

  /**
   * @throws IllegalArgumentException if a field breaks its limit in {@link SmppLimits}
   */
  public ReplaceSm {
    messageId = Fields.cString(messageId, "message_id", SmppLimits.MAX_MESSAGE_ID_LENGTH);
    source = Fields.address(source, "source_addr", SmppLimits.MAX_SM_ADDRESS_LENGTH);
    scheduleDeliveryTime =
        Fields.cString(scheduleDeliveryTime, "schedule_delivery_time", SmppLimits.MAX_TIME_LENGTH);
    validityPeriod = Fields.cString(validityPeriod, "validity_period", SmppLimits.MAX_TIME_LENGTH);
    shortMessage =
        Fields.octets(shortMessage, "short_message", SmppLimits.MAX_SHORT_MESSAGE_LENGTH);
  }

  @Override
  public CommandId commandId() {
    return CommandId.REPLACE_SM;
  }

  /** A copy of the short_message octets. */
  @Override
  public byte[] shortMessage() {
    return shortMessage.clone();
  }

  @Override
  public ReplaceSm withSequenceNumber(int sequenceNumber) {
    return new ReplaceSm(
        sequenceNumber,
        messageId,
        source,
        scheduleDeliveryTime,
        validityPeriod,
        registeredDelivery,
        smDefaultMsgId,
        shortMessage);
  }

  /** The replace_sm_resp confirming the replacement. */
  public ReplaceSmResp response() {
    return new ReplaceSmResp(0, sequenceNumber);
  }

  @Override
  public ReplaceSmResp negativeResponse(int commandStatus) {
    return new ReplaceSmResp(commandStatus, sequenceNumber);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReplaceSm other
        && sequenceNumber == other.sequenceNumber
        && messageId.equals(other.messageId)
        && source.equals(other.source)
        && scheduleDeliveryTime.equals(other.scheduleDeliveryTime)
        && validityPeriod.equals(other.validityPeriod)
        && registeredDelivery == other.registeredDelivery
        && smDefaultMsgId == other.smDefaultMsgId
        && Arrays.equals(shortMessage, other.shortMessage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
                sequenceNumber,
                messageId,
                source,
                scheduleDeliveryTime,
                validityPeriod,
                registeredDelivery,
                smDefaultMsgId)
            * 31
        + Arrays.hashCode(shortMessage);
  }

  @Override
  public String toString() {
    return "ReplaceSm[sequenceNumber="
        + sequenceNumber
        + ", messageId="
        + messageId
        + ", source="
        + source
        + ", scheduleDeliveryTime="
        + scheduleDeliveryTime
        + ", validityPeriod="
        + validityPeriod
        + ", registeredDelivery="
        + Fields.hex(registeredDelivery & 0xFF)
        + ", smDefaultMsgId="
        + smDefaultMsgId
        + ", shortMessage="
        + Fields.hex(shortMessage)
        + "]";
  }
}
