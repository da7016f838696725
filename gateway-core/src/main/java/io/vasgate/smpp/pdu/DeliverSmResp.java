package io.vasgate.smpp.pdu;

import java.util.List;

/**
 * deliver_sm_resp (SMPP 3.4 section 4.6.2). message_id is unused by the specification and normally
 * empty. SMPP 3.4 defines no TLVs here; SMPP 5.0 ESMEs may send some, and they are kept.
 */
public record DeliverSmResp(int commandStatus, int sequenceNumber, String messageId, List<Tlv> tlvs)
    implements PduResponse, TlvCarrier {

  /**
   * @throws IllegalArgumentException if message_id exceeds {@link SmppLimits#MAX_MESSAGE_ID_LENGTH}
   */
  public DeliverSmResp {
    messageId = Fields.cString(messageId, "message_id", SmppLimits.MAX_MESSAGE_ID_LENGTH);
    tlvs = Fields.tlvs(tlvs);
  }

  /** A response without optional parameters (all SMPP 3.4 allows). */
  public DeliverSmResp(int commandStatus, int sequenceNumber, String messageId) {
    this(commandStatus, sequenceNumber, messageId, List.of());
  }

  @Override
  public CommandId commandId() {
    return CommandId.DELIVER_SM_RESP;
  }

  @Override
  public DeliverSmResp withSequenceNumber(int sequenceNumber) {
    return new DeliverSmResp(commandStatus, sequenceNumber, messageId, tlvs);
  }
}
