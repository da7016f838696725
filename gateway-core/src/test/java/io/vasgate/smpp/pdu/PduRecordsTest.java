package io.vasgate.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PduRecordsTest {

  private static final Address MSISDN = Address.international("8613800138000");
  private static final Address SERVICE = Address.national("10658880");

  static Stream<PduRequest> oneOfEachRequest() {
    return Stream.of(
        new Bind(BindType.TRANSMITTER, 5, "esme", "pw", "VMA", (byte) 0x34, SERVICE),
        new Outbind(5, "SMSC", "pw"),
        new Unbind(5),
        new EnquireLink(5),
        SubmitSm.builder().sequenceNumber(5).source(SERVICE).destination(MSISDN).build(),
        DeliverSm.builder().sequenceNumber(5).source(MSISDN).destination(SERVICE).build(),
        new DataSm(5, "", SERVICE, MSISDN, (byte) 0, (byte) 1, (byte) 0, List.of()),
        SubmitMulti.builder().sequenceNumber(5).destination(DestAddress.sme(MSISDN)).build(),
        new QuerySm(5, "M1", SERVICE),
        new CancelSm(5, "", "M1", SERVICE, MSISDN),
        new ReplaceSm(5, "M1", SERVICE, "", "", (byte) 0, (byte) 0, new byte[] {1}),
        new AlertNotification(5, MSISDN, SERVICE, List.of()));
  }

  @ParameterizedTest
  @MethodSource("oneOfEachRequest")
  void refusesARequestWithItsOwnResponseTypeAndSequenceNumber(PduRequest request) {
    PduResponse refusal = request.negativeResponse(CommandStatus.ESME_RTHROTTLED);

    CommandId expected = request.commandId().responseId();
    assertThat(refusal.commandId()).isEqualTo(expected);
    assertThat(refusal.commandStatus()).isEqualTo(0x58);
    assertThat(refusal.sequenceNumber()).isEqualTo(5);
    assertThat(refusal.isOk()).isFalse();
    assertThat(PduResponse.refusing(request.commandId(), 0x58, 5)).isEqualTo(refusal);
  }

  @ParameterizedTest
  @MethodSource("oneOfEachRequest")
  void restampsTheSequenceNumberAndNothingElse(PduRequest request) {
    PduRequest restamped = request.withSequenceNumber(0x7FFFFFFF);

    assertThat(restamped.sequenceNumber()).isEqualTo(0x7FFFFFFF);
    assertThat(restamped.commandId()).isEqualTo(request.commandId());
    assertThat(restamped.commandStatus()).isZero();
    assertThat(restamped.withSequenceNumber(5)).isEqualTo(request);
  }

  @ParameterizedTest
  @EnumSource(BindType.class)
  void bindTypeDecidesTheCommandId(BindType type) {
    Bind bind = Bind.of(type, 1, "esme", "pw");

    assertThat(bind.commandId()).isEqualTo(type.requestId());
    assertThat(bind.interfaceVersion()).isEqualTo(SmppLimits.INTERFACE_VERSION_34);
    assertThat(bind.response("SMSC", List.of()).commandId()).isEqualTo(type.responseId());
  }

  @Test
  void refusesOverlongFieldsNamingTheFieldAndLimit() {
    assertThatThrownBy(() -> Bind.of(BindType.TRANSCEIVER, 1, "S".repeat(16), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("system_id is 16 characters, at most 15 allowed (16 octets with NUL)");
    assertThatThrownBy(() -> Bind.of(BindType.TRANSCEIVER, 1, "esme", "123456789"))
        .hasMessageContaining("password");
    assertThatThrownBy(
            () -> SubmitSm.builder().destination(Address.international("1".repeat(21))).build())
        .hasMessageContaining("destination_addr is 21 characters");
    assertThatThrownBy(() -> SubmitSm.builder().serviceType("USSD12").build())
        .hasMessageContaining("service_type");
    assertThatThrownBy(() -> SubmitSm.builder().validityPeriod("0".repeat(17)).build())
        .hasMessageContaining("validity_period");
    assertThatThrownBy(() -> SubmitSm.builder().shortMessage(new byte[255]).build())
        .hasMessage("short_message is 255 octets, at most 254 allowed");
    assertThatThrownBy(() -> new SubmitSmResp(0, 1, "M".repeat(65)))
        .hasMessageContaining("message_id");
    assertThatThrownBy(() -> new Address((byte) 1, (byte) 1, "9".repeat(65)))
        .hasMessageContaining("address");
  }

  @Test
  void allowsTheLongerAddressesOfDataSmAndAlertNotification() {
    Address long64 = Address.of(Ton.INTERNATIONAL, Npi.INTERNET, "u".repeat(64));

    assertThat(new DataSm(1, "", long64, long64, (byte) 0, (byte) 0, (byte) 0, null).source())
        .isEqualTo(long64);
    assertThat(new AlertNotification(1, long64, long64, null).esmeAddress()).isEqualTo(long64);
  }

  @Test
  void refusesNulAndCharactersOutsideIso88591() {
    assertThatThrownBy(() -> Address.international("86\u0000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+0000");
    assertThatThrownBy(() -> new Outbind(1, "短信", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("system_id");
    assertThat(new Outbind(1, "café", "").systemId()).isEqualTo("café");
  }

  @Test
  void storesNullsAsEmptyFields() {
    SubmitSm submit =
        new SubmitSm(
            1, null, null, null, (byte) 0, (byte) 0, (byte) 0, null, null, (byte) 0, (byte) 0,
            (byte) 0, (byte) 0, null, null);

    assertThat(submit.serviceType()).isEmpty();
    assertThat(submit.source()).isEqualTo(Address.EMPTY);
    assertThat(submit.destination().isEmpty()).isTrue();
    assertThat(submit.scheduleDeliveryTime()).isEmpty();
    assertThat(submit.shortMessage()).isEmpty();
    assertThat(submit.tlvs()).isEmpty();
    assertThat(submit).isEqualTo(SubmitSm.builder().sequenceNumber(1).build());
  }

  @Test
  void copiesArraysAndListsOnTheWayInAndOut() {
    byte[] text = "hello".getBytes(StandardCharsets.US_ASCII);
    List<Tlv> tlvs = new ArrayList<>(List.of(Tlv.ofUint8(TlvTag.MESSAGE_STATE, 2)));
    DeliverSm deliver = DeliverSm.builder().shortMessage(text).tlvs(tlvs).build();

    text[0] = 'j';
    tlvs.clear();
    deliver.shortMessage()[1] = 'a';

    assertThat(new String(deliver.shortMessage(), StandardCharsets.US_ASCII)).isEqualTo("hello");
    assertThat(deliver.tlvs()).hasSize(1);
    assertThatThrownBy(() -> deliver.tlvs().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void comparesShortMessagesByContentAndPrintsThemInHex() {
    SubmitSm a = SubmitSm.builder().shortMessage(new byte[] {0x4F, 0x60}).build();
    SubmitSm b = SubmitSm.builder().shortMessage(new byte[] {0x4F, 0x60}).build();
    SubmitSm c = SubmitSm.builder().shortMessage(new byte[] {0x4F, 0x61}).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    assertThat(a.toString()).contains("shortMessage=4f60");
    assertThat(new ReplaceSm(1, "M", null, "", "", (byte) 0, (byte) 0, new byte[] {(byte) 0xAB}))
        .isEqualTo(
            new ReplaceSm(1, "M", null, "", "", (byte) 0, (byte) 0, new byte[] {(byte) 0xAB}))
        .hasToString(
            "ReplaceSm[sequenceNumber=1, messageId=M, source=Address[ton=0, npi=0, address=],"
                + " scheduleDeliveryTime=, validityPeriod=, registeredDelivery=0x0,"
                + " smDefaultMsgId=0, shortMessage=ab]");
  }

  @Test
  void submitSmAndDeliverSmWithEqualFieldsAreNotEqual() {
    SubmitSm submit = SubmitSm.builder().sequenceNumber(1).build();
    DeliverSm deliver = DeliverSm.builder().sequenceNumber(1).build();

    assertThat((Object) submit).isNotEqualTo(deliver);
  }

  @Test
  void rebuildsAnEqualPduFromItsBuilder() {
    SubmitSm submit =
        SubmitSm.builder()
            .sequenceNumber(9)
            .serviceType("CMT")
            .source(SERVICE)
            .destination(MSISDN)
            .esmClass(0x40)
            .protocolId(0x7F)
            .priorityFlag(1)
            .scheduleDeliveryTime("250101120000000+")
            .validityPeriod("000001000000000R")
            .registeredDelivery(1)
            .replaceIfPresentFlag(1)
            .dataCoding(8)
            .smDefaultMsgId(3)
            .shortMessage(new byte[] {5, 0, 3, 1, 2, 1})
            .tlv(Tlv.ofUint16(TlvTag.SOURCE_PORT, 9200))
            .build();

    assertThat(submit.toBuilder().build()).isEqualTo(submit);
    assertThat(submit.toBuilder().dataCoding(0).build()).isNotEqualTo(submit);
    assertThat(submit.esmClass()).isEqualTo((byte) 0x40);
    assertThat(EsmClass.hasUdhi(submit.esmClass())).isTrue();
    assertThat(submit.response("M1")).isEqualTo(new SubmitSmResp(0, 9, "M1"));
  }

  @Test
  void recognisesReceiptLikeDeliverSm() {
    for (int esmClass : new int[] {0x04, 0x08, 0x10, 0x20}) {
      assertThat(DeliverSm.builder().esmClass(esmClass).build().isReceipt()).isTrue();
    }
    assertThat(DeliverSm.builder().esmClass(0x40).build().isReceipt()).isFalse();
    assertThat(DeliverSm.builder().build().response()).isEqualTo(new DeliverSmResp(0, 0, ""));
  }

  @Test
  void limitsSubmitMultiToOneTo254Destinations() {
    List<DestAddress> tooMany = Collections.nCopies(255, DestAddress.sme(MSISDN));

    assertThatThrownBy(() -> SubmitMulti.builder().build())
        .hasMessage("number_of_dests is 0, must be 1 to 254");
    assertThatThrownBy(() -> SubmitMulti.builder().destinations(tooMany).build())
        .hasMessageContaining("255");
    assertThat(SubmitMulti.builder().destinations(tooMany.subList(0, 254)).build().destinations())
        .hasSize(254);
    assertThatThrownBy(() -> DestAddress.distributionList("L".repeat(21)))
        .hasMessageContaining("dl_name");
  }

  @Test
  void hidesPasswordsFromLogs() {
    assertThat(Bind.of(BindType.TRANSMITTER, 1, "esme", "s3cr3t").toString())
        .doesNotContain("s3cr3t")
        .contains("esme");
    assertThat(new Outbind(1, "SMSC", "s3cr3t").toString()).doesNotContain("s3cr3t");
  }

  @Test
  void namesTonAndNpiCodes() {
    assertThat(Address.international("86").typeOfNumber()).contains(Ton.INTERNATIONAL);
    assertThat(new Address((byte) 7, (byte) 2, "x").typeOfNumber()).isEmpty();
    assertThat(new Address((byte) 7, (byte) 2, "x").numberingPlan()).isEmpty();
    assertThat(Npi.of(18)).contains(Npi.WAP);
    assertThat(Npi.isValid(2)).isFalse();
    assertThat(Ton.isValid(6)).isTrue();
    assertThat(Ton.isValid(7)).isFalse();
    assertThat(Address.alphanumeric("VAS").ton()).isEqualTo((byte) 5);
  }

  @Test
  void refusesToBuildAResponseForAResponse() {
    assertThatThrownBy(() -> PduResponse.refusing(CommandId.SUBMIT_SM_RESP, 8, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
