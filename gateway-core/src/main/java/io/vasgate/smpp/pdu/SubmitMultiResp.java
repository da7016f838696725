package io.vasgate.smpp.pdu;

import java.util.List;

/**
 * submit_multi_resp (SMPP 3.4 section 4.5.2): the message_id and the destinations that failed. SMPP
 * 3.4 defines no TLVs here; SMPP 5.0 peers may send some, and they are kept.
 */
public record SubmitMultiResp(
    int commandStatus,
    int sequenceNumber,
    String messageId,
    List<UnsuccessSme> unsuccessSmes,
    List<Tlv> tlvs)
    implements PduResponse, TlvCarrier {

  /**
   * @throws IllegalArgumentException if message_id is too long or there are more than 255
   *     unsuccessful destinations
   */
  public SubmitMultiResp {
    messageId = Fields.cString(messageId, "message_id", SmppLimits.MAX_MESSAGE_ID_LENGTH);
    unsuccessSmes = unsuccessSmes == null ? List.of() : List.copyOf(unsuccessSmes);
    if (unsuccessSmes.size() > SmppLimits.MAX_UNSUCCESS_SMES) {
      throw new IllegalArgumentException(
          "no_unsuccess is "
              + unsuccessSmes.size()
              + ", at most "
              + SmppLimits.MAX_UNSUCCESS_SMES
              + " allowed");
    }
    tlvs = Fields.tlvs(tlvs);
  }

  /** A response without optional parameters (all SMPP 3.4 allows). */
  public SubmitMultiResp(
      int commandStatus, int sequenceNumber, String messageId, List<UnsuccessSme> unsuccessSmes) {
    this(commandStatus, sequenceNumber, messageId, unsuccessSmes, List.of());
  }

  @Override
  public CommandId commandId() {
    return CommandId.SUBMIT_MULTI_RESP;
  }

  @Override
  public SubmitMultiResp withSequenceNumber(int sequenceNumber) {
    return new SubmitMultiResp(commandStatus, sequenceNumber, messageId, unsuccessSmes, tlvs);
  }
}
