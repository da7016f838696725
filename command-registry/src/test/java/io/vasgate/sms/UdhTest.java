package io.vasgate.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.sms.InvalidUdhException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UdhTest {

  @Test
  void parsesEightBitConcatenation() throws Exception {
    Udh udh = Udh.parse(Hex.bytes("05 00 03 A7 03 02  4F60 597D"));
    assertThat(udh.headerOctets()).isEqualTo(6);
    assertThat(udh.concatenation()).contains(new Concatenation(0xA7, 3, 2, false));
    assertThat(udh.ports()).isEmpty();
    assertThat(udh.payload()).isEqualTo(Hex.bytes("4F60597D"));
    assertThat(udh.elements()).containsExactly(new InformationElement(0x00, Hex.bytes("A70302")));
  }

  @Test
  void parsesSixteenBitConcatenation() throws Exception {
    Udh udh = Udh.parse(Hex.bytes("06 08 04 12 34 02 01  48 69"));
    assertThat(udh.headerOctets()).isEqualTo(7);
    assertThat(udh.concatenation()).contains(new Concatenation(0x1234, 2, 1, true));
    assertThat(udh.payload()).isEqualTo(Hex.bytes("4869"));
  }

  @Test
  void parsesPortsNextToConcatenationAndKeepsUnknownElements() throws Exception {
    // WAP push: 16-bit ports 2948 <- 9200, 8-bit concatenation, then an unknown IE 0x24 (national
    // language)
    Udh udh = Udh.parse(Hex.bytes("0E 05 04 0B 84 23 F0 00 03 01 02 01 24 01 0D  AA BB"));
    assertThat(udh.ports()).contains(new PortAddressing(0x0B84, 0x23F0, true));
    assertThat(udh.concatenation()).contains(new Concatenation(1, 2, 1, false));
    assertThat(udh.elements())
        .extracting(InformationElement::identifier)
        .containsExactly(0x05, 0x00, 0x24);
    assertThat(udh.payload()).isEqualTo(Hex.bytes("AABB"));
  }

  @Test
  void parsesEightBitPorts() throws Exception {
    assertThat(Udh.parse(Hex.bytes("04 04 02 F5 00")).ports())
        .contains(new PortAddressing(0xF5, 0, false));
  }

  @Test
  void emptyHeaderLeavesEverythingAfterUdhlAsPayload() throws Exception {
    Udh udh = Udh.parse(Hex.bytes("00 41 42"));
    assertThat(udh.elements()).isEmpty();
    assertThat(udh.concatenation()).isEmpty();
    assertThat(udh.payload()).isEqualTo(Hex.bytes("4142"));
  }

  @Test
  void headerWithoutPayloadIsValid() throws Exception {
    assertThat(Udh.parse(Hex.bytes("05 00 03 01 02 02")).payload()).isEmpty();
  }

  @Test
  void lastRepeatedConcatenationWins() throws Exception {
    Udh udh = Udh.parse(Hex.bytes("0A 00 03 01 02 01 00 03 09 03 03"));
    assertThat(udh.concatenation()).contains(new Concatenation(9, 3, 3, false));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "MISSING_HEADER, ''",
    "HEADER_PAST_END, 05 00 03 01 02",
    "HEADER_PAST_END, FF 00 03 01 02 01",
    "ELEMENT_PAST_HEADER, 01 00",
    "ELEMENT_PAST_HEADER, 05 00 04 01 02 01 41",
    "ELEMENT_PAST_HEADER, 06 00 03 01 02 01 24 41",
    "BAD_ELEMENT_LENGTH, 04 00 02 01 02",
    "BAD_ELEMENT_LENGTH, 06 08 03 01 02 01 00",
    "BAD_ELEMENT_LENGTH, 05 04 03 01 02 03",
    "BAD_ELEMENT_LENGTH, 05 05 03 01 02 03",
    "TOTAL_ZERO, 05 00 03 01 00 01",
    "TOTAL_ZERO, 06 08 04 00 01 00 00",
    "SEQUENCE_ZERO, 05 00 03 01 02 00",
    "SEQUENCE_PAST_TOTAL, 05 00 03 01 02 03",
    "SEQUENCE_PAST_TOTAL, 06 08 04 00 01 02 FF",
  })
  void rejectsMalformedHeaders(Reason reason, String hex) {
    assertThatThrownBy(() -> Udh.parse(Hex.bytes(hex)))
        .isInstanceOfSatisfying(
            InvalidUdhException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.commandStatus()).isEqualTo(reason.commandStatus());
            });
  }

  @Test
  void lengthFaultsAnswerInvalidMessageLength() {
    assertThat(Reason.HEADER_PAST_END.commandStatus()).isEqualTo(0x01);
    assertThat(Reason.ELEMENT_PAST_HEADER.commandStatus()).isEqualTo(0x01);
    assertThat(Reason.MISSING_HEADER.commandStatus()).isEqualTo(0x43);
  }

  @Test
  void udhiBitIsReadFromEsmClass() {
    assertThat(Udh.isPresent(0x40)).isTrue();
    assertThat(Udh.isPresent(0x43)).isTrue();
    assertThat(Udh.isPresent(0x04)).isFalse();
  }

  @Test
  void concatenationWritesTheHeaderItIsParsedFrom() throws Exception {
    Concatenation eight = new Concatenation(0xA7, 3, 2, false);
    Concatenation sixteen = new Concatenation(0xBEEF, 255, 255, true);
    assertThat(Hex.of(eight.toHeader())).isEqualTo("050003A70302");
    assertThat(Hex.of(sixteen.toHeader())).isEqualTo("060804BEEFFFFF");
    assertThat(Udh.parse(eight.toHeader()).concatenation()).contains(eight);
    assertThat(Udh.parse(sixteen.toHeader()).concatenation()).contains(sixteen);
    assertThatThrownBy(() -> new Concatenation(256, 2, 1, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
