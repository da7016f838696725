package io.vasgate.smpp.codec;

import io.vasgate.smpp.pdu.AlertNotification;
import io.vasgate.smpp.pdu.Bind;
import io.vasgate.smpp.pdu.BindResp;
import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.CancelSm;
import io.vasgate.smpp.pdu.CancelSmResp;
import io.vasgate.smpp.pdu.CommandId;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.DataSm;
import io.vasgate.smpp.pdu.DataSmResp;
import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.smpp.pdu.DeliverSmResp;
import io.vasgate.smpp.pdu.DestAddress;
import io.vasgate.smpp.pdu.EnquireLink;
import io.vasgate.smpp.pdu.EnquireLinkResp;
import io.vasgate.smpp.pdu.GenericNack;
import io.vasgate.smpp.pdu.MessageBuilder;
import io.vasgate.smpp.pdu.Outbind;
import io.vasgate.smpp.pdu.Pdu;
import io.vasgate.smpp.pdu.QuerySm;
import io.vasgate.smpp.pdu.QuerySmResp;
import io.vasgate.smpp.pdu.ReplaceSm;
import io.vasgate.smpp.pdu.ReplaceSmResp;
import io.vasgate.smpp.pdu.SmppLimits;
import io.vasgate.smpp.pdu.SubmitMulti;
import io.vasgate.smpp.pdu.SubmitMultiResp;
import io.vasgate.smpp.pdu.SubmitSm;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.pdu.Unbind;
import io.vasgate.smpp.pdu.UnbindResp;
import io.vasgate.smpp.pdu.UnsuccessSme;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the body of each SMPP 3.4 PDU, field by field in specification order.
 *
 * <p>Which bodies may end in TLVs: submit_sm, deliver_sm, data_sm, submit_multi, alert_notification
 * and bind_*_resp as SMPP 3.4 says, plus submit_sm_resp, deliver_sm_resp, data_sm_resp and
 * submit_multi_resp, where SMPP 5.0 SMSCs add them and refusing a response would lose the message's
 * fate. Every other body must end exactly after its last field.
 *
 * <p>A response with a non-zero command_status and no body at all decodes with empty fields: the
 * specification omits bind_resp and submit_sm_resp bodies on error, and SMSCs extend that to the
 * others.
 */
final class PduBodyDecoder {

  private PduBodyDecoder() {}

  static Pdu decode(CommandId id, int status, int seq, PduReader in) {
    return switch (id) {
      case BIND_TRANSMITTER, BIND_RECEIVER, BIND_TRANSCEIVER -> bind(BindType.of(id), seq, in);
      case BIND_TRANSMITTER_RESP, BIND_RECEIVER_RESP, BIND_TRANSCEIVER_RESP ->
          bindResp(BindType.of(id), status, seq, in);
      case OUTBIND ->
          new Outbind(
              seq,
              in.readCString(CStringField.SYSTEM_ID),
              end(in, in.readCString(CStringField.PASSWORD)));
      case UNBIND -> end(in, new Unbind(seq));
      case UNBIND_RESP -> end(in, new UnbindResp(status, seq));
      case ENQUIRE_LINK -> end(in, new EnquireLink(seq));
      case ENQUIRE_LINK_RESP -> end(in, new EnquireLinkResp(status, seq));
      case GENERIC_NACK -> end(in, new GenericNack(status, seq));
      case SUBMIT_SM -> submitSm(seq, in);
      case DELIVER_SM -> deliverSm(seq, in);
      case SUBMIT_SM_RESP ->
          emptyOnError(status, in)
              ? new SubmitSmResp(status, seq, "")
              : new SubmitSmResp(
                  status, seq, in.readCString(CStringField.MESSAGE_ID), in.readTlvs());
      case DELIVER_SM_RESP ->
          emptyOnError(status, in)
              ? new DeliverSmResp(status, seq, "")
              : new DeliverSmResp(
                  status, seq, in.readCString(CStringField.MESSAGE_ID), in.readTlvs());
      case DATA_SM -> dataSm(seq, in);
      case DATA_SM_RESP ->
          emptyOnError(status, in)
              ? new DataSmResp(status, seq, "")
              : new DataSmResp(status, seq, in.readCString(CStringField.MESSAGE_ID), in.readTlvs());
      case SUBMIT_MULTI -> submitMulti(seq, in);
      case SUBMIT_MULTI_RESP -> submitMultiResp(status, seq, in);
      case QUERY_SM ->
          new QuerySm(
              seq,
              in.readCString(CStringField.MESSAGE_ID),
              end(in, in.readAddress(CStringField.SOURCE_ADDR)));
      case QUERY_SM_RESP -> querySmResp(status, seq, in);
      case CANCEL_SM ->
          new CancelSm(
              seq,
              in.readCString(CStringField.SERVICE_TYPE),
              in.readCString(CStringField.MESSAGE_ID),
              in.readAddress(CStringField.SOURCE_ADDR),
              end(in, in.readAddress(CStringField.DESTINATION_ADDR)));
      case CANCEL_SM_RESP -> end(in, new CancelSmResp(status, seq));
      case REPLACE_SM -> replaceSm(seq, in);
      case REPLACE_SM_RESP -> end(in, new ReplaceSmResp(status, seq));
      case ALERT_NOTIFICATION ->
          new AlertNotification(
              seq,
              in.readAddress(CStringField.LONG_SOURCE_ADDR),
              in.readAddress(CStringField.ESME_ADDR),
              in.readTlvs());
    };
  }

  /** Returns the value after checking that nothing follows it. */
  private static <T> T end(PduReader in, T lastField) {
    in.expectEnd();
    return lastField;
  }

  private static boolean emptyOnError(int status, PduReader in) {
    return status != 0 && in.remaining() == 0;
  }

  private static Bind bind(BindType type, int seq, PduReader in) {
    String systemId = in.readCString(CStringField.SYSTEM_ID);
    String password = in.readCString(CStringField.PASSWORD);
    String systemType = in.readCString(CStringField.SYSTEM_TYPE);
    byte interfaceVersion = in.readByte("interface_version");
    Bind bind =
        new Bind(
            type,
            seq,
            systemId,
            password,
            systemType,
            interfaceVersion,
            in.readAddress(CStringField.ADDRESS_RANGE));
    return end(in, bind);
  }

  private static BindResp bindResp(BindType type, int status, int seq, PduReader in) {
    if (emptyOnError(status, in)) {
      return new BindResp(type, status, seq, "", List.of());
    }
    return new BindResp(type, status, seq, in.readCString(CStringField.SYSTEM_ID), in.readTlvs());
  }

  /** submit_sm (section 4.4.1); deliver_sm has the same body. */
  private static SubmitSm submitSm(int seq, PduReader in) {
    SubmitSm.Builder builder =
        SubmitSm.builder()
            .sequenceNumber(seq)
            .serviceType(in.readCString(CStringField.SERVICE_TYPE))
            .source(in.readAddress(CStringField.SOURCE_ADDR))
            .destination(in.readAddress(CStringField.DESTINATION_ADDR));
    readMessageFields(builder, in);
    return builder.build();
  }

  /** deliver_sm (section 4.6.1). */
  private static DeliverSm deliverSm(int seq, PduReader in) {
    DeliverSm.Builder builder =
        DeliverSm.builder()
            .sequenceNumber(seq)
            .serviceType(in.readCString(CStringField.SERVICE_TYPE))
            .source(in.readAddress(CStringField.SOURCE_ADDR))
            .destination(in.readAddress(CStringField.DESTINATION_ADDR));
    readMessageFields(builder, in);
    return builder.build();
  }

  /** esm_class through short_message and the TLVs: identical in submit_sm, deliver_sm, multi. */
  private static void readMessageFields(MessageBuilder<?, ?> builder, PduReader in) {
    builder
        .esmClass(in.readByte("esm_class"))
        .protocolId(in.readByte("protocol_id"))
        .priorityFlag(in.readByte("priority_flag"))
        .scheduleDeliveryTime(in.readCString(CStringField.SCHEDULE_DELIVERY_TIME))
        .validityPeriod(in.readCString(CStringField.VALIDITY_PERIOD))
        .registeredDelivery(in.readByte("registered_delivery"))
        .replaceIfPresentFlag(in.readByte("replace_if_present_flag"))
        .dataCoding(in.readByte("data_coding"))
        .smDefaultMsgId(in.readByte("sm_default_msg_id"))
        .shortMessage(in.readShortMessage())
        .tlvs(in.readTlvs());
  }

  private static DataSm dataSm(int seq, PduReader in) {
    return new DataSm(
        seq,
        in.readCString(CStringField.SERVICE_TYPE),
        in.readAddress(CStringField.LONG_SOURCE_ADDR),
        in.readAddress(CStringField.LONG_DESTINATION_ADDR),
        in.readByte("esm_class"),
        in.readByte("registered_delivery"),
        in.readByte("data_coding"),
        in.readTlvs());
  }

  private static SubmitMulti submitMulti(int seq, PduReader in) {
    SubmitMulti.Builder builder =
        SubmitMulti.builder()
            .sequenceNumber(seq)
            .serviceType(in.readCString(CStringField.SERVICE_TYPE))
            .source(in.readAddress(CStringField.SOURCE_ADDR));
    int count = in.readByte("number_of_dests") & 0xFF;
    if (count == 0 || count > SmppLimits.MAX_DESTINATIONS) {
      throw new MalformedPduException(
          CommandStatus.ESME_RINVNUMDESTS.code(),
          "number_of_dests " + count + " is not 1 to " + SmppLimits.MAX_DESTINATIONS);
    }
    for (int i = 0; i < count; i++) {
      byte flag = in.readByte("dest_flag");
      if (flag == DestAddress.SME_ADDRESS_FLAG) {
        builder.destination(DestAddress.sme(in.readAddress(CStringField.DESTINATION_ADDR)));
      } else if (flag == DestAddress.DISTRIBUTION_LIST_FLAG) {
        builder.destination(DestAddress.distributionList(in.readCString(CStringField.DL_NAME)));
      } else {
        throw new MalformedPduException(
            CommandStatus.ESME_RINVDESTFLAG.code(),
            "dest_flag " + (flag & 0xFF) + " of destination " + (i + 1) + " is neither 1 nor 2");
      }
    }
    readMessageFields(builder, in);
    return builder.build();
  }

  private static SubmitMultiResp submitMultiResp(int status, int seq, PduReader in) {
    if (emptyOnError(status, in)) {
      return new SubmitMultiResp(status, seq, "", List.of());
    }
    String messageId = in.readCString(CStringField.MESSAGE_ID);
    int count = in.readByte("no_unsuccess") & 0xFF;
    List<UnsuccessSme> unsuccess = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      unsuccess.add(
          new UnsuccessSme(
              in.readAddress(CStringField.UNSUCCESS_ADDR), in.readInt("error_status_code")));
    }
    return new SubmitMultiResp(status, seq, messageId, unsuccess, in.readTlvs());
  }

  private static QuerySmResp querySmResp(int status, int seq, PduReader in) {
    if (emptyOnError(status, in)) {
      return new QuerySmResp(status, seq, "", "", (byte) 0, (byte) 0);
    }
    QuerySmResp resp =
        new QuerySmResp(
            status,
            seq,
            in.readCString(CStringField.MESSAGE_ID),
            in.readCString(CStringField.FINAL_DATE),
            in.readByte("message_state"),
            in.readByte("error_code"));
    return end(in, resp);
  }

  private static ReplaceSm replaceSm(int seq, PduReader in) {
    ReplaceSm replace =
        new ReplaceSm(
            seq,
            in.readCString(CStringField.MESSAGE_ID),
            in.readAddress(CStringField.SOURCE_ADDR),
            in.readCString(CStringField.SCHEDULE_DELIVERY_TIME),
            in.readCString(CStringField.VALIDITY_PERIOD),
            in.readByte("registered_delivery"),
            in.readByte("sm_default_msg_id"),
            in.readShortMessage());
    return end(in, replace);
  }
}
