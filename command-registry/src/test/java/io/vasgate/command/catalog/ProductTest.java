package io.vasgate.command.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.command.reply.Language;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProductTest {

  private static Product.Builder tq() {
    return Product.builder("TQ")
        .names("天气", "Weather")
        .partner("901234")
        .offeredOn("10658880", "02")
        .monthly(200);
  }

  @Test
  void sampleProductsCarryTheSpecifiedTerms() {
    Product tq = SampleCatalog.catalog().product("TQ").orElseThrow();
    Product wz = SampleCatalog.catalog().product("WZ").orElseThrow();
    Product xw = SampleCatalog.catalog().product("XW").orElseThrow();
    Product jk = SampleCatalog.catalog().product("JK").orElseThrow();

    assertThat(tq.chargeType()).isEqualTo(ChargeType.MONTHLY);
    assertThat(tq.priceFen()).isEqualTo(200);
    assertThat(tq.confirmation()).isEqualTo(ConfirmationPolicy.within(Duration.ofHours(24)));
    assertThat(wz.trialDays()).isEqualTo(7);
    assertThat(wz.confirmation().required()).isFalse();
    assertThat(xw.chargeType()).isEqualTo(ChargeType.PER_USE);
    assertThat(xw.priceFen()).isEqualTo(50);
    assertThat(jk.chargeType()).isEqualTo(ChargeType.FREE);
  }

  @Test
  void rejectsNegativePrice() {
    assertThatThrownBy(() -> tq().monthly(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TQ")
        .hasMessageContaining("-1");
  }

  @Test
  void rejectsPriceThatContradictsTheChargeType() {
    assertThatThrownBy(() -> tq().monthly(0).build()).hasMessageContaining("MONTHLY");
    assertThatThrownBy(() -> priced(tq().build(), ChargeType.FREE, 100))
        .hasMessageContaining("FREE");
  }

  /**
   * {@code p} with another charge type and price, past the builder, which sets them consistently.
   */
  private static Product priced(Product p, ChargeType chargeType, long fen) {
    return new Product(
        p.code(),
        p.numericCode(),
        p.nameZh(),
        p.nameEn(),
        p.aliases(),
        p.partnerCode(),
        p.servicePort(),
        p.extension(),
        chargeType,
        fen,
        p.trialDays(),
        p.firstMonthPolicy(),
        p.revenueShare(),
        p.confirmation(),
        p.status(),
        p.suspendedReply());
  }

  @Test
  void rejectsMalformedCodes() {
    assertThatThrownBy(() -> tq().code("tq").build()).hasMessageContaining("'tq'");
    assertThatThrownBy(() -> tq().code("1TQ").build()).hasMessageContaining("'1TQ'");
    assertThatThrownBy(() -> tq().code("TOOLONGCODE").build())
        .hasMessageContaining("'TOOLONGCODE'");
    assertThatThrownBy(() -> tq().numericCode("10a").build()).hasMessageContaining("'10a'");
    assertThatThrownBy(() -> tq().offeredOn("10658880", "0x").build()).hasMessageContaining("'0x'");
  }

  @Test
  void rejectsTrialsOutsideMonthlyProducts() {
    assertThatThrownBy(() -> tq().perUse(50).trialDays(7).build())
        .hasMessageContaining("only monthly");
    assertThatThrownBy(() -> tq().trialDays(Product.MAX_TRIAL_DAYS + 1).build())
        .hasMessageContaining("trial days");
  }

  @Test
  void namesInEnglishFallBackToChinese() {
    assertThat(tq().build().name(Language.EN)).isEqualTo("Weather");
    assertThat(tq().names("天气", "").build().name(Language.EN)).isEqualTo("天气");
    assertThat(tq().build().name(Language.ZH)).isEqualTo("天气");
  }

  @Test
  void listsEveryReference() {
    assertThat(tq().numericCode("1002").aliases("天气预报").build().references())
        .containsExactly("TQ", "1002", "天气", "Weather", "天气预报");
  }

  @Test
  void confirmationWindowMustBePositiveAndOnlyWhenRequired() {
    assertThatThrownBy(() -> ConfirmationPolicy.within(Duration.ZERO)).hasMessageContaining("PT0S");
    assertThatThrownBy(() -> ConfirmationPolicy.within(Duration.ofDays(8)))
        .hasMessageContaining("PT192H");
    assertThatThrownBy(() -> new ConfirmationPolicy(false, Duration.ofHours(1)))
        .hasMessageContaining("required");
  }
}
