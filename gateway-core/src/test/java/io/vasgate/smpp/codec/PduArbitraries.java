package io.vasgate.smpp.codec;

import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.AlertNotification;
import io.vasgate.smpp.pdu.Bind;
import io.vasgate.smpp.pdu.BindResp;
import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.CancelSm;
import io.vasgate.smpp.pdu.CancelSmResp;
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
import io.vasgate.smpp.pdu.Npi;
import io.vasgate.smpp.pdu.Outbind;
import io.vasgate.smpp.pdu.Pdu;
import io.vasgate.smpp.pdu.PduRequest;
import io.vasgate.smpp.pdu.QuerySm;
import io.vasgate.smpp.pdu.QuerySmResp;
import io.vasgate.smpp.pdu.ReplaceSm;
import io.vasgate.smpp.pdu.ReplaceSmResp;
import io.vasgate.smpp.pdu.SmppLimits;
import io.vasgate.smpp.pdu.SubmitMulti;
import io.vasgate.smpp.pdu.SubmitMultiResp;
import io.vasgate.smpp.pdu.SubmitSm;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvTag;
import io.vasgate.smpp.pdu.Ton;
import io.vasgate.smpp.pdu.Unbind;
import io.vasgate.smpp.pdu.UnbindResp;
import io.vasgate.smpp.pdu.UnsuccessSme;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random valid PDUs of every type. {@link #ascii()} restricts strings to printable ASCII and times
 * to the 16-character format, which is what the reference peers (jSMPP, Cloudhopper) accept.
 */
final class PduArbitraries {

  private final char lowest;
  private final char highest;
  private final boolean strictTimes;

  private PduArbitraries(char lowest, char highest, boolean strictTimes) {
    this.lowest = lowest;
    this.highest = highest;
    this.strictTimes = strictTimes;
  }

  /** Any ISO-8859-1 character except NUL, times of any length up to 16. */
  static PduArbitraries latin1() {
    return new PduArbitraries('\u0001', '\u00FF', false);
  }

  /** Printable ASCII and well-formed times only. */
  static PduArbitraries ascii() {
    return new PduArbitraries(' ', '~', true);
  }

  Arbitrary<String> cString(int maxWithNul) {
    return Arbitraries.strings().withCharRange(lowest, highest).ofMaxLength(maxWithNul - 1);
  }

  Arbitrary<String> time() {
    if (!strictTimes) {
      return cString(SmppLimits.MAX_TIME_LENGTH);
    }
    Arbitrary<String> absolute =
        Arbitraries.strings().numeric().ofLength(13).map(digits -> digits + "00+");
    Arbitrary<String> relative =
        Arbitraries.strings().numeric().ofLength(12).map(digits -> digits + "000R");
    return Arbitraries.oneOf(Arbitraries.just(""), absolute, relative);
  }

  Arbitrary<Address> address(int maxWithNul) {
    return Combinators.combine(
            Arbitraries.of(Ton.values()).map(Ton::code),
            Arbitraries.of(Npi.values()).map(Npi::code),
            cString(maxWithNul))
        .as(Address::new);
  }

  static Arbitrary<Integer> sequenceNumbers() {
    return Arbitraries.integers().between(1, SmppLimits.MAX_SEQUENCE_NUMBER);
  }

  static Arbitrary<Integer> statuses() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.just(0)),
        Tuple.of(3, Arbitraries.of(CommandStatus.values()).map(CommandStatus::code)),
        Tuple.of(1, Arbitraries.integers()));
  }

  static Arbitrary<Byte> octets() {
    return Arbitraries.bytes();
  }

  static Arbitrary<byte[]> shortMessages() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(SmppLimits.MAX_SHORT_MESSAGE_LENGTH);
  }

  /** Well-formed standard TLVs and opaque vendor ones (0x1400-0x3FFF). */
  static Arbitrary<Tlv> tlvs() {
    Arbitrary<Tlv> vendor =
        Combinators.combine(
                Arbitraries.shorts().between((short) 0x1400, (short) 0x3FFF),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
            .as(Tlv::new);
    Arbitrary<Tlv> payload =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMaxSize(600)
            .map(v -> new Tlv(TlvTag.MESSAGE_PAYLOAD, v));
    return Arbitraries.oneOf(
        vendor,
        payload,
        Arbitraries.integers().between(0, 0xFFFF).map(v -> Tlv.ofUint16(TlvTag.SAR_MSG_REF_NUM, v)),
        Arbitraries.integers().between(1, 255).map(v -> Tlv.ofUint8(TlvTag.SAR_TOTAL_SEGMENTS, v)),
        Arbitraries.integers().between(1, 255).map(v -> Tlv.ofUint8(TlvTag.SAR_SEGMENT_SEQNUM, v)),
        Arbitraries.integers()
            .between(0, 0xFFFF)
            .map(v -> Tlv.ofUint16(TlvTag.USER_MESSAGE_REFERENCE, v)),
        Arbitraries.integers().between(0, 0xFFFF).map(v -> Tlv.ofUint16(TlvTag.SOURCE_PORT, v)),
        Arbitraries.integers()
            .between(0, 0xFFFF)
            .map(v -> Tlv.ofUint16(TlvTag.DESTINATION_PORT, v)),
        Arbitraries.integers().between(1, 8).map(v -> Tlv.ofUint8(TlvTag.MESSAGE_STATE, v)),
        Arbitraries.of(0, 1, 2, 3, 16, 17, 18, 19).map(v -> Tlv.ofUint8(TlvTag.USSD_SERVICE_OP, v)),
        Arbitraries.strings()
            .alpha()
            .numeric()
            .ofMaxLength(64)
            .map(v -> Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, v)));
  }

  static Arbitrary<List<Tlv>> tlvLists() {
    return tlvs().list().ofMaxSize(4);
  }

  private <B extends MessageBuilder<B, T>, T extends PduRequest> Arbitrary<B> messageFields(
      Supplier<B> builder) {
    return Builders.withBuilder(builder)
        .use(sequenceNumbers())
        .in((b, v) -> b.sequenceNumber(v))
        .use(cString(SmppLimits.MAX_SERVICE_TYPE_LENGTH))
        .in((b, v) -> b.serviceType(v))
        .use(address(SmppLimits.MAX_SM_ADDRESS_LENGTH))
        .in((b, v) -> b.source(v))
        .use(octets())
        .in((b, v) -> b.esmClass(v))
        .use(octets())
        .in((b, v) -> b.protocolId(v))
        .use(octets())
        .in((b, v) -> b.priorityFlag(v))
        .use(time())
        .in((b, v) -> b.scheduleDeliveryTime(v))
        .use(time())
        .in((b, v) -> b.validityPeriod(v))
        .use(octets())
        .in((b, v) -> b.registeredDelivery(v))
        .use(octets())
        .in((b, v) -> b.replaceIfPresentFlag(v))
        .use(octets())
        .in((b, v) -> b.dataCoding(v))
        .use(octets())
        .in((b, v) -> b.smDefaultMsgId(v))
        .use(shortMessages())
        .in((b, v) -> b.shortMessage(v))
        .use(tlvLists())
        .in((b, v) -> b.tlvs(v))
        .build(b -> b);
  }

  Arbitrary<SubmitSm> submitSm() {
    return Combinators.combine(
            messageFields(SubmitSm::builder), address(SmppLimits.MAX_SM_ADDRESS_LENGTH))
        .as((b, destination) -> b.destination(destination).build());
  }

  Arbitrary<DeliverSm> deliverSm() {
    return Combinators.combine(
            messageFields(DeliverSm::builder), address(SmppLimits.MAX_SM_ADDRESS_LENGTH))
        .as((b, destination) -> b.destination(destination).build());
  }

  Arbitrary<DestAddress> destAddress() {
    return Arbitraries.oneOf(
        address(SmppLimits.MAX_SM_ADDRESS_LENGTH).map(DestAddress::sme),
        cString(SmppLimits.MAX_DL_NAME_LENGTH).map(DestAddress::distributionList));
  }

  Arbitrary<SubmitMulti> submitMulti(Arbitrary<DestAddress> destinations) {
    return Combinators.combine(
            messageFields(SubmitMulti::builder), destinations.list().ofMinSize(1).ofMaxSize(5))
        .as((b, list) -> b.destinations(list).build());
  }

  Arbitrary<Bind> bind() {
    return Combinators.combine(
            Arbitraries.of(BindType.values()),
            sequenceNumbers(),
            cString(SmppLimits.MAX_SYSTEM_ID_LENGTH),
            cString(SmppLimits.MAX_PASSWORD_LENGTH),
            cString(SmppLimits.MAX_SYSTEM_TYPE_LENGTH),
            octets(),
            address(SmppLimits.MAX_ADDRESS_RANGE_LENGTH))
        .as(Bind::new);
  }

  Arbitrary<BindResp> bindResp() {
    return Combinators.combine(
            Arbitraries.of(BindType.values()),
            statuses(),
            sequenceNumbers(),
            cString(SmppLimits.MAX_SYSTEM_ID_LENGTH),
            tlvLists())
        .as(BindResp::new);
  }

  Arbitrary<DataSm> dataSm(int addressLimit) {
    return Combinators.combine(
            sequenceNumbers(),
            cString(SmppLimits.MAX_SERVICE_TYPE_LENGTH),
            address(addressLimit),
            address(addressLimit),
            octets(),
            octets(),
            octets(),
            tlvLists())
        .as(DataSm::new);
  }

  Arbitrary<QuerySm> querySm() {
    return Combinators.combine(
            sequenceNumbers(),
            cString(SmppLimits.MAX_MESSAGE_ID_LENGTH),
            address(SmppLimits.MAX_SM_ADDRESS_LENGTH))
        .as(QuerySm::new);
  }

  Arbitrary<QuerySmResp> querySmResp() {
    return Combinators.combine(
            statuses(),
            sequenceNumbers(),
            cString(SmppLimits.MAX_MESSAGE_ID_LENGTH),
            time(),
            Arbitraries.bytes().between((byte) 0, (byte) 9),
            octets())
        .as(QuerySmResp::new);
  }

  Arbitrary<CancelSm> cancelSm() {
    return Combinators.combine(
            sequenceNumbers(),
            cString(SmppLimits.MAX_SERVICE_TYPE_LENGTH),
            cString(SmppLimits.MAX_MESSAGE_ID_LENGTH),
            address(SmppLimits.MAX_SM_ADDRESS_LENGTH),
            address(SmppLimits.MAX_SM_ADDRESS_LENGTH))
        .as(CancelSm::new);
  }

  Arbitrary<ReplaceSm> replaceSm() {
    return Combinators.combine(
            sequenceNumbers(),
            cString(SmppLimits.MAX_MESSAGE_ID_LENGTH),
            address(SmppLimits.MAX_SM_ADDRESS_LENGTH),
            time(),
            time(),
            octets(),
            octets(),
            shortMessages())
        .as(ReplaceSm::new);
  }

  Arbitrary<AlertNotification> alertNotification(int addressLimit) {
    return Combinators.combine(
            sequenceNumbers(), address(addressLimit), address(addressLimit), tlvLists())
        .as(AlertNotification::new);
  }

  Arbitrary<SubmitMultiResp> submitMultiResp() {
    Arbitrary<UnsuccessSme> unsuccess =
        Combinators.combine(address(SmppLimits.MAX_SM_ADDRESS_LENGTH), Arbitraries.integers())
            .as(UnsuccessSme::new);
    return Combinators.combine(
            statuses(),
            sequenceNumbers(),
            cString(SmppLimits.MAX_MESSAGE_ID_LENGTH),
            unsuccess.list().ofMaxSize(4),
            tlvLists())
        .as(SubmitMultiResp::new);
  }

  /** Every PDU type, with every field random. */
  Arbitrary<Pdu> any() {
    Arbitrary<Integer> seq = sequenceNumbers();
    Arbitrary<Integer> status = statuses();
    Arbitrary<String> messageId = cString(SmppLimits.MAX_MESSAGE_ID_LENGTH);
    List<Arbitrary<? extends Pdu>> all =
        Arrays.asList(
            bind(),
            bindResp(),
            Combinators.combine(
                    seq,
                    cString(SmppLimits.MAX_SYSTEM_ID_LENGTH),
                    cString(SmppLimits.MAX_PASSWORD_LENGTH))
                .as(Outbind::new),
            seq.map(Unbind::new),
            Combinators.combine(status, seq).as(UnbindResp::new),
            seq.map(EnquireLink::new),
            Combinators.combine(status, seq).as(EnquireLinkResp::new),
            Combinators.combine(status, seq).as(GenericNack::new),
            submitSm(),
            Combinators.combine(status, seq, messageId, tlvLists()).as(SubmitSmResp::new),
            deliverSm(),
            Combinators.combine(status, seq, messageId, tlvLists()).as(DeliverSmResp::new),
            dataSm(SmppLimits.MAX_LONG_ADDRESS_LENGTH),
            Combinators.combine(status, seq, messageId, tlvLists()).as(DataSmResp::new),
            submitMulti(destAddress()),
            submitMultiResp(),
            querySm(),
            querySmResp(),
            cancelSm(),
            Combinators.combine(status, seq).as(CancelSmResp::new),
            replaceSm(),
            Combinators.combine(status, seq).as(ReplaceSmResp::new),
            alertNotification(SmppLimits.MAX_LONG_ADDRESS_LENGTH));
    return Arbitraries.<Pdu>oneOf(all);
  }
}
