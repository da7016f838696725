package io.vasgate.smpp.codec;

import static io.vasgate.smpp.codec.JsmppPeer.assertAddress;
import static io.vasgate.smpp.codec.JsmppPeer.assertDataFields;
import static io.vasgate.smpp.codec.JsmppPeer.assertHeader;
import static io.vasgate.smpp.codec.JsmppPeer.assertMessageFields;
import static io.vasgate.smpp.codec.JsmppPeer.assertSameWire;
import static io.vasgate.smpp.codec.JsmppPeer.encode;
import static io.vasgate.smpp.codec.JsmppPeer.fromJsmpp;
import static io.vasgate.smpp.codec.JsmppPeer.str;
import static io.vasgate.smpp.codec.JsmppPeer.toJsmpp;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.Bind;
import io.vasgate.smpp.pdu.BindResp;
import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.CancelSmResp;
import io.vasgate.smpp.pdu.DataSm;
import io.vasgate.smpp.pdu.DataSmResp;
import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.smpp.pdu.DeliverSmResp;
import io.vasgate.smpp.pdu.EnquireLink;
import io.vasgate.smpp.pdu.EnquireLinkResp;
import io.vasgate.smpp.pdu.GenericNack;
import io.vasgate.smpp.pdu.Outbind;
import io.vasgate.smpp.pdu.ReplaceSmResp;
import io.vasgate.smpp.pdu.SmppLimits;
import io.vasgate.smpp.pdu.SubmitSm;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvTag;
import io.vasgate.smpp.pdu.Unbind;
import io.vasgate.smpp.pdu.UnbindResp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.api.Test;

/**
 * Differential tests against jSMPP 3.0.1: jSMPP decodes what we encode, and for every PDU its
 * composer produces exactly our bytes. Known jSMPP limits: its composer writes no dl_name for
 * distribution-list destinations of submit_multi, drops the TLVs of data_sm_resp, and forces the
 * unused deliver_sm fields to zero; its decomposer ignores deliver_sm_resp's message_id; it limits
 * data_sm and alert_notification source addresses to 21 octets where SMPP 3.4 allows 65. Those
 * cases are compared one way only or within jSMPP's limits.
 */
class JsmppDifferentialTest {

  private final DefaultComposer composer = JsmppPeer.COMPOSER;
  private final DefaultDecomposer decomposer = JsmppPeer.DECOMPOSER;
  private final PduArbitraries ascii = PduArbitraries.ascii();

  // --- generators ---------------------------------------------------------------------

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
            ours.commandId().code(),
            ours.sequenceNumber(),
            ours.systemId(),
            ours.password(),
            ours.systemType(),
            ours.interfaceVersion(),
            range.ton(),
            range.npi(),
            range.address()),
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
    assertHeader(
        decomposer.unbindResp(encode(new UnbindResp(status, seq))), new UnbindResp(status, seq));
    assertHeader(decomposer.enquireLink(encode(new EnquireLink(seq))), new EnquireLink(seq));
    assertHeader(
        decomposer.enquireLinkResp(encode(new EnquireLinkResp(0, seq))),
        new EnquireLinkResp(0, seq));
    assertHeader(
        decomposer.genericNack(encode(new GenericNack(status, seq))), new GenericNack(status, seq));
    assertHeader(
        decomposer.cancelSmResp(encode(new CancelSmResp(0, seq))), new CancelSmResp(0, seq));
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
            ours.sequenceNumber(),
            ours.serviceType(),
            ours.source().ton(),
            ours.source().npi(),
            ours.source().address(),
            ours.destination().ton(),
            ours.destination().npi(),
            ours.destination().address(),
            ours.esmClass(),
            ours.protocolId(),
            ours.priorityFlag(),
            ours.scheduleDeliveryTime(),
            ours.validityPeriod(),
            ours.registeredDelivery(),
            ours.replaceIfPresentFlag(),
            ours.dataCoding(),
            ours.smDefaultMsgId(),
            ours.shortMessage(),
            toJsmpp(ours.tlvs())),
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
            ours.sequenceNumber(),
            ours.serviceType(),
            ours.source().ton(),
            ours.source().npi(),
            ours.source().address(),
            ours.destination().ton(),
            ours.destination().npi(),
            ours.destination().address(),
            ours.esmClass(),
            ours.protocolId(),
            ours.priorityFlag(),
            ours.registeredDelivery(),
            ours.dataCoding(),
            ours.shortMessage(),
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
  void jsmppReadsOurDataSmAndWritesItIdentically(@ForAll("dataSms") DataSm ours) throws Exception {
    org.jsmpp.bean.DataSm theirs = decomposer.dataSm(encode(ours));

    assertHeader(theirs, ours);
    assertDataFields(theirs, ours);
    assertSameWire(
        composer.dataSm(
            ours.sequenceNumber(),
            ours.serviceType(),
            ours.source().ton(),
            ours.source().npi(),
            ours.source().address(),
            ours.destination().ton(),
            ours.destination().npi(),
            ours.destination().address(),
            ours.esmClass(),
            ours.registeredDelivery(),
            ours.dataCoding(),
            toJsmpp(ours.tlvs())),
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
}
