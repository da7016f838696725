package io.vasgate.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.sms.DataCoding.Alphabet;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataCodingTest {

  @ParameterizedTest(name = "0x{0} -> {1} / {2}")
  @CsvSource({
    "00, SMSC_DEFAULT, LINK_DEFAULT",
    "01, IA5, ASCII",
    "02, OCTET_UNSPECIFIED_02, BINARY",
    "03, LATIN_1, LATIN_1",
    "04, OCTET_UNSPECIFIED_04, BINARY",
    "08, UCS2, UCS2",
    "0F, VENDOR_GBK, GBK",
    "F0, GSM_CLASS_0, GSM7",
    "F3, GSM_CLASS_3, GSM7",
    "F4, OCTET_CLASS_0, BINARY",
    "F7, OCTET_CLASS_3, BINARY",
  })
  void mapsEachHandledCodeToItsAlphabet(String hex, DataCoding expected, Alphabet alphabet) {
    int code = Integer.parseInt(hex, 16);
    assertThat(DataCoding.fromCode(code)).contains(expected);
    assertThat(expected.code()).isEqualTo(code);
    assertThat(expected.alphabet()).isEqualTo(alphabet);
    assertThat(expected.isText()).isEqualTo(alphabet != Alphabet.BINARY);
  }

  @Test
  void unknownCodesAreNotHandled() {
    assertThat(DataCoding.fromCode(0x05)).isEmpty();
    assertThat(DataCoding.fromCode(0xF8)).isEmpty();
    assertThat(DataCoding.fromCode(-1)).isEmpty();
    assertThat(DataCoding.fromCode(0x108)).isEmpty();
  }

  @Test
  void messageClassComesFromTheLowBitsOfTheClassGroup() {
    assertThat(DataCoding.GSM_CLASS_0.messageClass()).isEqualTo(OptionalInt.of(0));
    assertThat(DataCoding.GSM_CLASS_2.messageClass()).isEqualTo(OptionalInt.of(2));
    assertThat(DataCoding.OCTET_CLASS_3.messageClass()).isEqualTo(OptionalInt.of(3));
    assertThat(DataCoding.UCS2.messageClass()).isEmpty();
  }
}
