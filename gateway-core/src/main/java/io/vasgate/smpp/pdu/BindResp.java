package io.vasgate.smpp.pdu;

import java.util.List;
import java.util.Objects;

/**
 * bind_transmitter_resp, bind_receiver_resp or bind_transceiver_resp (SMPP 3.4 sections 4.1.2,
 * 4.1.4, 4.1.6). The body is omitted on the wire when the bind is refused, so a refused response
 * decodes with an empty system_id. The only 3.4 TLV is sc_interface_version.
 */
public record BindResp(
    BindType bindType, int commandStatus, int sequenceNumber, String systemId, List<Tlv> tlvs)
    implements PduResponse, TlvCarrier {

  /**
   * @throws IllegalArgumentException if system_id exceeds {@link SmppLimits#MAX_SYSTEM_ID_LENGTH}
   */
  public BindResp {
    Objects.requireNonNull(bindType, "bindType");
    systemId = Fields.cString(systemId, "system_id", SmppLimits.MAX_SYSTEM_ID_LENGTH);
    tlvs = Fields.tlvs(tlvs);
  }

  @Override
  public CommandId commandId() {
    return bindType.responseId();
  }

  @Override
  public BindResp withSequenceNumber(int sequenceNumber) {
    return new BindResp(bindType, commandStatus, sequenceNumber, systemId, tlvs);
  }
}
