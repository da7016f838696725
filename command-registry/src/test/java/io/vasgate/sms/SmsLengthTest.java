package io.vasgate.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsLengthTest {

  @Test
  void emptyTextIsOneSegment() {
    assertThat(SmsLength.segments("")).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} x ''{1}'' -> {2}")
  @CsvSource({
    "160, a, 1",
    "161, a, 2",
    "306, a, 2",
    "307, a, 3",
    "80, €, 1",
    "81, €, 2",
    "70, 中, 1",
    "71, 中, 2",
    "134, 中, 2",
    "135, 中, 3",
  })
  void countsSegmentsAtTheLimits(int repeat, String unit, int expected) {
    assertThat(SmsLength.segments(unit.repeat(repeat))).isEqualTo(expected);
  }

  @Test
  void chineseTextOf150CharsNeedsThreeSegments() {
    assertThat(SmsLength.segments("天".repeat(150))).isEqualTo(3);
  }

  @Test
  void extensionCharacterThatWouldStraddleTheBoundaryMovesToTheNextPart() {
    // 152 septets then '€' (2 septets) cannot share a 153-septet part; 306 septets then need 3
    // parts.
    String text = "a".repeat(152) + "€" + "a".repeat(152);
    assertThat(Gsm7Alphabet.septetCount(text)).isEqualTo(306);
    assertThat(SmsLength.segments(text)).isEqualTo(3);
  }

  @Test
  void surrogatePairAtThePartBoundaryIsNotSplit() {
    // 66 units + an emoji (2 units) = 68 per 67-unit part unless the pair moves; 134 units -> 3
    // parts.
    String text = "中".repeat(66) + "😀" + "中".repeat(66);
    assertThat(text.length()).isEqualTo(134);
    assertThat(SmsLength.segments(text)).isEqualTo(3);
    assertThat(SmsLength.segments("中".repeat(67) + "中".repeat(67))).isEqualTo(2);
  }

  @Test
  void oneNonGsmCharacterSwitchesTheWholeTextToUcs2() {
    assertThat(SmsLength.segments("a".repeat(69) + "`")).isEqualTo(1);
    assertThat(SmsLength.segments("a".repeat(70) + "`")).isEqualTo(2);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> SmsLength.segments(null)).isInstanceOf(NullPointerException.class);
  }
}
