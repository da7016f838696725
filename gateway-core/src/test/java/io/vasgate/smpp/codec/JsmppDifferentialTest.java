package io.vasgate.smpp.codec;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.vasgate.smpp.pdu.DestAddress;
import io.vasgate.smpp.pdu.EnquireLink;
import io.vasgate.smpp.pdu.EnquireLinkResp;
import io.vasgate.smpp.pdu.GenericNack;
import io.vasgate.smpp.pdu.Outbind;
import io.vasgate.smpp.pdu.Pdu;
import io.vasgate.smpp.pdu.QuerySm;
import io.vasgate.smpp.pdu.QuerySmResp;
import io.vasgate.smpp.pdu.ReplaceSm;
import io.vasgate.smpp.pdu.ReplaceSmResp;
import io.vasgate.smpp.pdu.ShortMessagePdu;
import io.vasgate.smpp.pdu.SmppLimits;
import io.vasgate.smpp.pdu.SubmitMulti;
import io.vasgate.smpp.pdu.SubmitMultiResp;
import io.vasgate.smpp.pdu.SubmitSm;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvTag;
import io.vasgate.smpp.pdu.Unbind;
import io.vasgate.smpp.pdu.UnbindResp;
import io.vasgate.smpp.pdu.UnsuccessSme;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DistributionList;
import org.jsmpp.bean.MessageRequest;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.UnsuccessDelivery;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.api.Test;

/**
 * Differential tests against jSMPP 3.0.1: jSMPP decodes what we encode, and for every PDU its
 * composer produces exactly our bytes. Known jSMPP limits: its composer writes no dl_name for
 * distribution-list destinations of submit_multi, drops the TLVs of data_sm_resp, and forces the
 * unused deliver_sm fields to zero; its decomposer ignores deliver_sm_resp's message_id; it
 * limits data_sm and alert_notification source addresses to 21 octets where SMPP 3.4 allows 65.
 * Those cases are compared one way only or within jSMPP's limits.
 */
class JsmppDifferentialTest {

  private final DefaultComposer composer = new DefaultComposer();
  private final DefaultDecomposer decomposer = new DefaultDecomposer();
  private final PduArbitraries ascii = PduArbitraries.ascii();

  // --- helpers ------------------------------------------------------------------------------

  private static byte[] encode(Pdu pdu) {
    return SmppPduCodec.encodeToBytes(pdu);
  }

  /** jSMPP's bytes are exactly ours, and we decode them to the same PDU. */
  private static void assertSameWire(byte[] theirs, Pdu ours) {
    assertThat(Wire.hex(theirs)).isEqualTo(Wire.hex(encode(ours)));
    assertThat(SmppPduCodec.decode(theirs)).isEqualTo(new DecodeResult.Decoded(ours));
  }

  private static String str(String jsmppString) {
    return Objects.toString(jsmppString, "");
  }

  private static OptionalParameter[] toJsmpp(List<Tlv> tlvs) {
    return tlvs.stream()
        .map(t -> new OptionalParameter.OctetString(t.tag(), t.value()))
        .toArray(OptionalParameter[]::new);
  }

  /** jSMPP's parsed TLVs back as raw tag/value pairs via their own serialisation. */
  private static List<Tlv> fromJsmpp(OptionalParameter[] params) {
    List<Tlv> tlvs = new ArrayList<>();
    for (OptionalParameter p : params == null ? new OptionalParameter[0] : params) {
      byte[] raw = p.serialize();
      short tag = (short) (((raw[0] & 0xFF) << 8) | (raw[1] & 0xFF));
      tlvs.add(new Tlv(tag, Arrays.copyOfRange(raw, 4, raw.length)));
    }
    return tlvs;
  }

  private static void assertHeader(Command theirs, Pdu ours) {
    assertThat(theirs.getCommandId()).isEqualTo(ours.commandId().code());
    assertThat(theirs.getCommandStatus()).isEqualTo(ours.commandStatus());
    assertThat(theirs.getSequenceNumber()).isEqualTo(ours.sequenceNumber());
    assertThat(theirs.getCommandLength()).isEqualTo(encode(ours).length);
  }

  private static void assertAddress(byte ton, byte npi, String address, Address ours) {
    assertThat(new Address(ton, npi, str(address))).isEqualTo(ours);
  }

  private static void assertMessageFields(MessageRequest theirs, ShortMessagePdu ours) {
    assertThat(str(theirs.getServiceType())).isEqualTo(ours.serviceType());
    assertAddress(
        theirs.getSourceAddrTon(), theirs.getSourceAddrNpi(), theirs.getSourceAddr(), ours.source());
    assertAddress(
        theirs.getDestAddrTon(), theirs.getDestAddrNpi(), theirs.getDestAddress(), ours.destination());
    assertThat(theirs.getEsmClass()).isEqualTo(ours.esmClass());
    assertThat(theirs.getProtocolId()).isEqualTo(ours.protocolId());
    assertThat(theirs.getPriorityFlag()).isEqualTo(ours.priorityFlag());
    assertThat(str(theirs.getScheduleDeliveryTime())).isEqualTo(ours.scheduleDeliveryTime());
    assertThat(str(theirs.getValidityPeriod())).isEqualTo(ours.validityPeriod());
    assertThat(theirs.getRegisteredDelivery()).isEqualTo(ours.registeredDelivery());
    assertThat(theirs.getReplaceIfPresent()).isEqualTo(ours.replaceIfPresentFlag());
    assertThat(theirs.getDataCoding()).isEqualTo(ours.dataCoding());
    assertThat(theirs.getSmDefaultMsgId()).isEqualTo(ours.smDefaultMsgId());
    assertThat(theirs.getShortMessage()).isEqualTo(ours.shortMessage());
    assertThat(fromJsmpp(theirs.getOptionalParameters())).isEqualTo(ours.tlvs());
  }

  private static void assertDataFields(AbstractSmCommand theirs, DataSm ours) {
    assertThat(str(theirs.getServiceType())).isEqualTo(ours.serviceType());
    assertAddress(
        theirs.getSourceAddrTon(), theirs.getSourceAddrNpi(), theirs.getSourceAddr(), ours.source());
    assertAddress(
        theirs.getDestAddrTon(), theirs.getDestAddrNpi(), theirs.getDestAddress(), ours.destination());
    assertThat(theirs.getEsmClass()).isEqualTo(ours.esmClass());
    assertThat(theirs.getRegisteredDelivery()).isEqualTo(ours.registeredDelivery());
    assertThat(theirs.getDataCoding()).isEqualTo(ours.dataCoding());
    assertThat(fromJsmpp(theirs.getOptionalParameters())).isEqualTo(ours.tlvs());
  }

  // --- generators -------------------------------------------------------------------------

  @Provide
  Arbitrary<SubmitSm> submitSms() {
    return ascii.submitSm();
  }

  /** deliver_sm as jSMPP's composer can express it: the fields the spec leaves unused are 0. */
  @Provide
  Arbitrary<DeliverSm> deliverSms() {
    return ascii
        .deliverSm()
        .map(
            d ->
                d.toBuilder()
                    .scheduleDeliveryTime("")
                    .validityPeriod("")
                    .replaceIfPresentFlag(0)
                    .smDefaultMsgId(0)
                    .build());
  }

  /** jSMPP limits data_sm addresses to 21 octets like submit_sm. */
  @Provide
  Arbitrary<DataSm> dataSms() {
    return ascii.dataSm(SmppLimits.MAX_SM_ADDRESS_LENGTH);
  }

  @Provide
  Arbitrary<Bind> binds() {
    return ascii.bind();
  }

  @Provide
  Arbitrary<SubmitMulti> submitMultis() {
    return ascii.submitMulti(ascii.address(SmppLimits.MAX_SM_ADDRESS_LENGTH).map(DestAddress::sme));
  }

  @Provide
  Arbitrary<SubmitMultiResp> submitMultiResps() {
    return ascii.submitMultiResp().map(r -> new SubmitMultiResp(0, r.sequenceNumber(), r.messageId(), r.unsuccessSmes()));
  }

  @Provide
  Arbitrary<QuerySm> querySms() {
    return ascii.querySm();
  }

  @Provide
  Arbitrary<QuerySmResp> querySmResps() {
    return ascii
        .querySmResp()
        .map(
            r ->
                new QuerySmResp(
                    0, r.sequenceNumber(), r.messageId(), r.finalDate(), r.messageState(),
                    r.errorCode()));
  }

  @Provide
  Arbitrary<CancelSm> cancelSms() {
    return ascii.cancelSm();
  }

  @Provide
  Arbitrary<ReplaceSm> replaceSms() {
    return ascii.replaceSm();
  }

  /** jSMPP limits alert_notification's source_addr to 21 octets, although SMPP 3.4 allows 65. */
  @Provide
  Arbitrary<AlertNotification> alerts() {
    return ascii.alertNotification(SmppLimits.MAX_SM_ADDRESS_LENGTH);
  }

  @Provide
  Arbitrary<Integer> sequenceNumbers() {
    return PduArbitraries.sequenceNumbers();
  }

  @Provide
  Arbitrary<String> messageIds() {
    return ascii.cString(SmppLimits.MAX_MESSAGE_ID_LENGTH);
  }

  @Provide
  Arbitrary<List<Tlv>> tlvLists() {
    return PduArbitraries.tlvLists();
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.integers();
  }

  // --- bind, outbind, unbind, enquire_link, generic_nack ------------------------------------

  @Property(tries = 200)
  void jsmppReadsOurBindAndWritesItIdentically(@ForAll("binds") Bind ours) throws Exception {
    org.jsmpp.bean.Bind theirs = decomposer.bind(encode(ours));

    assertHeader(theirs, ours);
    assertThat(str(theirs.getSystemId())).isEqualTo(ours.systemId());
    assertThat(str(theirs.getPassword())).isEqualTo(ours.password());
    assertThat(str(theirs.getSystemType())).isEqualTo(ours.systemType());
    assertThat(theirs.getInterfaceVersion()).isEqualTo(ours.interfaceVersion());
    assertAddress(
        theirs.getAddrTon(), theirs.getAddrNpi(), theirs.getAddressRange(), ours.addressRange());
    Address range = ours.addressRange();
    assertSameWire(
        composer.bind(
            ours.commandId().code(), ours.sequenceNumber(), ours.systemId(), ours.password(),
            ours.systemType(), ours.interfaceVersion(), range.ton(), range.npi(), range.address()),
        ours);
  }

  @Test
  void jsmppReadsOurBindRespWithScInterfaceVersionAndWritesItIdentically() throws Exception {
    for (BindType type : BindType.values()) {
      BindResp ours =
          new BindResp(type, 0, 9, "SMSC", List.of(Tlv.ofUint8(TlvTag.SC_INTERFACE_VERSION, 0x34)));

      org.jsmpp.bean.BindResp theirs = decomposer.bindResp(encode(ours));

      assertHeader(theirs, ours);
      assertThat(theirs.getSystemId()).isEqualTo("SMSC");
      assertThat(fromJsmpp(theirs.getOptionalParameters())).isEqualTo(ours.tlvs());
      assertSameWire(
          composer.bindResp(
              type.responseId().code(),
              9,
              "SMSC",
              new OptionalParameter.Byte(OptionalParameter.Tag.SC_INTERFACE_VERSION, (byte) 0x34)),
          ours);
    }
  }

  @Test
  void jsmppReadsOurRefusedBindRespWithoutBody() throws Exception {
    BindResp ours = new BindResp(BindType.TRANSCEIVER, 0x0E, 4, "", List.of());

    org.jsmpp.bean.BindResp theirs = decomposer.bindResp(encode(ours));

    assertHeader(theirs, ours);
    assertThat(theirs.getSystemId()).isNull();
  }

  @Test
  void jsmppAgreesOnOutbind() throws Exception {
    Outbind ours = new Outbind(12, "SMSC", "pw");

    org.jsmpp.bean.Outbind theirs = decomposer.outbind(encode(ours));

    assertHeader(theirs, ours);
    assertThat(theirs.getSystemId()).isEqualTo("SMSC");
    assertThat(theirs.getPassword()).isEqualTo("pw");
    assertSameWire(composer.outbind(12, "SMSC", "pw"), ours);
  }

  @Property(tries = 50)
  void jsmppAgreesOnHeaderOnlyPdus(
      @ForAll("sequenceNumbers") int seq, @ForAll("statuses") int status) {
    assertHeader(decomposer.unbind(encode(new Unbind(seq))), new Unbind(seq));
    assertHeader(decomposer.unbindResp(encode(new UnbindResp(status, seq))), new UnbindResp(status, seq));
    assertHeader(decomposer.enquireLink(encode(new EnquireLink(seq))), new EnquireLink(seq));
    assertHeader(
        decomposer.enquireLinkResp(encode(new EnquireLinkResp(0, seq))), new EnquireLinkResp(0, seq));
    assertHeader(decomposer.genericNack(encode(new GenericNack(status, seq))), new GenericNack(status, seq));
    assertHeader(decomposer.cancelSmResp(encode(new CancelSmResp(0, seq))), new CancelSmResp(0, seq));
    assertHeader(
        decomposer.replaceSmResp(encode(new ReplaceSmResp(0, seq))), new ReplaceSmResp(0, seq));

    assertSameWire(composer.unbind(seq), new Unbind(seq));
    assertSameWire(composer.unbindResp(status, seq), new UnbindResp(status, seq));
    assertSameWire(composer.enquireLink(seq), new EnquireLink(seq));
    assertSameWire(composer.enquireLinkResp(seq), new EnquireLinkResp(0, seq));
    assertSameWire(composer.genericNack(status, seq), new GenericNack(status, seq));
    assertSameWire(composer.cancelSmResp(seq), new CancelSmResp(0, seq));
    assertSameWire(composer.replaceSmResp(seq), new ReplaceSmResp(0, seq));
  }

  // --- submit_sm, deliver_sm, data_sm and responses ----------------------------------------

  @Property(tries = 300)
  void jsmppReadsOurSubmitSmAndWritesItIdentically(@ForAll("submitSms") SubmitSm ours)
      throws Exception {
    org.jsmpp.bean.SubmitSm theirs = decomposer.submitSm(encode(ours));

    assertHeader(theirs, ours);
    assertMessageFields(theirs, ours);
    assertSameWire(
        composer.submitSm(
            ours.sequenceNumber(), ours.serviceType(), ours.source().ton(), ours.source().npi(),
            ours.source().address(), ours.destination().ton(), ours.destination().npi(),
            ours.destination().address(), ours.esmClass(), ours.protocolId(), ours.priorityFlag(),
            ours.scheduleDeliveryTime(), ours.validityPeriod(), ours.registeredDelivery(),
            ours.replaceIfPresentFlag(), ours.dataCoding(), ours.smDefaultMsgId(),
            ours.shortMessage(), toJsmpp(ours.tlvs())),
        ours);
  }

  @Property(tries = 300)
  void jsmppReadsOurDeliverSmAndWritesItIdentically(@ForAll("deliverSms") DeliverSm ours)
      throws Exception {
    org.jsmpp.bean.DeliverSm theirs = decomposer.deliverSm(encode(ours));

    assertHeader(theirs, ours);
    assertMessageFields(theirs, ours);
    assertSameWire(
        composer.deliverSm(
            ours.sequenceNumber(), ours.serviceType(), ours.source().ton(), ours.source().npi(),
            ours.source().address(), ours.destination().ton(), ours.destination().npi(),
            ours.destination().address(), ours.esmClass(), ours.protocolId(), ours.priorityFlag(),
            ours.registeredDelivery(), ours.dataCoding(), ours.shortMessage(),
            toJsmpp(ours.tlvs())),
        ours);
  }

  @Test
  void jsmppParsesTheDeliveryReceiptWeEncode() throws Exception {
    String text =
        "id:0123456789 sub:001 dlvrd:001 submit date:2501011200 done date:2501011201"
            + " stat:DELIVRD err:000 text:hello";
    DeliverSm ours =
        DeliverSm.builder()
            .sequenceNumber(31)
            .source(Address.international("8613800138000"))
            .destination(Address.national("10658880"))
            .esmClass(0x04)
            .shortMessage(text.getBytes(StandardCharsets.US_ASCII))
            .tlv(Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, "0123456789"))
            .tlv(Tlv.ofUint8(TlvTag.MESSAGE_STATE, 2))
            .build();

    org.jsmpp.bean.DeliverSm theirs = decomposer.deliverSm(encode(ours));

    assertThat(theirs.isSmscDeliveryReceipt()).isTrue();
    assertThat(theirs.getShortMessageAsDeliveryReceipt().getId()).isEqualTo("0123456789");
    assertThat(theirs.getShortMessageAsDeliveryReceipt().getFinalStatus().name())
        .isEqualTo("DELIVRD");
    assertThat(
            ((OptionalParameter.COctetString)
                    theirs.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID))
                .getValueAsString())
        .isEqualTo("0123456789");
    assertMessageFields(theirs, ours);
  }

  @Property(tries = 300)
  void jsmppReadsOurDataSmAndWritesItIdentically(@ForAll("dataSms") DataSm ours)
      throws Exception {
    org.jsmpp.bean.DataSm theirs = decomposer.dataSm(encode(ours));

    assertHeader(theirs, ours);
    assertDataFields(theirs, ours);
    assertSameWire(
        composer.dataSm(
            ours.sequenceNumber(), ours.serviceType(), ours.source().ton(), ours.source().npi(),
            ours.source().address(), ours.destination().ton(), ours.destination().npi(),
            ours.destination().address(), ours.esmClass(), ours.registeredDelivery(),
            ours.dataCoding(), toJsmpp(ours.tlvs())),
        ours);
  }

  @Property(tries = 200)
  void jsmppAgreesOnMessageResponses(
      @ForAll("sequenceNumbers") int seq,
      @ForAll("messageIds") String messageId,
      @ForAll("tlvLists") List<Tlv> tlvs)
      throws Exception {
    SubmitSmResp submitResp = new SubmitSmResp(0, seq, messageId, tlvs);
    org.jsmpp.bean.SubmitSmResp theirSubmitResp = decomposer.submitSmResp(encode(submitResp));
    assertHeader(theirSubmitResp, submitResp);
    assertThat(str(theirSubmitResp.getMessageId())).isEqualTo(messageId);
    assertThat(fromJsmpp(theirSubmitResp.getOptionalParameters())).isEqualTo(tlvs);
    assertSameWire(composer.submitSmResp(seq, messageId, toJsmpp(tlvs)), submitResp);

    DataSmResp dataResp = new DataSmResp(0, seq, messageId, tlvs);
    org.jsmpp.bean.DataSmResp theirDataResp = decomposer.dataSmResp(encode(dataResp));
    assertHeader(theirDataResp, dataResp);
    assertThat(str(theirDataResp.getMessageId())).isEqualTo(messageId);
    assertThat(fromJsmpp(theirDataResp.getOptionalParameters())).isEqualTo(tlvs);
    assertSameWire(composer.dataSmResp(seq, messageId), new DataSmResp(0, seq, messageId));

    DeliverSmResp deliverResp = new DeliverSmResp(0, seq, messageId);
    assertHeader(decomposer.deliverSmResp(encode(deliverResp)), deliverResp);
    assertSameWire(composer.deliverSmResp(0, seq, messageId), deliverResp);
  }

  @Test
  void jsmppReadsOurThrottledSubmitSmRespWithoutBody() throws Exception {
    SubmitSmResp ours = new SubmitSmResp(0x58, 3, "");

    org.jsmpp.bean.SubmitSmResp theirs = decomposer.submitSmResp(encode(ours));

    assertHeader(theirs, ours);
    assertThat(theirs.getMessageId()).isNull();
  }

  // --- submit_multi, query_sm, cancel_sm, replace_sm, alert_notification ---------------------

  @Property(tries = 200)
  void jsmppReadsOurSubmitMultiAndWritesItIdentically(@ForAll("submitMultis") SubmitMulti ours)
      throws Exception {
    org.jsmpp.bean.SubmitMulti theirs = decomposer.submitMulti(encode(ours));

    assertHeader(theirs, ours);
    assertThat(str(theirs.getServiceType())).isEqualTo(ours.serviceType());
    assertAddress(
        theirs.getSourceAddrTon(), theirs.getSourceAddrNpi(), theirs.getSourceAddr(), ours.source());
    assertThat(theirs.getDestAddresses()).hasSameSizeAs(ours.destinations());
    for (int i = 0; i < ours.destinations().size(); i++) {
      org.jsmpp.bean.Address address = (org.jsmpp.bean.Address) theirs.getDestAddresses()[i];
      assertAddress(
          address.getTon(), address.getNpi(), address.getAddress(),
          ((DestAddress.Sme) ours.destinations().get(i)).address());
    }
    assertThat(theirs.getEsmClass()).isEqualTo(ours.esmClass());
    assertThat(str(theirs.getScheduleDeliveryTime())).isEqualTo(ours.scheduleDeliveryTime());
    assertThat(str(theirs.getValidityPeriod())).isEqualTo(ours.validityPeriod());
    assertThat(theirs.getShortMessage()).isEqualTo(ours.shortMessage());
    assertThat(fromJsmpp(theirs.getOptionalParameters())).isEqualTo(ours.tlvs());
    org.jsmpp.bean.DestinationAddress[] destinations =
        ours.destinations().stream()
            .map(d -> ((DestAddress.Sme) d).address())
            .map(a -> new org.jsmpp.bean.Address(a.ton(), a.npi(), a.address()))
            .toArray(org.jsmpp.bean.DestinationAddress[]::new);
    assertSameWire(
        composer.submitMulti(
            ours.sequenceNumber(), ours.serviceType(), ours.source().ton(), ours.source().npi(),
            ours.source().address(), destinations, ours.esmClass(), ours.protocolId(),
            ours.priorityFlag(), ours.scheduleDeliveryTime(), ours.validityPeriod(),
            ours.registeredDelivery(), ours.replaceIfPresentFlag(), ours.dataCoding(),
            ours.smDefaultMsgId(), ours.shortMessage(), toJsmpp(ours.tlvs())),
        ours);
  }

  @Test
  void jsmppReadsDistributionListNamesWeEncode() throws Exception {
    SubmitMulti ours =
        SubmitMulti.builder()
            .sequenceNumber(5)
            .destination(DestAddress.distributionList("vip"))
            .destination(DestAddress.sme(Address.international("8613800138000")))
            .shortMessage(new byte[] {0x68, 0x69})
            .build();

    org.jsmpp.bean.SubmitMulti theirs = decomposer.submitMulti(encode(ours));

    assertThat(((DistributionList) theirs.getDestAddresses()[0]).getName()).isEqualTo("vip");
    assertThat(((org.jsmpp.bean.Address) theirs.getDestAddresses()[1]).getAddress())
        .isEqualTo("8613800138000");
  }

  @Property(tries = 200)
  void jsmppAgreesOnSubmitMultiResp(@ForAll("submitMultiResps") SubmitMultiResp ours)
      throws Exception {
    org.jsmpp.bean.SubmitMultiResp theirs = decomposer.submitMultiResp(encode(ours));

    assertHeader(theirs, ours);
    assertThat(str(theirs.getMessageId())).isEqualTo(ours.messageId());
    List<UnsuccessSme> parsed = new ArrayList<>();
    for (UnsuccessDelivery d : theirs.getUnsuccessSmes()) {
      org.jsmpp.bean.Address a = d.getDestinationAddress();
      parsed.add(
          new UnsuccessSme(
              new Address(a.getTon(), a.getNpi(), str(a.getAddress())), d.getErrorStatusCode()));
    }
    assertThat(parsed).isEqualTo(ours.unsuccessSmes());
    UnsuccessDelivery[] theirsIn =
        ours.unsuccessSmes().stream()
            .map(
                u ->
                    new UnsuccessDelivery(
                        u.address().ton(), u.address().npi(), u.address().address(),
                        u.errorStatusCode()))
            .toArray(UnsuccessDelivery[]::new);
    assertSameWire(composer.submitMultiResp(ours.sequenceNumber(), ours.messageId(), theirsIn), ours);
  }

  @Property(tries = 200)
  void jsmppAgreesOnQuerySm(
      @ForAll("querySms") QuerySm query, @ForAll("querySmResps") QuerySmResp resp)
      throws Exception {
    org.jsmpp.bean.QuerySm theirQuery = decomposer.querySm(encode(query));
    assertHeader(theirQuery, query);
    assertThat(str(theirQuery.getMessageId())).isEqualTo(query.messageId());
    assertAddress(
        theirQuery.getSourceAddrTon(), theirQuery.getSourceAddrNpi(), theirQuery.getSourceAddr(),
        query.source());
    assertSameWire(
        composer.querySm(
            query.sequenceNumber(), query.messageId(), query.source().ton(), query.source().npi(),
            query.source().address()),
        query);

    org.jsmpp.bean.QuerySmResp theirResp = decomposer.querySmResp(encode(resp));
    assertHeader(theirResp, resp);
    assertThat(str(theirResp.getMessageId())).isEqualTo(resp.messageId());
    assertThat(str(theirResp.getFinalDate())).isEqualTo(resp.finalDate());
    assertThat(theirResp.getMessageState().value()).isEqualTo(resp.messageState());
    assertThat(theirResp.getErrorCode()).isEqualTo(resp.errorCode());
    assertSameWire(
        composer.querySmResp(
            resp.sequenceNumber(), resp.messageId(), resp.finalDate(), resp.messageState(),
            resp.errorCode()),
        resp);
  }

  @Property(tries = 200)
  void jsmppAgreesOnCancelSm(@ForAll("cancelSms") CancelSm ours) throws Exception {
    org.jsmpp.bean.CancelSm theirs = decomposer.cancelSm(encode(ours));

    assertHeader(theirs, ours);
    assertThat(str(theirs.getServiceType())).isEqualTo(ours.serviceType());
    assertThat(str(theirs.getMessageId())).isEqualTo(ours.messageId());
    assertAddress(
        theirs.getSourceAddrTon(), theirs.getSourceAddrNpi(), theirs.getSourceAddr(), ours.source());
    assertAddress(
        theirs.getDestAddrTon(), theirs.getDestAddrNpi(), theirs.getDestinationAddress(),
        ours.destination());
    assertSameWire(
        composer.cancelSm(
            ours.sequenceNumber(), ours.serviceType(), ours.messageId(), ours.source().ton(),
            ours.source().npi(), ours.source().address(), ours.destination().ton(),
            ours.destination().npi(), ours.destination().address()),
        ours);
  }

  @Property(tries = 200)
  void jsmppAgreesOnReplaceSm(@ForAll("replaceSms") ReplaceSm ours) throws Exception {
    org.jsmpp.bean.ReplaceSm theirs = decomposer.replaceSm(encode(ours));

    assertHeader(theirs, ours);
    assertThat(str(theirs.getMessageId())).isEqualTo(ours.messageId());
    assertAddress(
        theirs.getSourceAddrTon(), theirs.getSourceAddrNpi(), theirs.getSourceAddr(), ours.source());
    assertThat(str(theirs.getScheduleDeliveryTime())).isEqualTo(ours.scheduleDeliveryTime());
    assertThat(str(theirs.getValidityPeriod())).isEqualTo(ours.validityPeriod());
    assertThat(theirs.getRegisteredDelivery()).isEqualTo(ours.registeredDelivery());
    assertThat(theirs.getSmDefaultMsgId()).isEqualTo(ours.smDefaultMsgId());
    assertThat(theirs.getShortMessage()).isEqualTo(ours.shortMessage());
    assertSameWire(
        composer.replaceSm(
            ours.sequenceNumber(), ours.messageId(), ours.source().ton(), ours.source().npi(),
            ours.source().address(), ours.scheduleDeliveryTime(), ours.validityPeriod(),
            ours.registeredDelivery(), ours.smDefaultMsgId(), ours.shortMessage()),
        ours);
  }

  @Property(tries = 200)
  void jsmppAgreesOnAlertNotification(@ForAll("alerts") AlertNotification ours)
      throws Exception {
    org.jsmpp.bean.AlertNotification theirs = decomposer.alertNotification(encode(ours));

    assertHeader(theirs, ours);
    assertAddress(
        theirs.getSourceAddrTon(), theirs.getSourceAddrNpi(), theirs.getSourceAddr(), ours.source());
    assertAddress(
        theirs.getEsmeAddrTon(), theirs.getEsmeAddrNpi(), theirs.getEsmeAddr(), ours.esmeAddress());
    assertThat(fromJsmpp(theirs.getOptionalParameters())).isEqualTo(ours.tlvs());
    assertSameWire(
        composer.alertNotification(
            ours.sequenceNumber(), ours.source().ton(), ours.source().npi(),
            ours.source().address(), ours.esmeAddress().ton(), ours.esmeAddress().npi(),
            ours.esmeAddress().address(), toJsmpp(ours.tlvs())),
        ours);
  }
}
