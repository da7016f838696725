package io.vasgate.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gsm7AlphabetTest {

  @ParameterizedTest(name = "U+{0} -> {1}")
  @CsvSource({
    "0040, 00", // @
    "00A3, 01", // £
    "0024, 02", // $
    "000A, 0A",
    "0394, 10", // Δ
    "005F, 11", // _
    "00A4, 24", // ¤
    "00A1, 40", // ¡
    "0041, 41",
    "00A7, 5F", // §
    "00BF, 60", // ¿
    "00E0, 7F", // à
    "20AC, 1B65", // €
    "005E, 1B14", // ^
    "007B, 1B28", // {
    "007D, 1B29", // }
    "005C, 1B2F", // backslash
    "005B, 1B3C", // [
    "007E, 1B3D", // ~
    "005D, 1B3E", // ]
    "007C, 1B40", // |
    "000C, 1B0A", // form feed
  })
  void encodesBasicAndExtensionCharacters(String codePoint, String septetsHex) {
    String text = Character.toString(Integer.parseInt(codePoint, 16));
    byte[] septets = Gsm7Alphabet.encodeUnpacked(text);
    assertThat(Hex.of(septets)).isEqualTo(septetsHex);
    assertThat(Gsm7Alphabet.septetCount(text)).isEqualTo(septets.length);
    assertThat(Gsm7Alphabet.decodeUnpacked(septets)).isEqualTo(new Gsm7Alphabet.Decoded(text, 0));
  }

  @Test
  void countsExtensionCharactersAsTwoSeptets() {
    assertThat(Gsm7Alphabet.septetCount("Price [EUR]: 5€ {ok}")).isEqualTo(20 + 5);
  }

  @Test
  void rejectsCharactersOutsideTheAlphabet() {
    assertThat(Gsm7Alphabet.canEncode("hello")).isTrue();
    assertThat(Gsm7Alphabet.canEncode("hello `")).isFalse();
    assertThat(Gsm7Alphabet.canEncode("你好")).isFalse();
    assertThat(Gsm7Alphabet.canEncode("\u001B")).isFalse();
    assertThatThrownBy(() -> Gsm7Alphabet.septetCount("ab\tc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 2");
  }

  @Test
  void packsTheClassicHelloHelloVector() {
    // TS 23.038 examples and every SMS PDU tool agree on this packing.
    assertThat(Hex.of(Gsm7Alphabet.encodePacked("hellohello"))).isEqualTo("E8329BFD4697D9EC37");
    assertThat(Gsm7Alphabet.decodePacked(Hex.bytes("E8329BFD4697D9EC37"), 0).text())
        .isEqualTo("hellohello");
  }

  @Test
  void padsSevenSpareBitsWithCarriageReturnAndDropsItOnDecode() {
    byte[] packed = Gsm7Alphabet.encodePacked("1234567");
    assertThat(packed).hasSize(7);
    // the top seven bits of the last octet are CR (0x0D), not zeros that would read as '@'
    assertThat((packed[6] & 0xFF) >>> 1).isEqualTo(0x0D);
    assertThat(Gsm7Alphabet.decodePacked(packed, 0).text()).isEqualTo("1234567");
    assertThat(Gsm7Alphabet.unpack(packed, 0, 8)[7]).isEqualTo((byte) 0x0D);
  }

  @Test
  void packsAfterFillBitsSoTheFirstSeptetStartsOnASeptetBoundary() {
    byte[] packed = Gsm7Alphabet.pack(Gsm7Alphabet.encodeUnpacked("Hi"), 1);
    // 'H' = 0x48 shifted left by one fill bit, then 'i' = 0x69 from bit 8 of the second octet
    assertThat(Hex.of(packed)).isEqualTo("9069");
    assertThat(Gsm7Alphabet.decodePacked(packed, 1).text()).isEqualTo("Hi");
    assertThatThrownBy(() -> Gsm7Alphabet.pack(new byte[1], 7))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unpackRefusesMoreSeptetsThanTheOctetsHold() {
    assertThatThrownBy(() -> Gsm7Alphabet.unpack(new byte[7], 0, 9))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Gsm7Alphabet.unpack(new byte[7], 0, 8)).hasSize(8);
  }

  @Test
  void decodesUndefinedSeptetsToReplacementAndCountsThem() {
    Gsm7Alphabet.Decoded decoded = Gsm7Alphabet.decodeUnpacked(Hex.bytes("41 80 1B 41 42 FF 1B"));
    // 0x80 and 0xFF are not septets, ESC 'A' is undefined in the extension table, a final ESC has
    // no partner
    assertThat(decoded.text()).isEqualTo("A\uFFFD\uFFFDB\uFFFD\uFFFD");
    assertThat(decoded.unmappable()).isEqualTo(4);
  }

  @Test
  void decodesARangeOfAnArray() {
    assertThat(Gsm7Alphabet.decodeUnpacked(Hex.bytes("00 48 69 00"), 1, 2).text()).isEqualTo("Hi");
  }
}
