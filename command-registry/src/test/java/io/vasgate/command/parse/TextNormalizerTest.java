package io.vasgate.command.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class TextNormalizerTest {

  /**
   * Pieces of real MO text, including what NFKC keeps ({@code 。}, {@code 、}) and what needs
   * recomposition.
   */
  static final List<String> FRAGMENTS =
      List.of(
          "KT",
          "kt",
          "ＫＴ",
          "TQ",
          "ｔｑ",
          "退订",
          "开通",
          "天气",
          "是",
          "Y",
          "?",
          "？",
          "0000",
          "０",
          "1",
          "3",
          " ",
          "\u3000",
          "\u00a0",
          "\t",
          "\n",
          "。",
          "、",
          "，",
          ",",
          ".",
          "!",
          "“",
          "”",
          "【",
          "】",
          "'",
          "-",
          "😀",
          "👍\uFE0F",
          "\u200d",
          "\uFE0F",
          "e",
          "\u0301",
          "W",
          "\u030A",
          "ß",
          "ẞ",
          "Σ",
          "ς",
          "İ",
          "ﬁ",
          "Ⅻ",
          "㍿",
          "ᴬ",
          "\u00a8",
          "\ud800",
          "\udc00",
          "\u0000",
          "\u212a",
          "Å",
          "Ω");

  @Provide
  Arbitrary<String> moText() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(12).map(parts -> String.join("", parts));
  }

  @Property
  void isIdempotentOnCommandLikeText(@ForAll("moText") String text) {
    String once = TextNormalizer.normalize(text);
    assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
  }

  @Property
  void isIdempotentOnArbitraryUnicode(
      @ForAll @StringLength(max = 40) @CharRange(from = 0, to = 0xFFFF) String text) {
    String once = TextNormalizer.normalize(text);
    assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
  }

  @Property
  void asciiFastPathAgreesWithTheGeneralPath(
      @ForAll @StringLength(max = 40) @CharRange(from = 0, to = 0x7F) String text) {
    assertThat(TextNormalizer.normalizeAscii(text))
        .isEqualTo(TextNormalizer.normalizeUnicode(text));
  }

  @Property
  void leavesNoUpperCaseNoPunctuationAndSingleInnerSpaces(@ForAll("moText") String text) {
    String normalized = TextNormalizer.normalize(text);
    assertThat(normalized).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
    assertThat(normalized).doesNotContain("。", "、", "，", ",", "\u3000", "\t");
    assertThat(normalized.chars().noneMatch(c -> c >= 'A' && c <= 'Z')).isTrue();
  }

  @Example
  void foldingIsIdempotentAndNeverProducesASeparatorForAnyCodePoint() {
    // The general path relies on this to stop as soon as its output is NFKC-normalised.
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (!TextNormalizer.isSeparator(cp)) {
        int folded = TextNormalizer.fold(cp);
        assertThat(TextNormalizer.fold(folded)).as("U+%04X", cp).isEqualTo(folded);
        assertThat(TextNormalizer.isSeparator(folded)).as("U+%04X", cp).isFalse();
      }
    }
  }

  @Example
  void foldsFullWidthAndIdeographicSpace() {
    assertThat(TextNormalizer.normalize("ＫＴ　ＴＱ。")).isEqualTo("kt tq");
    assertThat(TextNormalizer.normalize("１，３")).isEqualTo("1 3");
  }

  @Example
  void keepsTheQuestionMarkThatAsksForHelp() {
    assertThat(TextNormalizer.normalize("？")).isEqualTo("?");
    assertThat(TextNormalizer.normalize(" ? ")).isEqualTo("?");
  }

  @Example
  void separatorsKeepAccentsApartWhileFoldingMayLetThemCompose() {
    // 。 becomes a space, which keeps the accent from composing with the e, on this pass and every
    // later one.
    assertThat(TextNormalizer.normalize("e。\u0301")).isEqualTo("e \u0301");
    // folding W to w makes w + ring composable (only the small ẘ exists), so NFKC runs again.
    assertThat(TextNormalizer.normalize("W\u030A")).isEqualTo("\u1E98");
  }

  @Example
  void keyDropsSpaces() {
    assertThat(TextNormalizer.key("K T  T Q")).isEqualTo("kttq");
    assertThat(TextNormalizer.key("天 气")).isEqualTo("天气");
    assertThat(TextNormalizer.key(null)).isEmpty();
  }
}
