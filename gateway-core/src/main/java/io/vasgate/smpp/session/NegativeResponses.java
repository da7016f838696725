package io.vasgate.smpp.session;

import io.vasgate.smpp.pdu.BindResp;
import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.CancelSmResp;
import io.vasgate.smpp.pdu.CommandId;
import io.vasgate.smpp.pdu.DataSmResp;
import io.vasgate.smpp.pdu.DeliverSmResp;
import io.vasgate.smpp.pdu.EnquireLinkResp;
import io.vasgate.smpp.pdu.GenericNack;
import io.vasgate.smpp.pdu.PduResponse;
import io.vasgate.smpp.pdu.QuerySmResp;
import io.vasgate.smpp.pdu.ReplaceSmResp;
import io.vasgate.smpp.pdu.SubmitMultiResp;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.pdu.UnbindResp;
import java.util.List;

/**
 * The negative response to a request we could not decode: its command_id and sequence number are
 * known from the header, its body is not, so there is no request object to ask.
 */
final class NegativeResponses {

  private NegativeResponses() {}

  /**
   * The {@code *_resp} matching request {@code id}, or generic_nack for requests that have none
   * (outbind, alert_notification).
   */
  static PduResponse of(CommandId id, int status, int sequence) {
    return switch (id) {
      case BIND_TRANSMITTER -> new BindResp(BindType.TRANSMITTER, status, sequence, "", List.of());
      case BIND_RECEIVER -> new BindResp(BindType.RECEIVER, status, sequence, "", List.of());
      case BIND_TRANSCEIVER -> new BindResp(BindType.TRANSCEIVER, status, sequence, "", List.of());
      case SUBMIT_SM -> new SubmitSmResp(status, sequence, "", List.of());
      case DELIVER_SM -> new DeliverSmResp(status, sequence, "", List.of());
      case DATA_SM -> new DataSmResp(status, sequence, "", List.of());
      case SUBMIT_MULTI -> new SubmitMultiResp(status, sequence, "", List.of(), List.of());
      case QUERY_SM -> new QuerySmResp(status, sequence, "", "", (byte) 0, (byte) 0);
      case CANCEL_SM -> new CancelSmResp(status, sequence);
      case REPLACE_SM -> new ReplaceSmResp(status, sequence);
      case ENQUIRE_LINK -> new EnquireLinkResp(status, sequence);
      case UNBIND -> new UnbindResp(status, sequence);
      default -> new GenericNack(status, sequence);
    };
  }
}
