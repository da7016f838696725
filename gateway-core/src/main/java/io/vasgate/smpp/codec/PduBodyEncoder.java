package io.vasgate.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.vasgate.smpp.pdu.AlertNotification;
import io.vasgate.smpp.pdu.Bind;
import io.vasgate.smpp.pdu.BindResp;
import io.vasgate.smpp.pdu.CancelSm;
import io.vasgate.smpp.pdu.DataSm;
import io.vasgate.smpp.pdu.DataSmResp;
import io.vasgate.smpp.pdu.DeliverSmResp;
import io.vasgate.smpp.pdu.DestAddress;
import io.vasgate.smpp.pdu.Outbind;
import io.vasgate.smpp.pdu.Pdu;
import io.vasgate.smpp.pdu.QuerySm;
import io.vasgate.smpp.pdu.QuerySmResp;
import io.vasgate.smpp.pdu.ReplaceSm;
import io.vasgate.smpp.pdu.ShortMessagePdu;
import io.vasgate.smpp.pdu.SubmitMulti;
import io.vasgate.smpp.pdu.SubmitMultiResp;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.pdu.UnsuccessSme;

/**
 * Encodes the body of each SMPP 3.4 PDU in specification order. bind_resp and submit_sm_resp bodies
 * are left out when command_status is not 0 and there is nothing to say, as sections 4.1.2 and
 * 4.4.2 require; a refusal that does carry a system_id, message_id or TLVs keeps its body.
 */
final class PduBodyEncoder {

  private PduBodyEncoder() {}

  static void encode(Pdu pdu, ByteBuf out) {
    switch (pdu.commandId()) {
      case BIND_TRANSMITTER, BIND_RECEIVER, BIND_TRANSCEIVER -> bind((Bind) pdu, out);
      case BIND_TRANSMITTER_RESP, BIND_RECEIVER_RESP, BIND_TRANSCEIVER_RESP -> {
        BindResp resp = (BindResp) pdu;
        if (resp.isOk() || !resp.systemId().isEmpty() || !resp.tlvs().isEmpty()) {
          PduWriter.writeCString(out, resp.systemId(), CStringField.SYSTEM_ID);
          PduWriter.writeTlvs(out, resp.tlvs());
        }
      }
      case OUTBIND -> {
        Outbind outbind = (Outbind) pdu;
        PduWriter.writeCString(out, outbind.systemId(), CStringField.SYSTEM_ID);
        PduWriter.writeCString(out, outbind.password(), CStringField.PASSWORD);
      }
      case UNBIND,
          UNBIND_RESP,
          ENQUIRE_LINK,
          ENQUIRE_LINK_RESP,
          GENERIC_NACK,
          CANCEL_SM_RESP,
          REPLACE_SM_RESP -> {
        // header only
      }
      case SUBMIT_SM, DELIVER_SM -> shortMessage((ShortMessagePdu) pdu, out);
      case SUBMIT_SM_RESP -> {
        SubmitSmResp resp = (SubmitSmResp) pdu;
        if (resp.isOk() || !resp.messageId().isEmpty() || !resp.tlvs().isEmpty()) {
          PduWriter.writeCString(out, resp.messageId(), CStringField.MESSAGE_ID);
          PduWriter.writeTlvs(out, resp.tlvs());
        }
      }
      case DELIVER_SM_RESP -> {
        DeliverSmResp resp = (DeliverSmResp) pdu;
        PduWriter.writeCString(out, resp.messageId(), CStringField.MESSAGE_ID);
        PduWriter.writeTlvs(out, resp.tlvs());
      }
      case DATA_SM -> dataSm((DataSm) pdu, out);
      case DATA_SM_RESP -> {
        DataSmResp resp = (DataSmResp) pdu;
        PduWriter.writeCString(out, resp.messageId(), CStringField.MESSAGE_ID);
        PduWriter.writeTlvs(out, resp.tlvs());
      }
      case SUBMIT_MULTI -> submitMulti((SubmitMulti) pdu, out);
      case SUBMIT_MULTI_RESP -> submitMultiResp((SubmitMultiResp) pdu, out);
      case QUERY_SM -> {
        QuerySm query = (QuerySm) pdu;
        PduWriter.writeCString(out, query.messageId(), CStringField.MESSAGE_ID);
        PduWriter.writeAddress(out, query.source(), CStringField.SOURCE_ADDR);
      }
      case QUERY_SM_RESP -> {
        QuerySmResp resp = (QuerySmResp) pdu;
        PduWriter.writeCString(out, resp.messageId(), CStringField.MESSAGE_ID);
        PduWriter.writeCString(out, resp.finalDate(), CStringField.FINAL_DATE);
        out.writeByte(resp.messageState());
        out.writeByte(resp.errorCode());
      }
      case CANCEL_SM -> {
        CancelSm cancel = (CancelSm) pdu;
        PduWriter.writeCString(out, cancel.serviceType(), CStringField.SERVICE_TYPE);
        PduWriter.writeCString(out, cancel.messageId(), CStringField.MESSAGE_ID);
        PduWriter.writeAddress(out, cancel.source(), CStringField.SOURCE_ADDR);
        PduWriter.writeAddress(out, cancel.destination(), CStringField.DESTINATION_ADDR);
      }
      case REPLACE_SM -> replaceSm((ReplaceSm) pdu, out);
      case ALERT_NOTIFICATION -> {
        AlertNotification alert = (AlertNotification) pdu;
        PduWriter.writeAddress(out, alert.source(), CStringField.LONG_SOURCE_ADDR);
        PduWriter.writeAddress(out, alert.esmeAddress(), CStringField.ESME_ADDR);
        PduWriter.writeTlvs(out, alert.tlvs());
      }
    }
  }

  private static void bind(Bind bind, ByteBuf out) {
    PduWriter.writeCString(out, bind.systemId(), CStringField.SYSTEM_ID);
    PduWriter.writeCString(out, bind.password(), CStringField.PASSWORD);
    PduWriter.writeCString(out, bind.systemType(), CStringField.SYSTEM_TYPE);
    out.writeByte(bind.interfaceVersion());
    PduWriter.writeAddress(out, bind.addressRange(), CStringField.ADDRESS_RANGE);
  }

  private static void shortMessage(ShortMessagePdu pdu, ByteBuf out) {
    PduWriter.writeCString(out, pdu.serviceType(), CStringField.SERVICE_TYPE);
    PduWriter.writeAddress(out, pdu.source(), CStringField.SOURCE_ADDR);
    PduWriter.writeAddress(out, pdu.destination(), CStringField.DESTINATION_ADDR);
    out.writeByte(pdu.esmClass());
    out.writeByte(pdu.protocolId());
    out.writeByte(pdu.priorityFlag());
    PduWriter.writeCString(out, pdu.scheduleDeliveryTime(), CStringField.SCHEDULE_DELIVERY_TIME);
    PduWriter.writeCString(out, pdu.validityPeriod(), CStringField.VALIDITY_PERIOD);
    out.writeByte(pdu.registeredDelivery());
    out.writeByte(pdu.replaceIfPresentFlag());
    out.writeByte(pdu.dataCoding());
    out.writeByte(pdu.smDefaultMsgId());
    PduWriter.writeShortMessage(out, pdu.shortMessage());
    PduWriter.writeTlvs(out, pdu.tlvs());
  }

  private static void dataSm(DataSm pdu, ByteBuf out) {
    PduWriter.writeCString(out, pdu.serviceType(), CStringField.SERVICE_TYPE);
    PduWriter.writeAddress(out, pdu.source(), CStringField.LONG_SOURCE_ADDR);
    PduWriter.writeAddress(out, pdu.destination(), CStringField.LONG_DESTINATION_ADDR);
    out.writeByte(pdu.esmClass());
    out.writeByte(pdu.registeredDelivery());
    out.writeByte(pdu.dataCoding());
    PduWriter.writeTlvs(out, pdu.tlvs());
  }

  private static void submitMulti(SubmitMulti pdu, ByteBuf out) {
    PduWriter.writeCString(out, pdu.serviceType(), CStringField.SERVICE_TYPE);
    PduWriter.writeAddress(out, pdu.source(), CStringField.SOURCE_ADDR);
    out.writeByte(pdu.destinations().size());
    for (DestAddress destination : pdu.destinations()) {
      out.writeByte(destination.destFlag());
      if (destination instanceof DestAddress.Sme sme) {
        PduWriter.writeAddress(out, sme.address(), CStringField.DESTINATION_ADDR);
      } else {
        DestAddress.DistributionList list = (DestAddress.DistributionList) destination;
        PduWriter.writeCString(out, list.name(), CStringField.DL_NAME);
      }
    }
    out.writeByte(pdu.esmClass());
    out.writeByte(pdu.protocolId());
    out.writeByte(pdu.priorityFlag());
    PduWriter.writeCString(out, pdu.scheduleDeliveryTime(), CStringField.SCHEDULE_DELIVERY_TIME);
    PduWriter.writeCString(out, pdu.validityPeriod(), CStringField.VALIDITY_PERIOD);
    out.writeByte(pdu.registeredDelivery());
    out.writeByte(pdu.replaceIfPresentFlag());
    out.writeByte(pdu.dataCoding());
    out.writeByte(pdu.smDefaultMsgId());
    PduWriter.writeShortMessage(out, pdu.shortMessage());
    PduWriter.writeTlvs(out, pdu.tlvs());
  }

  private static void submitMultiResp(SubmitMultiResp pdu, ByteBuf out) {
    PduWriter.writeCString(out, pdu.messageId(), CStringField.MESSAGE_ID);
    out.writeByte(pdu.unsuccessSmes().size());
    for (UnsuccessSme sme : pdu.unsuccessSmes()) {
      PduWriter.writeAddress(out, sme.address(), CStringField.UNSUCCESS_ADDR);
      out.writeInt(sme.errorStatusCode());
    }
    PduWriter.writeTlvs(out, pdu.tlvs());
  }

  private static void replaceSm(ReplaceSm pdu, ByteBuf out) {
    PduWriter.writeCString(out, pdu.messageId(), CStringField.MESSAGE_ID);
    PduWriter.writeAddress(out, pdu.source(), CStringField.SOURCE_ADDR);
    PduWriter.writeCString(out, pdu.scheduleDeliveryTime(), CStringField.SCHEDULE_DELIVERY_TIME);
    PduWriter.writeCString(out, pdu.validityPeriod(), CStringField.VALIDITY_PERIOD);
    out.writeByte(pdu.registeredDelivery());
    out.writeByte(pdu.smDefaultMsgId());
    PduWriter.writeShortMessage(out, pdu.shortMessage());
  }
}
