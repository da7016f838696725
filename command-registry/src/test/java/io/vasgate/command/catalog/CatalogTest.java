package io.vasgate.command.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.command.shortcode.CommandWords;
import io.vasgate.command.shortcode.ExtensionRoute;
import io.vasgate.command.shortcode.ServiceNumber;
import io.vasgate.command.shortcode.ShortCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

  private static final String PORT = SampleCatalog.PORT;

  private static Product.Builder product(String code, String name) {
    return Product.builder(code).names(name, "").partner("901234").offeredOn(PORT, "").monthly(100);
  }

  private static Catalog sampleWith(Product extra) {
    List<Product> products = new ArrayList<>(SampleCatalog.products());
    products.add(extra);
    return new Catalog(products, List.of(SampleCatalog.serviceNumber()));
  }

  @Test
  void sampleCatalogIndexesEveryReferenceOnItsNumber() {
    Catalog catalog = SampleCatalog.catalog();

    assertThat(catalog.find(PORT, "ｔｑ")).map(Product::code).contains("TQ");
    assertThat(catalog.find(PORT, "天 气")).map(Product::code).contains("TQ");
    assertThat(catalog.find(PORT, "天气预报")).map(Product::code).contains("TQ");
    assertThat(catalog.find(PORT, "1003")).map(Product::code).contains("WZ");
    assertThat(catalog.find(PORT, "news on demand")).map(Product::code).contains("XW");
    assertThat(catalog.find("10659999", "TQ")).isEmpty();
    assertThat(catalog.product("shbb")).map(Product::nameZh).contains("生活播报");
    assertThat(catalog.productByNumericCode("1005")).map(Product::code).contains("JK");
    assertThat(catalog.offeredOn(PORT))
        .extracting(Product::code)
        .containsExactly("SHBB", "TQ", "WZ", "XW", "JK");
  }

  @Test
  void productExtensionsBecomeRoutesOfTheirNumber() {
    Catalog catalog = SampleCatalog.catalog();

    assertThat(catalog.serviceNumbers().get(0).routes())
        .containsExactly(
            new ExtensionRoute.ToProduct("01", "SHBB"),
            new ExtensionRoute.ToProduct("02", "TQ"),
            new ExtensionRoute.ToProduct("03", "WZ"),
            new ExtensionRoute.ToProduct("04", "XW"),
            new ExtensionRoute.ToProduct("05", "JK"));
    ShortCode shortCode = catalog.resolve("1065888004").orElseThrow();
    assertThat(catalog.routedProduct(shortCode)).map(Product::code).contains("XW");
  }

  @Test
  void rebuildingFromItsOwnNumbersGivesTheSameRoutes() {
    Catalog catalog = SampleCatalog.catalog();
    Catalog again = new Catalog(catalog.products(), catalog.serviceNumbers());

    assertThat(again.serviceNumbers()).isEqualTo(catalog.serviceNumbers());
  }

  @Test
  void rejectsTwoProductsWithOneAliasOnANumberNamingBoth() {
    Product clash = product("TQX", "天气二").aliases("天气预报").build();

    assertThatThrownBy(() -> sampleWith(clash))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TQ 天气")
        .hasMessageContaining("TQX 天气二")
        .hasMessageContaining("天气预报");
  }

  @Test
  void rejectsAReferenceThatDiffersOnlyInWidthOrCase() {
    Product clash = product("TQX", "ＴＱ").build();

    assertThatThrownBy(() -> sampleWith(clash))
        .hasMessageContaining("TQ 天气")
        .hasMessageContaining("TQX ＴＱ");
  }

  @Test
  void allowsTheSameAliasOnDifferentNumbers() {
    Product elsewhere = product("TQ2", "天气").offeredOn("10659999", "").build();
    List<Product> products = new ArrayList<>(SampleCatalog.products());
    products.add(elsewhere);

    Catalog catalog =
        new Catalog(products, List.of(SampleCatalog.serviceNumber(), ServiceNumber.of("10659999")));

    assertThat(catalog.find("10659999", "天气")).map(Product::code).contains("TQ2");
    assertThat(catalog.find(PORT, "天气")).map(Product::code).contains("TQ");
  }

  @Test
  void rejectsDuplicateCodeAndNumericCode() {
    assertThatThrownBy(() -> sampleWith(product("TQ", "别的").offeredOn("10658880", "").build()))
        .hasMessageContaining("both claim code TQ");
    assertThatThrownBy(() -> sampleWith(product("ZZ", "别的").numericCode("1002").build()))
        .hasMessageContaining("TQ 天气")
        .hasMessageContaining("ZZ 别的")
        .hasMessageContaining("1002");
  }

  @Test
  void rejectsTwoProductsOnOneExtensionNamingBoth() {
    Product clash = product("ZZ", "别的").offeredOn(PORT, "02").build();

    assertThatThrownBy(() -> sampleWith(clash))
        .hasMessageContaining("ZZ 别的")
        .hasMessageContaining("TQ 天气")
        .hasMessageContaining("extension 02");
  }

  @Test
  void rejectsAProductExtensionThatTheNumberRoutesElsewhere() {
    ServiceNumber number =
        SampleCatalog.serviceNumber()
            .withRoutes(List.of(new ExtensionRoute.ToCampaign("02", "SPRING")));

    assertThatThrownBy(() -> new Catalog(SampleCatalog.products(), List.of(number)))
        .hasMessageContaining("TQ 天气")
        .hasMessageContaining("campaign SPRING");
  }

  @Test
  void rejectsARouteToAProductNotOnTheNumber() {
    ServiceNumber number =
        SampleCatalog.serviceNumber()
            .withRoutes(List.of(new ExtensionRoute.ToProduct("77", "NOPE")));

    assertThatThrownBy(() -> new Catalog(SampleCatalog.products(), List.of(number)))
        .hasMessageContaining("77 -> product NOPE");
  }

  @Test
  void rejectsAProductOnAnUnknownNumber() {
    assertThatThrownBy(() -> sampleWith(product("ZZ", "别的").offeredOn("10650000", "").build()))
        .hasMessageContaining("ZZ 别的")
        .hasMessageContaining("10650000");
  }

  @Test
  void rejectsAReferenceThatIsACommandWord() {
    assertThatThrownBy(() -> sampleWith(product("TD", "退订服务").build()))
        .hasMessageContaining("TD 退订服务")
        .hasMessageContaining("unsubscribe word 'TD'");
    assertThatThrownBy(() -> sampleWith(product("ZZ", "别的").aliases("查询").build()))
        .hasMessageContaining("query word '查询'");
  }

  @Test
  void rejectsOneWordForTwoCommands() {
    ServiceNumber number =
        SampleCatalog.serviceNumber()
            .withWords(CommandWords.DEFAULTS.withDecline(List.of("否", "ｙ")));

    assertThatThrownBy(() -> new Catalog(List.of(), List.of(number)))
        .hasMessageContaining("confirm word 'Y'")
        .hasMessageContaining("decline word 'ｙ'");
  }

  @Test
  void rejectsAWordOfPunctuationOnly() {
    ServiceNumber number =
        SampleCatalog.serviceNumber().withWords(CommandWords.DEFAULTS.withHelp(List.of("?", "。")));

    assertThatThrownBy(() -> new Catalog(List.of(), List.of(number)))
        .hasMessageContaining("help word '。'");
  }

  @Test
  void rejectsConfirmationOnANumberWithoutConfirmingWords() {
    ServiceNumber number =
        SampleCatalog.serviceNumber().withWords(CommandWords.DEFAULTS.withConfirm(List.of()));

    assertThatThrownBy(() -> new Catalog(SampleCatalog.products(), List.of(number)))
        .hasMessageContaining("SHBB 生活播报")
        .hasMessageContaining("no confirming words");
  }

  @Test
  void rejectsTheSamePortTwice() {
    assertThatThrownBy(
            () -> new Catalog(List.of(), List.of(ServiceNumber.of(PORT), ServiceNumber.of(PORT))))
        .hasMessageContaining(PORT + " is configured twice");
  }
}
