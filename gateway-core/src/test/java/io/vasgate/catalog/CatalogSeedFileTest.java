package io.vasgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.app.TestGateway;
import io.vasgate.command.catalog.SampleCatalog;
import io.vasgate.command.reply.Language;
import io.vasgate.command.reply.ReplyKey;
import io.vasgate.command.shortcode.CommandWords;
import io.vasgate.command.shortcode.ExtensionRoute;
import io.vasgate.command.shortcode.ServiceNumber;
import io.vasgate.config.ConfigException;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import io.vasgate.persistence.catalog.CatalogChange;
import io.vasgate.persistence.catalog.CatalogContent;
import io.vasgate.persistence.catalog.CatalogRepository;
import io.vasgate.persistence.catalog.ChangeHook;
import io.vasgate.persistence.catalog.Partner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSeedFileTest {

  private final CatalogSeedFile seedFile = new CatalogSeedFile();

  /** One product on one number, with {@code productExtra} as further lines of the product. */
  private static String seed(String productExtra) {
    return """
        partners:
          - code: "901234"
            name: 示例
        serviceNumbers:
          - port: "10658880"
        products:
          - code: TQ
            nameZh: 天气
            partnerCode: "901234"
            servicePort: "10658880"
            extension: "02"
            chargeType: MONTHLY
            priceFen: 200
            revenueShare: "6:4"
        """
        + productExtra.indent(4);
  }

  private ConfigException refused(String yaml) {
    try {
      seedFile.parse(yaml, "test.yaml");
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("accepted: " + yaml);
  }

  @Test
  void theShippedFileIsTheSampleCatalog() {
    CatalogContent content = seedFile.read(TestGateway.shippedCatalog());

    assertThat(content.products()).isEqualTo(SampleCatalog.products());
    assertThat(content.serviceNumbers()).containsExactly(SampleCatalog.serviceNumber());
    assertThat(content.partner(SampleCatalog.PARTNER)).isPresent();
    assertThat(content.templates()).isEmpty();
  }

  @Test
  void readsRoutesWordsLanguageAndTemplates() {
    String yaml =
        """
        partners:
          - {code: "901234", name: 示例}
        serviceNumbers:
          - port: "10659000"
            language: en
            cancelAllMeansQuery: true
            words:
              confirm: [OK]
              unsubscribeAll: []
            routes:
              - {extension: "88", type: campaign, target: SPRING}
              - {extension: "9", type: partner, target: "901234"}
            templates:
              en:
                query.empty: You have no subscriptions.
        """;
    CatalogContent content = seedFile.parse(yaml, "test.yaml");

    ServiceNumber number = content.serviceNumbers().get(0);
    assertThat(number.language()).isEqualTo(Language.EN);
    assertThat(number.cancelAllMeansQuery()).isTrue();
    assertThat(number.words().confirm()).containsExactly("OK");
    assertThat(number.words().unsubscribeAll()).as("[] switches a command off").isEmpty();
    assertThat(number.words().subscribe())
        .as("absent keeps the default")
        .isEqualTo(CommandWords.DEFAULTS.subscribe());
    assertThat(number.routes())
        .containsExactly(
            new ExtensionRoute.ToCampaign("88", "SPRING"),
            new ExtensionRoute.ToPartner("9", "901234"));
    assertThat(content.templates())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.key()).isEqualTo(ReplyKey.QUERY_EMPTY);
              assertThat(t.language()).isEqualTo(Language.EN);
              assertThat(t.text()).isEqualTo("You have no subscriptions.");
            });
  }

  /** YAML 1.1 reads an unquoted YES as true: a confirming word "true" would confirm nothing. */
  @Test
  void aWordThatYamlReadsAsABooleanIsRefused() {
    String yaml =
        """
        serviceNumbers:
          - port: "10658880"
            words:
              confirm: [是, YES]
        """;
    assertThat(refused(yaml).getMessage())
        .startsWith("test.yaml: serviceNumbers[0]:")
        .contains("words.confirm[1]")
        .contains("quote");
    assertThat(refused(seed("aliases: [天气预报, on]")).getMessage()).contains("aliases[1]");
  }

  @Test
  void readsTheConfirmationWindowAsADuration() {
    CatalogContent content = seedFile.parse(seed("confirmationWindow: 30m"), "test.yaml");
    assertThat(content.products().get(0).confirmation().window()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aMisspeltKeyIsNamedWithItsFile() {
    assertThat(refused(seed("prise: 1")))
        .hasMessage("test.yaml: products[0].prise: is not a known setting");
    assertThat(refused(seed("").replace("serviceNumbers:", "servicenumbers:")).getMessage())
        .startsWith("test.yaml: servicenumbers");
  }

  @Test
  void aNegativePriceIsNamed() {
    assertThat(refused(seed("").replace("priceFen: 200", "priceFen: -200")).getMessage())
        .startsWith("test.yaml: products[0].priceFen: must be in 0..");
  }

  @Test
  void anUnknownPartnerIsNamed() {
    assertThat(
            refused(seed("").replace("partnerCode: \"901234\"", "partnerCode: \"404\""))
                .getMessage())
        .startsWith("test.yaml: products[0].partnerCode: unknown partner 404");
  }

  @Test
  void aBadValueInsideAProductNamesTheProduct() {
    assertThat(refused(seed("").replace("\"6:4\"", "\"6:5\"")).getMessage())
        .startsWith("test.yaml: products[0]:")
        .contains("6:5");
    assertThat(refused(seed("").replace("    chargeType: MONTHLY\n", "")).getMessage())
        .contains("products[0]")
        .contains("chargeType is required");
  }

  @Test
  void aConflictBetweenProductsIsRefused() {
    String twice =
        seed("")
            + """
              - code: WZ
                nameZh: 违章
                partnerCode: "901234"
                servicePort: "10658880"
                extension: "02"
                chargeType: FREE
                revenueShare: "5:5"
            """;
    assertThat(refused(twice).getMessage()).contains("extension 02");
  }

  @Test
  void aTemplateWithAnUnknownPlaceholderOrKeyIsRefused() {
    String placeholder =
        seed("")
            .replace(
                "  - port: \"10658880\"\n",
                "  - port: \"10658880\"\n    templates: {zh: {query.empty: \"您好{name}\"}}\n");
    assertThat(refused(placeholder).getMessage())
        .startsWith("test.yaml: serviceNumbers[0]:")
        .contains("{name}");
    String key =
        seed("")
            .replace(
                "  - port: \"10658880\"\n",
                "  - port: \"10658880\"\n    templates: {zh: {no.such: x}}\n");
    assertThat(refused(key))
        .hasMessage("test.yaml: serviceNumbers[0].templates.zh.no.such: is not a known setting");
  }

  @Test
  void seedsAnEmptyCatalogOnceAndAuditsEveryEntity(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("catalog.yaml");
    Files.writeString(file, seed(""));
    CatalogConfig config =
        new CatalogConfig(Optional.of(file), true, CatalogConfig.DEFAULT_REFRESH_INTERVAL);
    try (Database database = TestDatabases.newDatabase("seed_file")) {
      CatalogRepository repository = new CatalogRepository(database.dataSource());
      List<CatalogChange> seen = new ArrayList<>();
      ChangeHook hook = (connection, change) -> seen.add(change);

      assertThat(seedFile.seedIfEmpty(config, repository, hook)).isTrue();
      assertThat(seen)
          .extracting(c -> c.entity().type() + ":" + c.entityId())
          .containsExactly("partner:901234", "service-number:10658880", "product:TQ");

      // Once seeded, the file is not even read: a broken edit cannot stop a restart.
      Files.writeString(file, "products: [oops");
      assertThat(seedFile.seedIfEmpty(config, repository, hook)).isFalse();
      assertThat(repository.load().content().product("TQ")).isPresent();
    }
  }

  @Test
  void aMissingSeedFileStopsStartUpOnlyWhenConfigured(@TempDir Path dir) {
    Path missing = dir.resolve("none.yaml");
    try (Database database = TestDatabases.newDatabase("seed_missing")) {
      CatalogRepository repository = new CatalogRepository(database.dataSource());

      CatalogConfig optional =
          new CatalogConfig(Optional.of(missing), false, CatalogConfig.DEFAULT_REFRESH_INTERVAL);
      assertThat(seedFile.seedIfEmpty(optional, repository, ChangeHook.NONE)).isFalse();

      CatalogConfig required =
          new CatalogConfig(Optional.of(missing), true, CatalogConfig.DEFAULT_REFRESH_INTERVAL);
      assertThatThrownBy(() -> seedFile.seedIfEmpty(required, repository, ChangeHook.NONE))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("catalog.seedFile:");
      assertThat(repository.load().content().isEmpty()).isTrue();
      assertThat(repository.load().content().partner("901234"))
          .isEqualTo(Optional.<Partner>empty());
    }
  }
}
