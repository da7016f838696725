package io.vasgate.command.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class LanguageTest {

  @Example
  void rendersYuanExactlyFromFen() {
    assertThat(Language.ZH.yuan(200)).isEqualTo("2元");
    assertThat(Language.ZH.yuan(50)).isEqualTo("0.5元");
    assertThat(Language.ZH.yuan(5)).isEqualTo("0.05元");
    assertThat(Language.ZH.yuan(0)).isEqualTo("0元");
    assertThat(Language.ZH.yuan(12345)).isEqualTo("123.45元");
    assertThat(Language.EN.yuan(200)).isEqualTo("2 yuan");
    assertThatThrownBy(() -> Language.ZH.yuan(-1)).hasMessageContaining("-1");
  }

  @Property
  void yuanReadsBackAsTheSameFen(@ForAll @LongRange(max = Long.MAX_VALUE / 100) long fen) {
    String amount = Language.amount(fen);
    assertThat(new BigDecimal(amount).movePointRight(2).longValueExact()).isEqualTo(fen);
    assertThat(amount).doesNotEndWith(".").doesNotContain("E");
  }

  @Example
  void rendersPricesWithTheirUnit() {
    assertThat(Language.ZH.price(200, PriceUnit.PER_MONTH)).isEqualTo("2元/月");
    assertThat(Language.ZH.price(50, PriceUnit.PER_USE)).isEqualTo("0.5元/次");
    assertThat(Language.ZH.price(300, PriceUnit.PLAIN)).isEqualTo("3元");
    assertThat(Language.ZH.price(0, PriceUnit.PER_MONTH)).isEqualTo("免费");
    assertThat(Language.EN.price(50, PriceUnit.PER_USE)).isEqualTo("0.5 yuan per use");
    assertThat(Language.EN.price(0, PriceUnit.PLAIN)).isEqualTo("free");
  }

  @Example
  void rendersWindowsInTheLargestExactUnit() {
    assertThat(Language.ZH.window(Duration.ofHours(24))).isEqualTo("24小时");
    assertThat(Language.EN.window(Duration.ofHours(24))).isEqualTo("24 hours");
    assertThat(Language.EN.window(Duration.ofHours(1))).isEqualTo("1 hour");
    assertThat(Language.ZH.window(Duration.ofMinutes(30))).isEqualTo("30分钟");
    assertThat(Language.EN.window(Duration.ofSeconds(90))).isEqualTo("90 seconds");
    assertThatThrownBy(() -> Language.ZH.window(Duration.ZERO)).hasMessageContaining("positive");
    assertThatThrownBy(() -> Language.ZH.window(Duration.ofMillis(1500)))
        .hasMessageContaining("whole");
  }

  @Example
  void findsLanguagesByTag() {
    assertThat(Language.fromTag("zh")).contains(Language.ZH);
    assertThat(Language.fromTag("zh-CN")).contains(Language.ZH);
    assertThat(Language.fromTag("EN_us")).contains(Language.EN);
    assertThat(Language.fromTag("fr")).isEmpty();
    assertThat(Language.fromTag(null)).isEmpty();
    assertThat(Language.DEFAULT).isEqualTo(Language.ZH);
  }
}
