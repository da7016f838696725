package io.vasgate.smpp.codec;

import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.BaseSm;
import com.cloudhopper.smpp.pdu.BaseSmResp;
import com.cloudhopper.smpp.transcoder.DefaultPduTranscoder;
import com.cloudhopper.smpp.transcoder.DefaultPduTranscoderContext;
import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.AlertNotification;
import io.vasgate.smpp.pdu.Bind;
import io.vasgate.smpp.pdu.BindResp;
import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.CancelSm;
import io.vasgate.smpp.pdu.CancelSmResp;
import io.vasgate.smpp.pdu.DataSm;
import io.vasgate.smpp.pdu.DataSmResp;
import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.smpp.pdu.DeliverSmResp;
import io.vasgate.smpp.pdu.EnquireLink;
import io.vasgate.smpp.pdu.EnquireLinkResp;
import io.vasgate.smpp.pdu.GenericNack;
import io.vasgate.smpp.pdu.MessageBuilder;
import io.vasgate.smpp.pdu.Pdu;
import io.vasgate.smpp.pdu.QuerySm;
import io.vasgate.smpp.pdu.QuerySmResp;
import io.vasgate.smpp.pdu.ReplaceSm;
import io.vasgate.smpp.pdu.ReplaceSmResp;
import io.vasgate.smpp.pdu.ShortMessagePdu;
import io.vasgate.smpp.pdu.SubmitSm;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvCarrier;
import io.vasgate.smpp.pdu.Unbind;
import io.vasgate.smpp.pdu.UnbindResp;
import java.util.List;
import java.util.Objects;
import org.jboss.netty.buffer.ChannelBuffer;
import org.jboss.netty.buffer.ChannelBuffers;

/**
 * Field-by-field conversion between our records and Cloudhopper's mutable PDUs, plus its
 * transcoder. Cloudhopper has no outbind and no submit_multi.
 */
final class CloudhopperPdus {

  private static final DefaultPduTranscoder TRANSCODER =
      new DefaultPduTranscoder(new DefaultPduTranscoderContext());

  private CloudhopperPdus() {}

  static byte[] encode(com.cloudhopper.smpp.pdu.Pdu pdu) throws Exception {
    ChannelBuffer buffer = TRANSCODER.encode(pdu);
    byte[] bytes = new byte[buffer.readableBytes()];
    buffer.readBytes(bytes);
    return bytes;
  }

  static com.cloudhopper.smpp.pdu.Pdu decode(byte[] bytes) throws Exception {
    return TRANSCODER.decode(ChannelBuffers.wrappedBuffer(bytes));
  }

  // --- ours -> Cloudhopper ----------------------------------------------------------------

  static com.cloudhopper.smpp.pdu.Pdu toCloudhopper(Pdu pdu) throws Exception {
    com.cloudhopper.smpp.pdu.Pdu ch =
        switch (pdu.commandId()) {
          case BIND_TRANSMITTER -> bind(new com.cloudhopper.smpp.pdu.BindTransmitter(), (Bind) pdu);
          case BIND_RECEIVER -> bind(new com.cloudhopper.smpp.pdu.BindReceiver(), (Bind) pdu);
          case BIND_TRANSCEIVER -> bind(new com.cloudhopper.smpp.pdu.BindTransceiver(), (Bind) pdu);
          case BIND_TRANSMITTER_RESP ->
              bindResp(new com.cloudhopper.smpp.pdu.BindTransmitterResp(), (BindResp) pdu);
          case BIND_RECEIVER_RESP ->
              bindResp(new com.cloudhopper.smpp.pdu.BindReceiverResp(), (BindResp) pdu);
          case BIND_TRANSCEIVER_RESP ->
              bindResp(new com.cloudhopper.smpp.pdu.BindTransceiverResp(), (BindResp) pdu);
          case UNBIND -> new com.cloudhopper.smpp.pdu.Unbind();
          case UNBIND_RESP -> new com.cloudhopper.smpp.pdu.UnbindResp();
          case ENQUIRE_LINK -> new com.cloudhopper.smpp.pdu.EnquireLink();
          case ENQUIRE_LINK_RESP -> new com.cloudhopper.smpp.pdu.EnquireLinkResp();
          case GENERIC_NACK -> new com.cloudhopper.smpp.pdu.GenericNack();
          case SUBMIT_SM -> sm(new com.cloudhopper.smpp.pdu.SubmitSm(), (ShortMessagePdu) pdu);
          case DELIVER_SM -> sm(new com.cloudhopper.smpp.pdu.DeliverSm(), (ShortMessagePdu) pdu);
          case DATA_SM -> dataSm((DataSm) pdu);
          case SUBMIT_SM_RESP ->
              smResp(new com.cloudhopper.smpp.pdu.SubmitSmResp(), ((SubmitSmResp) pdu).messageId());
          case DELIVER_SM_RESP ->
              smResp(
                  new com.cloudhopper.smpp.pdu.DeliverSmResp(), ((DeliverSmResp) pdu).messageId());
          case DATA_SM_RESP ->
              smResp(new com.cloudhopper.smpp.pdu.DataSmResp(), ((DataSmResp) pdu).messageId());
          case QUERY_SM -> querySm((QuerySm) pdu);
          case QUERY_SM_RESP -> querySmResp((QuerySmResp) pdu);
          case CANCEL_SM -> cancelSm((CancelSm) pdu);
          case CANCEL_SM_RESP -> new com.cloudhopper.smpp.pdu.CancelSmResp();
          case REPLACE_SM -> replaceSm((ReplaceSm) pdu);
          case REPLACE_SM_RESP -> new com.cloudhopper.smpp.pdu.ReplaceSmResp();
          case ALERT_NOTIFICATION -> alert((AlertNotification) pdu);
          case OUTBIND, SUBMIT_MULTI, SUBMIT_MULTI_RESP ->
              throw new IllegalArgumentException("Cloudhopper has no " + pdu.commandId());
        };
    ch.setCommandStatus(pdu.commandStatus());
    ch.setSequenceNumber(pdu.sequenceNumber());
    if (pdu instanceof TlvCarrier carrier) {
      for (Tlv tlv : carrier.tlvs()) {
        ch.addOptionalParameter(new com.cloudhopper.smpp.tlv.Tlv(tlv.tag(), tlv.value()));
      }
    }
    return ch;
  }

  private static com.cloudhopper.smpp.type.Address address(Address a) {
    return new com.cloudhopper.smpp.type.Address(a.ton(), a.npi(), a.address());
  }

  private static com.cloudhopper.smpp.pdu.Pdu bind(BaseBind<?> ch, Bind bind) {
    ch.setSystemId(bind.systemId());
    ch.setPassword(bind.password());
    ch.setSystemType(bind.systemType());
    ch.setInterfaceVersion(bind.interfaceVersion());
    ch.setAddressRange(address(bind.addressRange()));
    return ch;
  }

  private static com.cloudhopper.smpp.pdu.Pdu bindResp(BaseBindResp ch, BindResp resp) {
    ch.setSystemId(resp.systemId());
    return ch;
  }

  private static com.cloudhopper.smpp.pdu.Pdu sm(BaseSm<?> ch, ShortMessagePdu sm)
      throws Exception {
    ch.setServiceType(sm.serviceType());
    ch.setSourceAddress(address(sm.source()));
    ch.setDestAddress(address(sm.destination()));
    ch.setEsmClass(sm.esmClass());
    ch.setProtocolId(sm.protocolId());
    ch.setPriority(sm.priorityFlag());
    ch.setScheduleDeliveryTime(sm.scheduleDeliveryTime());
    ch.setValidityPeriod(sm.validityPeriod());
    ch.setRegisteredDelivery(sm.registeredDelivery());
    ch.setReplaceIfPresent(sm.replaceIfPresentFlag());
    ch.setDataCoding(sm.dataCoding());
    ch.setDefaultMsgId(sm.smDefaultMsgId());
    ch.setShortMessage(sm.shortMessage());
    return ch;
  }

  private static com.cloudhopper.smpp.pdu.Pdu dataSm(DataSm dataSm) {
    com.cloudhopper.smpp.pdu.DataSm ch = new com.cloudhopper.smpp.pdu.DataSm();
    ch.setServiceType(dataSm.serviceType());
    ch.setSourceAddress(address(dataSm.source()));
    ch.setDestAddress(address(dataSm.destination()));
    ch.setEsmClass(dataSm.esmClass());
    ch.setRegisteredDelivery(dataSm.registeredDelivery());
    ch.setDataCoding(dataSm.dataCoding());
    return ch;
  }

  private static com.cloudhopper.smpp.pdu.Pdu smResp(BaseSmResp ch, String messageId) {
    ch.setMessageId(messageId);
    return ch;
  }

  private static com.cloudhopper.smpp.pdu.Pdu querySm(QuerySm query) {
    com.cloudhopper.smpp.pdu.QuerySm ch = new com.cloudhopper.smpp.pdu.QuerySm();
    ch.setMessageId(query.messageId());
    ch.setSourceAddress(address(query.source()));
    return ch;
  }

  private static com.cloudhopper.smpp.pdu.Pdu querySmResp(QuerySmResp resp) {
    com.cloudhopper.smpp.pdu.QuerySmResp ch = new com.cloudhopper.smpp.pdu.QuerySmResp();
    ch.setMessageId(resp.messageId());
    ch.setFinalDate(resp.finalDate());
    ch.setMessageState(resp.messageState());
    ch.setErrorCode(resp.errorCode());
    return ch;
  }

  private static com.cloudhopper.smpp.pdu.Pdu cancelSm(CancelSm cancel) {
    com.cloudhopper.smpp.pdu.CancelSm ch = new com.cloudhopper.smpp.pdu.CancelSm();
    ch.setServiceType(cancel.serviceType());
    ch.setMessageId(cancel.messageId());
    ch.setSourceAddress(address(cancel.source()));
    ch.setDestAddress(address(cancel.destination()));
    return ch;
  }

  private static com.cloudhopper.smpp.pdu.Pdu replaceSm(ReplaceSm replace) throws Exception {
    com.cloudhopper.smpp.pdu.ReplaceSm ch = new com.cloudhopper.smpp.pdu.ReplaceSm();
    ch.setMessageId(replace.messageId());
    ch.setSourceAddress(address(replace.source()));
    ch.setScheduleDeliveryTime(replace.scheduleDeliveryTime());
    ch.setValidityPeriod(replace.validityPeriod());
    ch.setRegisteredDelivery(replace.registeredDelivery());
    ch.setDefaultMsgId(replace.smDefaultMsgId());
    ch.setShortMessage(replace.shortMessage());
    return ch;
  }

  private static com.cloudhopper.smpp.pdu.Pdu alert(AlertNotification alert) {
    com.cloudhopper.smpp.pdu.AlertNotification ch =
        new com.cloudhopper.smpp.pdu.AlertNotification();
    ch.setSourceAddress(address(alert.source()));
    ch.setEsmeAddress(address(alert.esmeAddress()));
    return ch;
  }

  // --- Cloudhopper -> ours ----------------------------------------------------------------

  private static String str(String s) {
    return Objects.toString(s, "");
  }

  private static Address address(com.cloudhopper.smpp.type.Address a) {
    return a == null ? Address.EMPTY : new Address(a.getTon(), a.getNpi(), str(a.getAddress()));
  }

  private static List<Tlv> tlvs(com.cloudhopper.smpp.pdu.Pdu ch) {
    if (ch.getOptionalParameters() == null) {
      return List.of();
    }
    return ch.getOptionalParameters().stream().map(t -> new Tlv(t.getTag(), t.getValue())).toList();
  }

  static Pdu fromCloudhopper(com.cloudhopper.smpp.pdu.Pdu ch) {
    int status = ch.getCommandStatus();
    int seq = ch.getSequenceNumber();
    return switch (ch.getCommandId()) {
      case 0x01, 0x02, 0x09 -> {
        BaseBind<?> b = (BaseBind<?>) ch;
        yield new Bind(
            BindType.of(io.vasgate.smpp.pdu.CommandId.fromCode(ch.getCommandId())),
            seq,
            b.getSystemId(),
            b.getPassword(),
            b.getSystemType(),
            b.getInterfaceVersion(),
            address(b.getAddressRange()));
      }
      case 0x80000001, 0x80000002, 0x80000009 ->
          new BindResp(
              BindType.of(io.vasgate.smpp.pdu.CommandId.fromCode(ch.getCommandId())),
              status,
              seq,
              ((BaseBindResp) ch).getSystemId(),
              tlvs(ch));
      case 0x06 -> new Unbind(seq);
      case 0x80000006 -> new UnbindResp(status, seq);
      case 0x15 -> new EnquireLink(seq);
      case 0x80000015 -> new EnquireLinkResp(status, seq);
      case 0x80000000 -> new GenericNack(status, seq);
      case 0x04 ->
          sm(SubmitSm.builder(), (BaseSm<?>) ch)
              .destination(address(((BaseSm<?>) ch).getDestAddress()))
              .build();
      case 0x05 ->
          sm(DeliverSm.builder(), (BaseSm<?>) ch)
              .destination(address(((BaseSm<?>) ch).getDestAddress()))
              .build();
      case 0x103 -> {
        BaseSm<?> d = (BaseSm<?>) ch;
        yield new DataSm(
            seq,
            d.getServiceType(),
            address(d.getSourceAddress()),
            address(d.getDestAddress()),
            d.getEsmClass(),
            d.getRegisteredDelivery(),
            d.getDataCoding(),
            tlvs(ch));
      }
      case 0x80000004 -> new SubmitSmResp(status, seq, ((BaseSmResp) ch).getMessageId(), tlvs(ch));
      case 0x80000005 -> new DeliverSmResp(status, seq, ((BaseSmResp) ch).getMessageId(), tlvs(ch));
      case 0x80000103 -> new DataSmResp(status, seq, ((BaseSmResp) ch).getMessageId(), tlvs(ch));
      case 0x03 -> {
        com.cloudhopper.smpp.pdu.QuerySm q = (com.cloudhopper.smpp.pdu.QuerySm) ch;
        yield new QuerySm(seq, q.getMessageId(), address(q.getSourceAddress()));
      }
      case 0x80000003 -> {
        com.cloudhopper.smpp.pdu.QuerySmResp r = (com.cloudhopper.smpp.pdu.QuerySmResp) ch;
        yield new QuerySmResp(
            status, seq, r.getMessageId(), r.getFinalDate(), r.getMessageState(), r.getErrorCode());
      }
      case 0x08 -> {
        com.cloudhopper.smpp.pdu.CancelSm c = (com.cloudhopper.smpp.pdu.CancelSm) ch;
        yield new CancelSm(
            seq,
            c.getServiceType(),
            c.getMessageId(),
            address(c.getSourceAddress()),
            address(c.getDestAddress()));
      }
      case 0x80000008 -> new CancelSmResp(status, seq);
      case 0x07 -> {
        com.cloudhopper.smpp.pdu.ReplaceSm r = (com.cloudhopper.smpp.pdu.ReplaceSm) ch;
        yield new ReplaceSm(
            seq,
            r.getMessageId(),
            address(r.getSourceAddress()),
            r.getScheduleDeliveryTime(),
            r.getValidityPeriod(),
            r.getRegisteredDelivery(),
            r.getDefaultMsgId(),
            r.getShortMessage());
      }
      case 0x80000007 -> new ReplaceSmResp(status, seq);
      case 0x102 -> {
        com.cloudhopper.smpp.pdu.AlertNotification a =
            (com.cloudhopper.smpp.pdu.AlertNotification) ch;
        yield new AlertNotification(
            seq, address(a.getSourceAddress()), address(a.getEsmeAddress()), tlvs(ch));
      }
      default -> throw new IllegalArgumentException("unexpected " + ch);
    };
  }

  private static <B extends MessageBuilder<B, ?>> B sm(B builder, BaseSm<?> ch) {
    return builder
        .sequenceNumber(ch.getSequenceNumber())
        .serviceType(ch.getServiceType())
        .source(address(ch.getSourceAddress()))
        .esmClass(ch.getEsmClass())
        .protocolId(ch.getProtocolId())
        .priorityFlag(ch.getPriority())
        .scheduleDeliveryTime(ch.getScheduleDeliveryTime())
        .validityPeriod(ch.getValidityPeriod())
        .registeredDelivery(ch.getRegisteredDelivery())
        .replaceIfPresentFlag(ch.getReplaceIfPresent())
        .dataCoding(ch.getDataCoding())
        .smDefaultMsgId(ch.getDefaultMsgId())
        .shortMessage(ch.getShortMessage())
        .tlvs(tlvs(ch));
  }
}
