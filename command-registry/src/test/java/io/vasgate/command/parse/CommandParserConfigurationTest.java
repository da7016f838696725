package io.vasgate.command.parse;

import static io.vasgate.command.parse.ParseResults.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import io.vasgate.command.catalog.SampleCatalog;
import io.vasgate.command.shortcode.CommandWords;
import io.vasgate.command.shortcode.ExtensionRoute;
import io.vasgate.command.shortcode.ServiceNumber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How per-number configuration, product status and routes change what a text means. */
class CommandParserConfigurationTest {

  private final CommandParser parser = new CommandParser();

  @Test
  void cancelAllWordListsWhereTheNumberSaysSo() {
    Catalog catalog =
        new Catalog(
            SampleCatalog.products(),
            List.of(SampleCatalog.serviceNumber().withCancelAllMeansQuery(true)));

    assertThat(describe(parser.parse("00000", "1065888002", catalog))).isEqualTo("QUERY");
  }

  @Test
  void numberSpecificWordsReplaceTheDefaults() {
    CommandWords words =
        CommandWords.DEFAULTS.withConfirm(List.of("1", "好")).withSubscribe(List.of("DY", "订阅"));
    Catalog catalog =
        new Catalog(
            SampleCatalog.products(), List.of(SampleCatalog.serviceNumber().withWords(words)));

    assertThat(describe(parser.parse("1", "1065888002", catalog))).isEqualTo("CONFIRM");
    assertThat(describe(parser.parse("好", "1065888002", catalog))).isEqualTo("CONFIRM");
    assertThat(describe(parser.parse("2", "1065888002", catalog))).isEqualTo("SELECT [2]");
    assertThat(describe(parser.parse("订阅天气", "10658880", catalog))).isEqualTo("SUBSCRIBE TQ");
    assertThat(describe(parser.parse("KT TQ", "10658880", catalog)))
        .isEqualTo("ERROR UNRECOGNISED");
    assertThat(describe(parser.parse("TQ", "10658880", catalog)))
        .isEqualTo("DID_YOU_MEAN SUBSCRIBE TQ 'DY TQ'");
  }

  @Test
  void retiredProductCanBeCancelledButIsNeitherSuggestedNorListed() {
    List<Product> products = new ArrayList<>(SampleCatalog.products());
    products.add(
        Product.builder("GP")
            .names("股票", "Stocks")
            .partner(SampleCatalog.PARTNER)
            .offeredOn(SampleCatalog.PORT, "")
            .monthly(500)
            .status(ProductStatus.RETIRED)
            .build());
    Catalog catalog = new Catalog(products, List.of(SampleCatalog.serviceNumber()));

    assertThat(describe(parser.parse("退订股票", "10658880", catalog))).isEqualTo("UNSUBSCRIBE GP");
    assertThat(describe(parser.parse("股票", "10658880", catalog))).isEqualTo("ERROR UNRECOGNISED");
    assertThat(describe(parser.parse("KT GPP", "10658880", catalog)))
        .isEqualTo("ERROR UNKNOWN_PRODUCT SUBSCRIBE");
    ParseError which = (ParseError) parser.parse("KT", "10658880", catalog);
    assertThat(which.products()).extracting(Product::code).doesNotContain("GP").contains("TQ");
  }

  @Test
  void suspendedProductIsStillRecognisedForThePipelineToAnswer() {
    List<Product> products =
        SampleCatalog.products().stream()
            .map(
                p ->
                    p.code().equals("TQ")
                        ? p.toBuilder().status(ProductStatus.SUSPENDED).build()
                        : p)
            .toList();
    Catalog catalog = new Catalog(products, List.of(SampleCatalog.serviceNumber()));

    Parsed parsed = (Parsed) parser.parse("KT TQ", "10658880", catalog);
    assertThat(parsed.product()).map(Product::status).contains(ProductStatus.SUSPENDED);
  }

  @Test
  void partnerExtensionListsOnlyThatPartnersProducts() {
    List<Product> products = new ArrayList<>(SampleCatalog.products());
    products.add(
        Product.builder("YD")
            .names("阅读", "Reading")
            .partner("905555")
            .offeredOn(SampleCatalog.PORT, "")
            .monthly(300)
            .build());
    ServiceNumber number =
        SampleCatalog.serviceNumber()
            .withRoutes(List.of(new ExtensionRoute.ToPartner("9", "905555")));
    Catalog catalog = new Catalog(products, List.of(number));

    ParseError which = (ParseError) parser.parse("TD", "106588809", catalog);

    assertThat(which.kind()).isEqualTo(ParseErrorKind.WHICH_PRODUCT);
    assertThat(which.products()).extracting(Product::code).containsExactly("YD");
    assertThat(which.shortCode().flatMap(s -> s.route()))
        .containsInstanceOf(ExtensionRoute.ToPartner.class);
  }

  @Test
  void campaignExtensionKeepsItsRouteForAttribution() {
    ServiceNumber number =
        SampleCatalog.serviceNumber()
            .withRoutes(List.of(new ExtensionRoute.ToCampaign("88", "SPRING")));
    Catalog catalog = new Catalog(SampleCatalog.products(), List.of(number));

    Parsed parsed = (Parsed) parser.parse("KT TQ", "1065888088", catalog);

    assertThat(parsed.shortCode().route()).contains(new ExtensionRoute.ToCampaign("88", "SPRING"));
    assertThat(describe(parser.parse("KT", "1065888088", catalog)))
        .isEqualTo("ERROR WHICH_PRODUCT SUBSCRIBE");
  }

  @Test
  void nearMissBetweenTwoProductsIsNotGuessed() {
    List<Product> products =
        List.of(
            Product.builder("AB")
                .names("甲", "")
                .partner("1")
                .offeredOn("10658880", "")
                .free()
                .build(),
            Product.builder("AC")
                .names("乙", "")
                .partner("1")
                .offeredOn("10658880", "")
                .free()
                .build());
    Catalog catalog = new Catalog(products, List.of(ServiceNumber.of("10658880")));

    assertThat(describe(parser.parse("KT AD", "10658880", catalog)))
        .isEqualTo("ERROR UNKNOWN_PRODUCT SUBSCRIBE");
    assertThat(describe(parser.parse("KT AX", "10658880", catalog)))
        .isEqualTo("ERROR UNKNOWN_PRODUCT SUBSCRIBE");
    assertThat(describe(parser.parse("KT ABB", "10658880", catalog)))
        .isEqualTo("DID_YOU_MEAN SUBSCRIBE AB 'KT AB'");
  }

  @Test
  void followsANewCatalogSnapshot() {
    Catalog before = SampleCatalog.catalog();
    Catalog after =
        new Catalog(
            SampleCatalog.products().stream().filter(p -> !p.code().equals("TQ")).toList(),
            List.of(SampleCatalog.serviceNumber()));

    assertThat(describe(parser.parse("KT TQ", "10658880", before))).isEqualTo("SUBSCRIBE TQ");
    assertThat(describe(parser.parse("KT TQ", "10658880", after)))
        .isEqualTo("ERROR UNKNOWN_PRODUCT SUBSCRIBE");
    assertThat(describe(parser.parse("KT TQ", "10658880", before))).isEqualTo("SUBSCRIBE TQ");
  }

  @Test
  void emptyCatalogKnowsNoNumber() {
    assertThat(describe(parser.parse("KT TQ", "10658880", Catalog.empty())))
        .isEqualTo("ERROR UNKNOWN_SERVICE_NUMBER");
  }

  @Test
  void longestPortWinsWhenPortsNest() {
    Product nested =
        Product.builder("CP")
            .names("彩票", "Lottery")
            .partner("1")
            .offeredOn("1065888", "")
            .free()
            .build();
    List<Product> products = new ArrayList<>(SampleCatalog.products());
    products.add(nested);
    Catalog catalog =
        new Catalog(products, List.of(ServiceNumber.of("1065888"), SampleCatalog.serviceNumber()));

    assertThat(describe(parser.parse("KT CP", "10658889", catalog))).isEqualTo("SUBSCRIBE CP");
    assertThat(describe(parser.parse("KT CP", "10658880", catalog)))
        .isEqualTo("ERROR UNKNOWN_PRODUCT SUBSCRIBE");
  }
}
