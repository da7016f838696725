package io.vasgate.command.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.catalog.SampleCatalog;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class CommandParserPropertiesTest {

  private static final Catalog CATALOG = SampleCatalog.catalog();

  private final CommandParser parser = new CommandParser();

  @Provide
  Arbitrary<String> destinations() {
    return Arbitraries.oneOf(
        Arbitraries.of("10658880", "1065888002", "1065888009", "106588800271", "1065888", "", "x"),
        Arbitraries.strings().numeric().ofMaxLength(24).map(s -> "10658880" + s),
        Arbitraries.strings().ofMaxLength(24));
  }

  @Provide
  Arbitrary<String> commandLike() {
    List<String> pieces =
        List.of(
            "KT", "ＫＴ", "kt", "TD", "退订", "开通", "订", "QX", "CX", "0000", "00000", "是", "Y", "yes",
            "?", "TQ", "tq", "天气", "天汽", "SHBB", "1002", "XX", "1", "3", "，", "、", "。", " ",
            "\u3000", "😀", "\uFE0F", "\ud83d", "a");
    return Arbitraries.of(pieces).list().ofMaxSize(8).map(parts -> String.join("", parts));
  }

  @Property
  void neverThrowsOnArbitraryUnicode(
      @ForAll @StringLength(max = 120) @CharRange(from = 0, to = 0xFFFF) String text,
      @ForAll("destinations") String destination) {
    ParseResult result = parser.parse(text, destination, CATALOG);
    assertThat(result.normalizedText()).isEqualTo(TextNormalizer.normalize(text));
  }

  @Property
  void neverThrowsOnCommandLikeText(
      @ForAll("commandLike") String text, @ForAll("destinations") String destination) {
    assertThat(parser.parse(text, destination, CATALOG)).isNotNull();
  }

  @Property
  void readsTextAndItsNormalFormAlike(@ForAll("commandLike") String text) {
    String normalized = TextNormalizer.normalize(text);
    assertThat(parser.parse(normalized, "1065888002", CATALOG))
        .isEqualTo(parser.parse(text, "1065888002", CATALOG));
  }

  @Property
  void readsFullWidthAsciiLikeAscii(
      @ForAll @StringLength(max = 20) @CharRange(from = '!', to = '~') String ascii) {
    StringBuilder fullWidth = new StringBuilder();
    ascii.chars().forEach(c -> fullWidth.append((char) (c - '!' + '！')));
    assertThat(parser.parse(fullWidth.toString(), "1065888002", CATALOG))
        .isEqualTo(parser.parse(ascii, "1065888002", CATALOG));
  }

  @Property
  void neverActsOnAnythingButAnExactCommand(@ForAll("commandLike") String text) {
    ParseResult result = parser.parse(text, "1065888002", CATALOG);
    if (result instanceof Parsed parsed
        && parsed.product().isPresent()
        && !parsed.productImplied()) {
      String key = TextNormalizer.key(text);
      assertThat(parsed.product().get().references().stream().map(TextNormalizer::key))
          .anyMatch(key::endsWith);
    }
  }
}
