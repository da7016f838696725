package io.vasgate.smpp.codec;

import static io.vasgate.smpp.codec.Wire.decodeInvalid;
import static io.vasgate.smpp.codec.Wire.decodePdu;
import static io.vasgate.smpp.codec.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.smpp.pdu.BindResp;
import io.vasgate.smpp.pdu.CommandId;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.GenericNack;
import io.vasgate.smpp.pdu.QuerySmResp;
import io.vasgate.smpp.pdu.SubmitSmResp;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Well-framed PDUs that break the specification decode to the exact InvalidPdu status. */
class MalformedPduTest {

  private static final int RINVCMDLEN = CommandStatus.ESME_RINVCMDLEN.code();

  private static void assertInvalid(byte[] frame, CommandStatus expected, int seq) {
    InvalidPdu invalid = decodeInvalid(frame);
    assertThat(invalid.commandStatus()).as("%s", invalid).isEqualTo(expected.code());
    assertThat(invalid.sequenceNumber()).isEqualTo(seq);
    assertThat(invalid.reason()).isNotBlank();
  }

  @Test
  void answersUnknownCommandIdWithGenericNack() {
    byte[] frame = RawPdu.of(0x00000099, 42).hex("01020304").bytes();

    InvalidPdu invalid = decodeInvalid(frame);

    assertThat(invalid.commandId()).isEqualTo(0x99);
    assertThat(invalid.command()).isEmpty();
    assertThat(invalid.sequenceNumber()).isEqualTo(42);
    assertThat(invalid.commandStatus()).isEqualTo(CommandStatus.ESME_RINVCMDID.code());
    assertThat(invalid.response())
        .contains(new GenericNack(CommandStatus.ESME_RINVCMDID.code(), 42));
  }

  @Test
  void rejectsFrameShorterThanTheHeader() {
    InvalidPdu invalid = decodeInvalid(hex("0000000C 00000015 00000000"));

    assertThat(invalid.commandStatus()).isEqualTo(RINVCMDLEN);
    assertThat(invalid.commandId()).isEqualTo(0x15);
  }

  @Test
  void rejectsCommandLengthThatDisagreesWithTheFrame() {
    byte[] frame = RawPdu.of(0x15, 3).withCommandLength(20);

    assertInvalid(frame, CommandStatus.ESME_RINVCMDLEN, 3);
  }

  @Test
  void rejectsBindWithoutBody() {
    byte[] frame = RawPdu.of(0x02, 1).bytes();

    InvalidPdu invalid = decodeInvalid(frame);

    assertThat(invalid.commandStatus()).isEqualTo(RINVCMDLEN);
    assertThat(invalid.command()).contains(CommandId.BIND_TRANSMITTER);
    assertThat(invalid.response())
        .hasValueSatisfying(
            r -> {
              assertThat(r).isInstanceOf(BindResp.class);
              assertThat(r.commandStatus()).isEqualTo(RINVCMDLEN);
              assertThat(r.sequenceNumber()).isEqualTo(1);
            });
  }

  @Test
  void rejectsSubmitSmTruncatedAfterTheSourceAddress() {
    byte[] frame = RawPdu.of(0x04, 5).cString("").address(1, 1, "8613800138000").bytes();

    InvalidPdu invalid = decodeInvalid(frame);

    assertThat(invalid.commandStatus()).isEqualTo(RINVCMDLEN);
    assertThat(invalid.reason()).contains("destination_addr");
    assertThat(invalid.response()).contains(new SubmitSmResp(RINVCMDLEN, 5, ""));
  }

  static Stream<Arguments> unterminatedStrings() {
    return Stream.of(
        Arguments.of("system_id", RawPdu.of(0x02, 1).chars("esme"), CommandStatus.ESME_RINVSYSID),
        Arguments.of(
            "password",
            RawPdu.of(0x09, 1).cString("esme").chars("pw"),
            CommandStatus.ESME_RINVPASWD),
        Arguments.of(
            "system_type",
            RawPdu.of(0x01, 1).cString("esme").cString("pw").chars("VMA"),
            CommandStatus.ESME_RINVSYSTYP),
        Arguments.of(
            "service_type", RawPdu.of(0x04, 1).chars("CMT"), CommandStatus.ESME_RINVSERTYP),
        Arguments.of(
            "source_addr",
            RawPdu.of(0x05, 1).cString("").u8(1).u8(1).chars("86"),
            CommandStatus.ESME_RINVSRCADR),
        Arguments.of(
            "destination_addr",
            RawPdu.of(0x04, 1).cString("").address(1, 1, "86").u8(1).u8(1).chars("1065"),
            CommandStatus.ESME_RINVDSTADR),
        Arguments.of("message_id", RawPdu.of(0x03, 1).chars("MSG"), CommandStatus.ESME_RINVMSGID),
        Arguments.of(
            "submit_sm_resp message_id",
            RawPdu.of(0x80000004, 1).chars("MSG"),
            CommandStatus.ESME_RINVMSGID));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unterminatedStrings")
  void rejectsCStringWithoutNulWithTheFieldsStatus(
      String field, RawPdu pdu, CommandStatus expected) {
    assertInvalid(pdu.bytes(), expected, 1);
  }

  static Stream<Arguments> overlongStrings() {
    String sixteen = "A".repeat(16);
    return Stream.of(
        Arguments.of(
            "system_id of 16", RawPdu.of(0x02, 1).cString(sixteen), CommandStatus.ESME_RINVSYSID),
        Arguments.of(
            "password of 9",
            RawPdu.of(0x02, 1).cString("esme").cString("123456789"),
            CommandStatus.ESME_RINVPASWD),
        Arguments.of(
            "system_type of 13",
            RawPdu.of(0x02, 1).cString("esme").cString("pw").cString("T".repeat(13)),
            CommandStatus.ESME_RINVSYSTYP),
        Arguments.of(
            "address_range of 41",
            RawPdu.of(0x02, 1)
                .cString("e")
                .cString("p")
                .cString("")
                .u8(0x34)
                .address(0, 0, "9".repeat(41)),
            CommandStatus.ESME_RINVCMDLEN),
        Arguments.of(
            "service_type of 6",
            RawPdu.submitSmHead(1, "USSD12", 1, 1, "86", 1, 1, "10", "", "").u8(0),
            CommandStatus.ESME_RINVSERTYP),
        Arguments.of(
            "source_addr of 21",
            RawPdu.submitSmHead(1, "", 1, 1, "8".repeat(21), 1, 1, "10", "", "").u8(0),
            CommandStatus.ESME_RINVSRCADR),
        Arguments.of(
            "destination_addr of 21",
            RawPdu.submitSmHead(1, "", 1, 1, "86", 1, 1, "1".repeat(21), "", "").u8(0),
            CommandStatus.ESME_RINVDSTADR),
        Arguments.of(
            "schedule_delivery_time of 17",
            RawPdu.submitSmHead(1, "", 1, 1, "86", 1, 1, "10", sixteen + "R", "").u8(0),
            CommandStatus.ESME_RINVSCHED),
        Arguments.of(
            "validity_period of 17",
            RawPdu.submitSmHead(1, "", 1, 1, "86", 1, 1, "10", "", sixteen + "R").u8(0),
            CommandStatus.ESME_RINVEXPIRY),
        Arguments.of(
            "message_id of 65",
            RawPdu.of(0x03, 1).cString("M".repeat(65)).address(1, 1, "86"),
            CommandStatus.ESME_RINVMSGID),
        Arguments.of(
            "data_sm source_addr of 65",
            RawPdu.of(0x103, 1)
                .cString("")
                .address(1, 1, "8".repeat(65))
                .address(1, 1, "1")
                .hex("000000"),
            CommandStatus.ESME_RINVSRCADR),
        Arguments.of(
            "dl_name of 21",
            RawPdu.of(0x21, 1).cString("").address(1, 1, "86").u8(1).u8(2).cString("L".repeat(21)),
            CommandStatus.ESME_RINVDLNAME));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlongStrings")
  void rejectsOverlongCStringWithTheFieldsStatus(String field, RawPdu pdu, CommandStatus expected) {
    assertInvalid(pdu.bytes(), expected, 1);
  }

  @Test
  void acceptsCStringsOfExactlyTheirLimit() {
    byte[] frame =
        RawPdu.submitSmHead(
                1, "USSD1", 1, 1, "8".repeat(20), 1, 1, "1".repeat(20), "A".repeat(16), "")
            .u8(0)
            .bytes();

    assertThat(SmppPduCodec.decode(frame)).isInstanceOf(DecodeResult.Decoded.class);
  }

  @Test
  void rejectsSmLengthAbove254() {
    byte[] frame = RawPdu.submitSmHead(6).u8(255).chars("x".repeat(255)).bytes();

    assertInvalid(frame, CommandStatus.ESME_RINVMSGLEN, 6);
  }

  @Test
  void rejectsSmLengthRunningPastTheEnd() {
    byte[] frame = RawPdu.submitSmHead(7).u8(10).chars("short").bytes();

    assertInvalid(frame, CommandStatus.ESME_RINVMSGLEN, 7);
  }

  @Test
  void rejectsTlvValueRunningPastTheEnd() {
    byte[] frame = RawPdu.submitSmHead(8).u8(0).hex("0424 0010 414243").bytes();

    InvalidPdu invalid = decodeInvalid(frame);

    assertThat(invalid.commandStatus()).isEqualTo(CommandStatus.ESME_RINVOPTPARSTREAM.code());
    assertThat(invalid.reason()).contains("message_payload");
  }

  @Test
  void rejectsTruncatedTlvHeader() {
    byte[] frame = RawPdu.submitSmHead(9).u8(0).hex("0204 0002 0001 0424").bytes();

    assertInvalid(frame, CommandStatus.ESME_RINVOPTPARSTREAM, 9);
  }

  static Stream<Arguments> reservedTonNpi() {
    return Stream.of(
        Arguments.of(7, 1, 1, 1, CommandStatus.ESME_RINVSRCTON),
        Arguments.of(1, 2, 1, 1, CommandStatus.ESME_RINVSRCNPI),
        Arguments.of(1, 1, 9, 1, CommandStatus.ESME_RINVDSTTON),
        Arguments.of(1, 1, 1, 5, CommandStatus.ESME_RINVDSTNPI),
        Arguments.of(1, 1, 1, 0x13, CommandStatus.ESME_RINVDSTNPI));
  }

  @ParameterizedTest(name = "src {0}/{1} dst {2}/{3} -> {4}")
  @MethodSource("reservedTonNpi")
  void rejectsReservedTonAndNpi(
      int srcTon, int srcNpi, int dstTon, int dstNpi, CommandStatus expected) {
    byte[] frame =
        RawPdu.submitSmHead(1, "", srcTon, srcNpi, "86", dstTon, dstNpi, "10", "", "")
            .u8(0)
            .bytes();

    assertInvalid(frame, expected, 1);
  }

  @Test
  void rejectsReservedDestinationTonInsideSubmitMulti() {
    byte[] frame =
        RawPdu.of(0x21, 2)
            .cString("")
            .address(1, 1, "86")
            .u8(1)
            .u8(1)
            .address(8, 1, "10")
            .hex("00 00 00 00 00 00 00 00 00 00")
            .bytes();

    assertInvalid(frame, CommandStatus.ESME_RINVDSTTON, 2);
  }

  @Test
  void rejectsSubmitMultiWithoutDestinations() {
    byte[] frame =
        RawPdu.of(0x21, 3)
            .cString("")
            .address(1, 1, "86")
            .u8(0)
            .hex("00 00 00 00 00 00 00 00 00 00")
            .bytes();

    assertInvalid(frame, CommandStatus.ESME_RINVNUMDESTS, 3);
  }

  @Test
  void rejectsUnknownDestFlag() {
    byte[] frame =
        RawPdu.of(0x21, 4)
            .cString("")
            .address(1, 1, "86")
            .u8(1)
            .u8(3)
            .address(1, 1, "10")
            .hex("00 00 00 00 00 00 00 00 00 00")
            .bytes();

    assertInvalid(frame, CommandStatus.ESME_RINVDESTFLAG, 4);
  }

  static Stream<Arguments> trailingGarbage() {
    return Stream.of(
        Arguments.of("enquire_link", RawPdu.of(0x15, 1).u8(0)),
        Arguments.of("unbind_resp", RawPdu.of(0x80000006, 1).hex("0000")),
        Arguments.of("generic_nack", RawPdu.of(0x80000000, 1).u8(0)),
        Arguments.of(
            "bind_transmitter",
            RawPdu.of(0x02, 1)
                .cString("e")
                .cString("p")
                .cString("")
                .u8(0x34)
                .address(0, 0, "")
                .hex("0210000134")),
        Arguments.of("query_sm", RawPdu.of(0x03, 1).cString("M").address(1, 1, "86").u8(0)),
        Arguments.of(
            "query_sm_resp", RawPdu.of(0x80000003, 1).cString("M").cString("").hex("0200 00")),
        Arguments.of("cancel_sm_resp", RawPdu.of(0x80000008, 1).u8(0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trailingGarbage")
  void rejectsOctetsAfterABodyThatAllowsNoTlvs(String command, RawPdu pdu) {
    assertInvalid(pdu.bytes(), CommandStatus.ESME_RINVCMDLEN, 1);
  }

  @Test
  void rejectsAcceptedSubmitSmRespWithoutMessageId() {
    InvalidPdu invalid = decodeInvalid(RawPdu.of(0x80000004, 4).bytes());

    assertThat(invalid.commandStatus()).isEqualTo(RINVCMDLEN);
    assertThat(invalid.response()).as("responses are never answered").isEmpty();
  }

  @Test
  void decodesRefusedResponsesWithEmptyBodyLeniently() {
    QuerySmResp query = decodePdu(RawPdu.of(0x80000003, 5).status(0x67).bytes(), QuerySmResp.class);

    assertThat(query.commandStatus()).isEqualTo(CommandStatus.ESME_RQUERYFAIL.code());
    assertThat(query.messageId()).isEmpty();
    assertThat(query.finalDate()).isEmpty();
  }

  @Test
  void decodesRefusedSubmitSmRespThatStillCarriesAMessageId() {
    SubmitSmResp resp =
        decodePdu(RawPdu.of(0x80000004, 6).status(0x45).cString("X1").bytes(), SubmitSmResp.class);

    assertThat(resp.commandStatus()).isEqualTo(CommandStatus.ESME_RSUBMITFAIL.code());
    assertThat(resp.messageId()).isEqualTo("X1");
    assertThat(SmppPduCodec.encodeToBytes(resp))
        .isEqualTo(RawPdu.of(0x80000004, 6).status(0x45).cString("X1").bytes());
  }

  @Test
  void answersMalformedOutbindWithGenericNack() {
    InvalidPdu invalid = decodeInvalid(RawPdu.of(0x0B, 8).chars("SMSC").bytes());

    assertThat(invalid.commandStatus()).isEqualTo(CommandStatus.ESME_RINVSYSID.code());
    assertThat(invalid.response())
        .contains(new GenericNack(CommandStatus.ESME_RINVSYSID.code(), 8));
  }

  @Test
  void keepsTheSequenceNumberOfAFrameItCannotDecode() {
    InvalidPdu invalid =
        decodeInvalid(
            RawPdu.submitSmHead(0x7FFFFFFF, "", 1, 1, "86", 1, 1, "10", "", "").u8(200).bytes());

    assertThat(invalid.sequenceNumber()).isEqualTo(0x7FFFFFFF);
    assertThat(invalid.response())
        .contains(new SubmitSmResp(CommandStatus.ESME_RINVMSGLEN.code(), 0x7FFFFFFF, ""));
  }
}
