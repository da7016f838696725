package io.vasgate.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Gsm7Alphabet#decodeUnpacked} copies text whose every octet is its own char (most of
 * printable ASCII) without a table lookup. These tests check that shortcut against TS 23.038's
 * table, written out here independently of the production table, for every septet and in every
 * position: alone, after a run of plain octets (where the shortcut hands over to the table) and
 * before one.
 */
class Gsm7DecodeFastPathTest {

  /** TS 23.038 6.2.1: the basic-table septets whose character is not the char of the same code. */
  private static final Map<Integer, Character> NOT_THEIR_OWN_CHAR = notTheirOwnChar();

  private static Map<Integer, Character> notTheirOwnChar() {
    int[][] table = {
      {0x00, '@'}, {0x01, 0xA3}, {0x02, '$'}, {0x03, 0xA5}, {0x04, 0xE8}, {0x05, 0xE9},
      {0x06, 0xF9}, {0x07, 0xEC}, {0x08, 0xF2}, {0x09, 0xC7}, {0x0B, 0xD8}, {0x0C, 0xF8},
      {0x0E, 0xC5}, {0x0F, 0xE5}, {0x10, 0x394}, {0x11, '_'}, {0x12, 0x3A6}, {0x13, 0x393},
      {0x14, 0x39B}, {0x15, 0x3A9}, {0x16, 0x3A0}, {0x17, 0x3A8}, {0x18, 0x3A3}, {0x19, 0x398},
      {0x1A, 0x39E}, {0x1C, 0xC6}, {0x1D, 0xE6}, {0x1E, 0xDF}, {0x1F, 0xC9}, {0x24, 0xA4},
      {0x40, 0xA1}, {0x5B, 0xC4}, {0x5C, 0xD6}, {0x5D, 0xD1}, {0x5E, 0xDC}, {0x5F, 0xA7},
      {0x60, 0xBF}, {0x7B, 0xE4}, {0x7C, 0xF6}, {0x7D, 0xF1}, {0x7E, 0xFC}, {0x7F, 0xE0},
    };
    Map<Integer, Character> map = new HashMap<>();
    for (int[] entry : table) {
      map.put(entry[0], (char) entry[1]);
    }
    return Map.copyOf(map);
  }

  /** What a septet other than the escape means, by the independent table above. */
  private static char expected(int septet) {
    return NOT_THEIR_OWN_CHAR.getOrDefault(septet, (char) septet);
  }

  static IntStream septetsOtherThanEscape() {
    return IntStream.range(0, 0x80).filter(s -> s != Gsm7Alphabet.ESCAPE);
  }

  static IntStream septetsThatAreNotTheirOwnChar() {
    return NOT_THEIR_OWN_CHAR.keySet().stream().mapToInt(Integer::intValue).sorted();
  }

  @ParameterizedTest(name = "septet 0x{0}")
  @MethodSource("septetsOtherThanEscape")
  void decodesEverySeptetAloneAfterAndBeforePlainText(int septet) {
    char c = expected(septet);
    assertThat(decode(septet).text()).isEqualTo(String.valueOf(c));
    assertThat(decode('H', 'i', septet).text()).isEqualTo("Hi" + c);
    assertThat(decode(septet, 'H', 'i').text()).isEqualTo(c + "Hi");
    assertThat(decode('H', septet, 'i').unmappable()).isZero();
  }

  @ParameterizedTest(name = "septet 0x{0}")
  @MethodSource("septetsThatAreNotTheirOwnChar")
  void septetsThatAreNotTheirOwnCharLeaveTheShortcutMidText(int septet) {
    // A plain prefix long enough that the shortcut has scanned it before meeting the septet.
    Gsm7Alphabet.Decoded decoded = decode('K', 'T', ' ', 'T', 'Q', septet, 'o', 'k');
    assertThat(decoded.text()).isEqualTo("KT TQ" + expected(septet) + "ok");
    assertThat(decoded.text().charAt(5)).isNotEqualTo((char) septet);
    assertThat(decoded.unmappable()).isZero();
  }

  @Test
  void theTableHasExactlyTheSpecificationsPlainSeptets() {
    // Guards the independent table above: 42 septets differ, the escape has no char, so 85 of
    // the 128 are their own char (LF, CR, space to '#', '%' to '?', 'A' to 'Z', 'a' to 'z').
    assertThat(NOT_THEIR_OWN_CHAR).hasSize(42);
    assertThat(septetsOtherThanEscape().filter(s -> expected(s) == s).count()).isEqualTo(85);
  }

  @Test
  void plainTextDecodesToTheSameCharsWithNothingUnmappable() {
    Gsm7Alphabet.Decoded decoded =
        Gsm7Alphabet.decodeUnpacked(Gsm7Alphabet.encodeUnpacked("KT TQ 1,3 ok? (yes) #9 \r\n"));
    assertThat(decoded.text()).isEqualTo("KT TQ 1,3 ok? (yes) #9 \r\n");
    assertThat(decoded.unmappable()).isZero();
  }

  @Test
  void escapeAfterPlainTextSelectsTheExtensionTable() {
    assertThat(Gsm7Alphabet.decodeUnpacked(Hex.bytes("41 42 1B 65 43")).text())
        .isEqualTo("AB\u20ACC");
  }

  @ParameterizedTest(name = "octet {0}")
  @CsvSource({"80", "9B", "C1", "FF"})
  void octetsAboveSeventyFAfterPlainTextAreUnmappable(String octet) {
    Gsm7Alphabet.Decoded decoded = Gsm7Alphabet.decodeUnpacked(Hex.bytes("41 42 " + octet + " 43"));
    assertThat(decoded.text()).isEqualTo("AB" + Gsm7Alphabet.REPLACEMENT + "C");
    assertThat(decoded.unmappable()).isEqualTo(1);
  }

  @Test
  void aFinalEscapeAfterPlainTextIsUnmappable() {
    Gsm7Alphabet.Decoded decoded = Gsm7Alphabet.decodeUnpacked(Hex.bytes("41 42 1B"));
    assertThat(decoded.text()).isEqualTo("AB" + Gsm7Alphabet.REPLACEMENT);
    assertThat(decoded.unmappable()).isEqualTo(1);
  }

  @Test
  void decodesOnlyTheRangeAskedFor() {
    byte[] septets = Hex.bytes("00 48 69 21 00");
    assertThat(Gsm7Alphabet.decodeUnpacked(septets, 1, 3).text()).isEqualTo("Hi!");
    assertThat(Gsm7Alphabet.decodeUnpacked(septets, 0, 3).text()).isEqualTo("@Hi");
    assertThat(Gsm7Alphabet.decodeUnpacked(septets, 2, 0).text()).isEmpty();
    assertThat(Gsm7Alphabet.decodeUnpacked(new byte[0]).text()).isEmpty();
  }

  private static Gsm7Alphabet.Decoded decode(int... septets) {
    byte[] bytes = new byte[septets.length];
    for (int i = 0; i < septets.length; i++) {
      bytes[i] = (byte) septets[i];
    }
    return Gsm7Alphabet.decodeUnpacked(bytes);
  }
}
