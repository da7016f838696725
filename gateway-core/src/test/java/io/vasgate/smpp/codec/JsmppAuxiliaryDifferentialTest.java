package io.vasgate.smpp.codec;

import static io.vasgate.smpp.codec.JsmppPeer.assertAddress;
import static io.vasgate.smpp.codec.JsmppPeer.assertHeader;
import static io.vasgate.smpp.codec.JsmppPeer.assertSameWire;
import static io.vasgate.smpp.codec.JsmppPeer.encode;
import static io.vasgate.smpp.codec.JsmppPeer.fromJsmpp;
import static io.vasgate.smpp.codec.JsmppPeer.str;
import static io.vasgate.smpp.codec.JsmppPeer.toJsmpp;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.AlertNotification;
import io.vasgate.smpp.pdu.CancelSm;
import io.vasgate.smpp.pdu.DestAddress;
import io.vasgate.smpp.pdu.QuerySm;
import io.vasgate.smpp.pdu.QuerySmResp;
import io.vasgate.smpp.pdu.ReplaceSm;
import io.vasgate.smpp.pdu.SmppLimits;
import io.vasgate.smpp.pdu.SubmitMulti;
import io.vasgate.smpp.pdu.SubmitMultiResp;
import io.vasgate.smpp.pdu.UnsuccessSme;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsmpp.bean.DistributionList;
import org.jsmpp.bean.UnsuccessDelivery;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.api.Test;

/**
 * Differential tests against jSMPP 3.0.1 for submit_multi, query_sm, cancel_sm, replace_sm and
 * alert_notification (see {@link JsmppDifferentialTest} for the session and message PDUs and for
 * jSMPP's known limits).
 */
class JsmppAuxiliaryDifferentialTest {

  private final DefaultComposer composer = JsmppPeer.COMPOSER;
  private final DefaultDecomposer decomposer = JsmppPeer.DECOMPOSER;
  private final PduArbitraries ascii = PduArbitraries.ascii();

  // --- generators ---------------------------------------------------------------------

  @Provide
  Arbitrary<SubmitMulti> submitMultis() {
    return ascii.submitMulti(ascii.address(SmppLimits.MAX_SM_ADDRESS_LENGTH).map(DestAddress::sme));
  }

  @Provide
  Arbitrary<SubmitMultiResp> submitMultiResps() {
    return ascii
        .submitMultiResp()
        .map(r -> new SubmitMultiResp(0, r.sequenceNumber(), r.messageId(), r.unsuccessSmes()));
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
                    0,
                    r.sequenceNumber(),
                    r.messageId(),
                    r.finalDate(),
                    r.messageState(),
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

  // --- submit_multi, query_sm, cancel_sm, replace_sm, alert_notification ---------------------

  @Property(tries = 200)
  void jsmppReadsOurSubmitMultiAndWritesItIdentically(@ForAll("submitMultis") SubmitMulti ours)
      throws Exception {
    org.jsmpp.bean.SubmitMulti theirs = decomposer.submitMulti(encode(ours));

    assertHeader(theirs, ours);
    assertThat(str(theirs.getServiceType())).isEqualTo(ours.serviceType());
    assertAddress(
        theirs.getSourceAddrTon(),
        theirs.getSourceAddrNpi(),
        theirs.getSourceAddr(),
        ours.source());
    assertThat(theirs.getDestAddresses()).hasSameSizeAs(ours.destinations());
    for (int i = 0; i < ours.destinations().size(); i++) {
      org.jsmpp.bean.Address address = (org.jsmpp.bean.Address) theirs.getDestAddresses()[i];
      assertAddress(
          address.getTon(),
          address.getNpi(),
          address.getAddress(),
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
            ours.sequenceNumber(),
            ours.serviceType(),
            ours.source().ton(),
            ours.source().npi(),
            ours.source().address(),
            destinations,
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
                        u.address().ton(),
                        u.address().npi(),
                        u.address().address(),
                        u.errorStatusCode()))
            .toArray(UnsuccessDelivery[]::new);
    assertSameWire(
        composer.submitMultiResp(ours.sequenceNumber(), ours.messageId(), theirsIn), ours);
  }

  @Property(tries = 200)
  void jsmppAgreesOnQuerySm(
      @ForAll("querySms") QuerySm query, @ForAll("querySmResps") QuerySmResp resp)
      throws Exception {
    org.jsmpp.bean.QuerySm theirQuery = decomposer.querySm(encode(query));
    assertHeader(theirQuery, query);
    assertThat(str(theirQuery.getMessageId())).isEqualTo(query.messageId());
    assertAddress(
        theirQuery.getSourceAddrTon(),
        theirQuery.getSourceAddrNpi(),
        theirQuery.getSourceAddr(),
        query.source());
    assertSameWire(
        composer.querySm(
            query.sequenceNumber(),
            query.messageId(),
            query.source().ton(),
            query.source().npi(),
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
            resp.sequenceNumber(),
            resp.messageId(),
            resp.finalDate(),
            resp.messageState(),
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
        theirs.getSourceAddrTon(),
        theirs.getSourceAddrNpi(),
        theirs.getSourceAddr(),
        ours.source());
    assertAddress(
        theirs.getDestAddrTon(),
        theirs.getDestAddrNpi(),
        theirs.getDestinationAddress(),
        ours.destination());
    assertSameWire(
        composer.cancelSm(
            ours.sequenceNumber(),
            ours.serviceType(),
            ours.messageId(),
            ours.source().ton(),
            ours.source().npi(),
            ours.source().address(),
            ours.destination().ton(),
            ours.destination().npi(),
            ours.destination().address()),
        ours);
  }

  @Property(tries = 200)
  void jsmppAgreesOnReplaceSm(@ForAll("replaceSms") ReplaceSm ours) throws Exception {
    org.jsmpp.bean.ReplaceSm theirs = decomposer.replaceSm(encode(ours));

    assertHeader(theirs, ours);
    assertThat(str(theirs.getMessageId())).isEqualTo(ours.messageId());
    assertAddress(
        theirs.getSourceAddrTon(),
        theirs.getSourceAddrNpi(),
        theirs.getSourceAddr(),
        ours.source());
    assertThat(str(theirs.getScheduleDeliveryTime())).isEqualTo(ours.scheduleDeliveryTime());
    assertThat(str(theirs.getValidityPeriod())).isEqualTo(ours.validityPeriod());
    assertThat(theirs.getRegisteredDelivery()).isEqualTo(ours.registeredDelivery());
    assertThat(theirs.getSmDefaultMsgId()).isEqualTo(ours.smDefaultMsgId());
    assertThat(theirs.getShortMessage()).isEqualTo(ours.shortMessage());
    assertSameWire(
        composer.replaceSm(
            ours.sequenceNumber(),
            ours.messageId(),
            ours.source().ton(),
            ours.source().npi(),
            ours.source().address(),
            ours.scheduleDeliveryTime(),
            ours.validityPeriod(),
            ours.registeredDelivery(),
            ours.smDefaultMsgId(),
            ours.shortMessage()),
        ours);
  }

  @Property(tries = 200)
  void jsmppAgreesOnAlertNotification(@ForAll("alerts") AlertNotification ours) throws Exception {
    org.jsmpp.bean.AlertNotification theirs = decomposer.alertNotification(encode(ours));

    assertHeader(theirs, ours);
    assertAddress(
        theirs.getSourceAddrTon(),
        theirs.getSourceAddrNpi(),
        theirs.getSourceAddr(),
        ours.source());
    assertAddress(
        theirs.getEsmeAddrTon(), theirs.getEsmeAddrNpi(), theirs.getEsmeAddr(), ours.esmeAddress());
    assertThat(fromJsmpp(theirs.getOptionalParameters())).isEqualTo(ours.tlvs());
    assertSameWire(
        composer.alertNotification(
            ours.sequenceNumber(),
            ours.source().ton(),
            ours.source().npi(),
            ours.source().address(),
            ours.esmeAddress().ton(),
            ours.esmeAddress().npi(),
            ours.esmeAddress().address(),
            toJsmpp(ours.tlvs())),
        ours);
  }
}
