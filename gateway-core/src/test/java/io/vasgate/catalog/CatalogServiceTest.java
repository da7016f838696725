package io.vasgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.SampleCatalog;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import io.vasgate.persistence.catalog.CatalogContent;
import io.vasgate.persistence.catalog.CatalogRepository;
import io.vasgate.persistence.catalog.CatalogSchema;
import io.vasgate.persistence.catalog.CatalogStoreException;
import io.vasgate.persistence.catalog.ChangeHook;
import io.vasgate.persistence.catalog.Partner;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {

  private static final ReplyTemplates DEFAULTS = ReplyTemplates.shipped();

  private static Database database;
  private CatalogRepository repository;

  @BeforeAll
  static void openSchema() {
    database = TestDatabases.newDatabase("catalog_service");
  }

  @AfterAll
  static void closeSchema() {
    database.close();
  }

  @BeforeEach
  void seededCatalog() throws Exception {
    CatalogSchema.reset(database.dataSource());
    repository = new CatalogRepository(database.dataSource());
    repository.seedIfEmpty(
        new CatalogContent(
            List.of(new Partner(SampleCatalog.PARTNER, "示例")),
            List.of(SampleCatalog.serviceNumber()),
            SampleCatalog.products(),
            List.of()),
        ChangeHook.NONE);
  }

  private static Product newProduct(String code, String extension) {
    return Product.builder(code)
        .names("新" + code, "")
        .partner(SampleCatalog.PARTNER)
        .offeredOn(SampleCatalog.PORT, extension)
        .monthly(100)
        .build();
  }

  private void execute(String... sql) throws Exception {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  @Test
  void servesTheStoredCatalogFromTheStart() {
    CatalogService service = new CatalogService(repository, DEFAULTS);

    assertThat(service.snapshot().version()).isEqualTo(1);
    assertThat(service.catalog().products()).isEqualTo(SampleCatalog.products());
    assertThat(service.catalog().find(SampleCatalog.PORT, "天气预报").orElseThrow().code())
        .isEqualTo("TQ");
  }

  @Test
  void reloadsOnlyWhenTheVersionMoved() {
    CatalogService service = new CatalogService(repository, DEFAULTS);
    CatalogSnapshot before = service.snapshot();

    assertThat(service.refresh()).isFalse();
    assertThat(service.snapshot()).isSameAs(before);

    repository.createProduct(newProduct("NEW", "66"), ChangeHook.NONE);
    assertThat(service.refresh()).isTrue();
    assertThat(service.snapshot().version()).isEqualTo(2);
    assertThat(service.catalog().product("NEW")).isPresent();
    assertThat(before.catalog().product("NEW")).as("a snapshot never changes").isEmpty();
  }

  /**
   * Two gateway processes on one database: a change committed through one is served by the other
   * within a second, by its own refresher, without anyone telling it.
   */
  @Test
  void aChangeMadeThroughOneProcessIsServedByAnotherWithinOneSecond() {
    CatalogService first = new CatalogService(repository, DEFAULTS);
    CatalogService second =
        new CatalogService(new CatalogRepository(database.dataSource()), DEFAULTS);
    ScheduledExecutorService firstRefresh = CatalogService.newRefreshExecutor();
    ScheduledExecutorService secondRefresh = CatalogService.newRefreshExecutor();
    try {
      first.startRefreshing(firstRefresh, CatalogConfig.DEFAULT_REFRESH_INTERVAL);
      second.startRefreshing(secondRefresh, CatalogConfig.DEFAULT_REFRESH_INTERVAL);

      repository.retireProduct("XW", ChangeHook.NONE);
      first.refresh();
      long committed = System.nanoTime();

      await()
          .atMost(Duration.ofSeconds(1))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> second.catalog().offeredOn(SampleCatalog.PORT).size() == 4);
      assertThat(Duration.ofNanos(System.nanoTime() - committed)).isLessThan(Duration.ofSeconds(1));
      assertThat(second.snapshot().version()).isEqualTo(first.snapshot().version());
    } finally {
      first.close();
      second.close();
      firstRefresh.shutdownNow();
      secondRefresh.shutdownNow();
    }
  }

  @Test
  void aStoredCatalogTheRegistryRefusesIsNotServed() throws Exception {
    CatalogService service = new CatalogService(repository, DEFAULTS);
    // Written around the repository: SHBB's alias becomes the name of TQ on the same number.
    execute(
        "UPDATE product_alias SET alias = '天气' WHERE product_code = 'SHBB'",
        "UPDATE catalog_version SET version = version + 1");

    assertThat(service.refresh()).isFalse();
    assertThat(service.snapshot().version()).isEqualTo(1);
    assertThat(service.catalog().find(SampleCatalog.PORT, "生活").orElseThrow().code())
        .isEqualTo("SHBB");

    execute(
        "UPDATE product_alias SET alias = '生活服务' WHERE product_code = 'SHBB'",
        "UPDATE catalog_version SET version = version + 1");
    assertThat(service.refresh()).isTrue();
    assertThat(service.catalog().find(SampleCatalog.PORT, "生活服务")).isPresent();
  }

  @Test
  void anInvalidStoredCatalogStopsStartUp() throws Exception {
    execute("UPDATE product_alias SET alias = '天气' WHERE product_code = 'SHBB'");

    assertThatThrownBy(() -> new CatalogService(repository, DEFAULTS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("天气");
  }

  @Test
  void anUnreachableDatabaseLeavesTheLastCatalogInService() {
    Database own = TestDatabases.newDatabase("catalog_service_down");
    CatalogRepository ownRepository = new CatalogRepository(own.dataSource());
    ownRepository.createPartner(new Partner("P1", "p"), ChangeHook.NONE);
    CatalogService service = new CatalogService(ownRepository, DEFAULTS);
    own.close();

    assertThatThrownBy(service::refresh).isInstanceOf(CatalogStoreException.class);
    assertThat(service.snapshot().version()).isEqualTo(1);
    assertThat(service.snapshot().content().partner("P1")).isPresent();
  }

  @Test
  void refreshesOnlyOnce() {
    CatalogService service = new CatalogService(repository, DEFAULTS);
    ScheduledExecutorService executor = CatalogService.newRefreshExecutor();
    try {
      service.startRefreshing(executor, Duration.ofMillis(500));
      assertThatThrownBy(() -> service.startRefreshing(executor, Duration.ofMillis(500)))
          .isInstanceOf(IllegalStateException.class);
    } finally {
      service.close();
      executor.shutdownNow();
    }
  }
}
