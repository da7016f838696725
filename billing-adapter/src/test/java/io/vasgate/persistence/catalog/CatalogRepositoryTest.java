package io.vasgate.persistence.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.command.catalog.ConfirmationPolicy;
import io.vasgate.command.catalog.FirstMonthPolicy;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import io.vasgate.command.catalog.SampleCatalog;
import io.vasgate.command.reply.Language;
import io.vasgate.command.reply.Placeholder;
import io.vasgate.command.reply.ReplyKey;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.command.shortcode.CommandWords;
import io.vasgate.command.shortcode.ExtensionRoute;
import io.vasgate.command.shortcode.ServiceNumber;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import io.vasgate.persistence.audit.AuditEvent;
import io.vasgate.persistence.audit.AuditLog;
import io.vasgate.persistence.audit.AuditQuery;
import io.vasgate.persistence.catalog.CatalogRejection.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogRepositoryTest {

  private static final String PORT = SampleCatalog.PORT;
  private static final String OTHER_PORT = "10659999";

  private static Database database;
  private CatalogRepository repository;

  @BeforeAll
  static void openSchema() {
    database = TestDatabases.newDatabase("catalog_repository");
  }

  @AfterAll
  static void closeSchema() {
    database.close();
  }

  @BeforeEach
  void emptyCatalog() throws Exception {
    CatalogSchema.reset(database.dataSource());
    repository = new CatalogRepository(database.dataSource());
  }

  static CatalogContent sample() {
    return new CatalogContent(
        List.of(new Partner(SampleCatalog.PARTNER, "示例内容提供商")),
        List.of(SampleCatalog.serviceNumber()),
        SampleCatalog.products(),
        List.of());
  }

  private static Product.Builder newProduct(String code, String ext) {
    return Product.builder(code)
        .names("名" + code, "")
        .partner(SampleCatalog.PARTNER)
        .offeredOn(PORT, ext)
        .monthly(200);
  }

  @Test
  void freshSchemaHasAnEmptyCatalogAtVersionZero() {
    StoredCatalog stored = repository.load();
    assertThat(stored.version()).isZero();
    assertThat(stored.content().isEmpty()).isTrue();
    assertThat(repository.version()).isZero();
  }

  @Test
  void seedsAnEmptyCatalogOnceAndLoadsTheSampleBack() {
    List<CatalogChange> changes = repository.seedIfEmpty(sample(), ChangeHook.NONE);

    assertThat(changes).hasSize(1 + 1 + 5);
    assertThat(changes)
        .allMatch(c -> c.version() == 1 && c.action() == CatalogChange.Action.CREATE);
    StoredCatalog stored = repository.load();
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.content().products()).isEqualTo(SampleCatalog.products());
    assertThat(stored.content().serviceNumbers()).containsExactly(SampleCatalog.serviceNumber());
    assertThat(stored.catalog().product("TQ").orElseThrow().extension()).isEqualTo("02");

    assertThat(repository.seedIfEmpty(sample(), ChangeHook.NONE)).isEmpty();
    assertThat(repository.version()).isEqualTo(1);
  }

  @Test
  void storesEveryFieldOfProductsAndNumbersAsGiven() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    repository.createPartner(new Partner("SP-77", "天天资讯"), ChangeHook.NONE);
    ServiceNumber number =
        new ServiceNumber(
            OTHER_PORT,
            List.of(
                new ExtensionRoute.ToCampaign("88", "SPRING-2025"),
                new ExtensionRoute.ToPartner("9", "SP-77")),
            CommandWords.DEFAULTS.withConfirm(List.of("Y", "好")).withUnsubscribeAll(List.of()),
            Language.EN,
            true);
    repository.createServiceNumber(number, ChangeHook.NONE);
    Product product =
        Product.builder("CJ8")
            .numericCode("2001")
            .names("财经😀", "Finance")
            .aliases("财经快讯", "股市")
            .partner("SP-77")
            .offeredOn(OTHER_PORT, "123")
            .monthly(500)
            .trialDays(14)
            .firstMonth(FirstMonthPolicy.HALF_PRICE_UNDER_15_DAYS_LEFT)
            .revenueShare(3, 7)
            .confirmation(ConfirmationPolicy.within(Duration.ofHours(48)))
            .status(ProductStatus.SUSPENDED)
            .suspendedReply("财经暂停，敬请期待")
            .build();
    repository.createProduct(product, ChangeHook.NONE);

    CatalogContent content = repository.load().content();
    assertThat(content.product("CJ8")).contains(product);
    assertThat(content.serviceNumber(OTHER_PORT)).contains(number);
    assertThat(content.partner("SP-77")).contains(new Partner("SP-77", "天天资讯"));
    assertThat(repository.version()).isEqualTo(4);
  }

  @Test
  void updateReplacesAliasesAndRetireKeepsTheProductRecognisable() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    Product tq = repository.load().content().product("TQ").orElseThrow();

    CatalogChange update =
        repository.updateProduct(
            tq.toBuilder().aliases("天气情况").monthly(250).build(), ChangeHook.NONE);
    assertThat(update.before()).contains(tq);
    CatalogChange retire = repository.retireProduct("TQ", ChangeHook.NONE);

    assertThat(retire.action()).isEqualTo(CatalogChange.Action.RETIRE);
    StoredCatalog stored = repository.load();
    Product now = stored.content().product("TQ").orElseThrow();
    assertThat(now.aliases()).containsExactly("天气情况");
    assertThat(now.priceFen()).isEqualTo(250);
    assertThat(now.status()).isEqualTo(ProductStatus.RETIRED);
    assertThat(stored.catalog().find(PORT, "天气情况")).contains(now);
    assertThat(stored.catalog().find(PORT, "天气预报")).isEmpty();
    assertThat(stored.catalog().offeredOn(PORT)).doesNotContain(now);
    assertThat(stored.version()).isEqualTo(3);
  }

  @Test
  void refusesADuplicateProductCode() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    assertRejected(
        () -> repository.createProduct(newProduct("TQ", "77").build(), ChangeHook.NONE),
        Reason.CONFLICT,
        "code");
  }

  @Test
  void refusesAnExtensionClaimedByAnotherProductOnTheNumber() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    assertRejected(
        () -> repository.createProduct(newProduct("NEW", "02").build(), ChangeHook.NONE),
        Reason.CONFLICT,
        "extension");
  }

  @Test
  void refusesAnAliasClaimedByAnotherProductOnTheNumberInAnyWidth() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    // A space does not make another reference: users type 天气 预报 and 天气预报 alike.
    assertRejected(
        () ->
            repository.createProduct(
                newProduct("NEW", "77").aliases("新品", "天气 预报").build(), ChangeHook.NONE),
        Reason.CONFLICT,
        "aliases[1]");
  }

  @Test
  void allowsTheSameAliasOnAnotherNumber() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    repository.createServiceNumber(ServiceNumber.of(OTHER_PORT), ChangeHook.NONE);
    repository.createProduct(
        newProduct("TQ2", "02").offeredOn(OTHER_PORT, "02").aliases("天气预报").build(),
        ChangeHook.NONE);
    assertThat(repository.load().catalog().find(OTHER_PORT, "天气预报").orElseThrow().code())
        .isEqualTo("TQ2");
  }

  @Test
  void refusesAReferenceThatIsACommandWordOnTheNumber() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    assertRejected(
        () ->
            repository.createProduct(
                newProduct("NEW", "77").aliases("退订").build(), ChangeHook.NONE),
        Reason.CONFLICT,
        "aliases[0]");
  }

  @Test
  void refusesAProductOnAnUnknownNumberOrOfAnUnknownPartner() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    assertRejected(
        () ->
            repository.createProduct(
                newProduct("NEW", "77").offeredOn("10650000", "").build(), ChangeHook.NONE),
        Reason.INVALID,
        "servicePort");
    assertRejected(
        () ->
            repository.createProduct(
                newProduct("NEW", "77").partner("404404").build(), ChangeHook.NONE),
        Reason.INVALID,
        "partnerCode");
  }

  @Test
  void refusesANumericCodeOfAnotherProduct() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    assertRejected(
        () ->
            repository.createProduct(
                newProduct("NEW", "77").numericCode("1002").build(), ChangeHook.NONE),
        Reason.CONFLICT,
        "numericCode");
  }

  @Test
  void refusesARouteOnTheExtensionOfAProduct() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    ServiceNumber clash =
        SampleCatalog.serviceNumber()
            .withRoutes(List.of(new ExtensionRoute.ToCampaign("03", "SUMMER")));
    assertRejected(
        () -> repository.updateServiceNumber(clash, ChangeHook.NONE),
        Reason.CONFLICT,
        "routes[0].extension");
  }

  @Test
  void refusesRemovingTheConfirmingWordsWhileAProductNeedsThem() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    ServiceNumber noConfirm =
        SampleCatalog.serviceNumber().withWords(CommandWords.DEFAULTS.withConfirm(List.of()));
    assertRejected(
        () -> repository.updateServiceNumber(noConfirm, ChangeHook.NONE),
        Reason.INVALID,
        "words.confirm");
  }

  @Test
  void refusesACommandWordThatIsAProductReference() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    ServiceNumber clash =
        SampleCatalog.serviceNumber().withWords(CommandWords.DEFAULTS.withHelp(List.of("?", "天气")));
    assertRejected(
        () -> repository.updateServiceNumber(clash, ChangeHook.NONE),
        Reason.CONFLICT,
        "words.help[1]");
  }

  @Test
  void refusesToDeleteANumberWithProductsButDeletesAnEmptyOne() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    assertRejected(
        () -> repository.deleteServiceNumber(PORT, ChangeHook.NONE), Reason.CONFLICT, "port");

    repository.createServiceNumber(ServiceNumber.of(OTHER_PORT), ChangeHook.NONE);
    repository.putTemplate(
        new TemplateOverride(OTHER_PORT, Language.ZH, ReplyKey.QUERY_EMPTY, "没有订购。"),
        ChangeHook.NONE);
    repository.deleteServiceNumber(OTHER_PORT, ChangeHook.NONE);

    CatalogContent content = repository.load().content();
    assertThat(content.serviceNumber(OTHER_PORT)).isEmpty();
    assertThat(content.templates()).isEmpty();
  }

  @Test
  void aRetiredProductCannotComeBackNorBeRetiredTwice() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    repository.retireProduct("XW", ChangeHook.NONE);
    Product xw = repository.load().content().product("XW").orElseThrow();

    assertRejected(
        () -> repository.retireProduct("XW", ChangeHook.NONE), Reason.CONFLICT, "status");
    assertRejected(
        () ->
            repository.updateProduct(
                xw.toBuilder().status(ProductStatus.ACTIVE).build(), ChangeHook.NONE),
        Reason.CONFLICT,
        "status");
  }

  @Test
  void unknownEntitiesAreNotFound() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    assertRejected(() -> repository.retireProduct("NOPE", ChangeHook.NONE), Reason.NOT_FOUND, null);
    assertRejected(
        () -> repository.updateProduct(newProduct("NOPE", "").build(), ChangeHook.NONE),
        Reason.NOT_FOUND,
        null);
    assertRejected(
        () -> repository.updateServiceNumber(ServiceNumber.of("1234"), ChangeHook.NONE),
        Reason.NOT_FOUND,
        null);
    assertRejected(
        () -> repository.deleteTemplate(PORT, Language.ZH, ReplyKey.HELP, ChangeHook.NONE),
        Reason.NOT_FOUND,
        null);
    assertRejected(
        () ->
            repository.putTemplate(
                new TemplateOverride("1234", Language.ZH, ReplyKey.QUERY_EMPTY, "无"),
                ChangeHook.NONE),
        Reason.NOT_FOUND,
        null);
  }

  @Test
  void aRefusedChangeLeavesContentAndVersionAlone() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    StoredCatalog before = repository.load();

    assertThatThrownBy(
            () -> repository.createProduct(newProduct("NEW", "01").build(), ChangeHook.NONE))
        .isInstanceOf(CatalogRejection.class);

    assertThat(repository.load()).isEqualTo(before);
  }

  @Test
  void aFailingHookRollsTheChangeBack() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    ChangeHook failing =
        (connection, change) -> {
          throw new IllegalStateException("audit down");
        };

    assertThatThrownBy(() -> repository.retireProduct("TQ", failing)).hasMessage("audit down");

    assertThat(repository.version()).isEqualTo(1);
    assertThat(repository.load().content().product("TQ").orElseThrow().status())
        .isEqualTo(ProductStatus.ACTIVE);
  }

  @Test
  void theHookWritesInTheTransactionOfTheChange() {
    AuditLog audit = new AuditLog(database.dataSource());
    ChangeHook auditing =
        (connection, change) ->
            audit.append(
                connection,
                new AuditEvent(
                    "tester",
                    Instant.parse("2025-03-01T08:00:00Z"),
                    change.action().id(),
                    change.entity().type(),
                    change.entityId(),
                    change.before().map(b -> "{\"v\":" + change.version() + "}"),
                    change.after().map(a -> "{\"v\":" + change.version() + "}")));
    repository.seedIfEmpty(sample(), auditing);
    repository.retireProduct("JK", auditing);

    assertThat(audit.query(AuditQuery.all().limit(100)).entries()).hasSize(8);
    assertThat(audit.query(AuditQuery.all().entity("product", "JK")).entries())
        .extracting(e -> e.event().action())
        .containsExactly("retire", "create");
  }

  @Test
  void templateOverridesApplyOnTheirNumberOnly() {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    repository.createServiceNumber(ServiceNumber.of(OTHER_PORT), ChangeHook.NONE);
    CatalogChange created =
        repository.putTemplate(
            new TemplateOverride(PORT, Language.ZH, ReplyKey.QUERY_EMPTY, "暂无订购。"),
            ChangeHook.NONE);
    CatalogChange replaced =
        repository.putTemplate(
            new TemplateOverride(PORT, Language.ZH, ReplyKey.QUERY_EMPTY, "您还没有订购业务。"),
            ChangeHook.NONE);

    assertThat(created.action()).isEqualTo(CatalogChange.Action.CREATE);
    assertThat(replaced.action()).isEqualTo(CatalogChange.Action.UPDATE);
    ReplyTemplates templates = repository.load().content().replyTemplates(ReplyTemplates.shipped());
    Map<Placeholder, String> none = Map.of();
    assertThat(templates.render(PORT, ReplyKey.QUERY_EMPTY, Language.ZH, none).text())
        .isEqualTo("您还没有订购业务。");
    assertThat(templates.render(OTHER_PORT, ReplyKey.QUERY_EMPTY, Language.ZH, none).text())
        .isEqualTo(ReplyTemplates.shipped().render(ReplyKey.QUERY_EMPTY, Language.ZH, none).text());

    repository.deleteTemplate(PORT, Language.ZH, ReplyKey.QUERY_EMPTY, ChangeHook.NONE);
    assertThat(repository.load().content().templates()).isEmpty();
  }

  @Test
  void aTemplateWithAnUnknownPlaceholderIsNoOverride() {
    assertThatThrownBy(
            () -> new TemplateOverride(PORT, Language.ZH, ReplyKey.QUERY_EMPTY, "您好{name}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown placeholder {name}");
  }

  /**
   * Two gateways claiming one extension at the same moment: both read a catalog where it is free,
   * unless the version lock serialises them, which it must.
   */
  @Test
  void concurrentWritersCannotBothClaimOneExtension() throws Exception {
    repository.seedIfEmpty(sample(), ChangeHook.NONE);
    CatalogRepository other = new CatalogRepository(database.dataSource());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Optional<CatalogRejection>>> results = new ArrayList<>();
      for (String code : List.of("AAA", "BBB")) {
        CatalogRepository repo = code.equals("AAA") ? repository : other;
        Callable<Optional<CatalogRejection>> claim =
            () -> {
              start.await();
              try {
                repo.createProduct(newProduct(code, "66").build(), ChangeHook.NONE);
                return Optional.empty();
              } catch (CatalogRejection e) {
                return Optional.of(e);
              }
            };
        results.add(pool.submit(claim));
      }
      start.countDown();
      List<Optional<CatalogRejection>> outcomes = new ArrayList<>();
      for (Future<Optional<CatalogRejection>> f : results) {
        outcomes.add(f.get(10, TimeUnit.SECONDS));
      }
      assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
      assertThat(outcomes)
          .filteredOn(Optional::isPresent)
          .singleElement()
          .satisfies(r -> assertThat(r.get().field()).contains("extension"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(repository.version()).isEqualTo(2);
  }

  private static void assertRejected(ThrowingCallable change, Reason reason, String field) {
    assertThatThrownBy(change)
        .isInstanceOfSatisfying(
            CatalogRejection.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.field()).isEqualTo(Optional.ofNullable(field));
            });
  }
}
