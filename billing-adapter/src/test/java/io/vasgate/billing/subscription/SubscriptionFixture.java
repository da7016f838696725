package io.vasgate.billing.subscription;

import io.vasgate.billing.renewal.RenewalConfig;
import io.vasgate.billing.renewal.RenewalJob;
import io.vasgate.billing.renewal.SubscriberNotifier;
import io.vasgate.command.catalog.ConfirmationPolicy;
import io.vasgate.command.catalog.FirstMonthPolicy;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.SampleCatalog;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.GroupCommit;
import io.vasgate.persistence.TestDatabases;
import io.vasgate.persistence.TestIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fresh schema on the shared embedded MariaDB, a hand-moved clock, a scriptable billing system
 * and a mutable catalog: the sample products plus a few made for the tests.
 */
public final class SubscriptionFixture implements AutoCloseable {

  /** The billing zone of the tests. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Monthly 300 fen, no confirmation, no trial, full first month. */
  public static final String DIRECT = "YD";

  /** The number every test product is offered on. */
  public static final String PORT = SampleCatalog.PORT;

  /** Where the clock starts: 10:00 on 10 January 2025 in the billing zone. */
  public static final Instant START = at(LocalDate.of(2025, 1, 10), LocalTime.of(10, 0));

  private static final AtomicLong moIds = new AtomicLong(1000);

  public final Database db;
  public final ManualClock clock;
  public final FakeChargingGateway gateway = new FakeChargingGateway();
  public final Map<String, Product> products = new ConcurrentHashMap<>();
  public final ExecutorService executor = Executors.newFixedThreadPool(32);
  public final Optional<GroupCommit> groupCommit;
  public final SubscriptionService service;

  public SubscriptionFixture(String purpose) {
    this(purpose, SubscriptionConfig.defaults(ZONE));
  }

  /** Commands share transactions (group commit), as the gateway runs them. */
  public SubscriptionFixture(String purpose, SubscriptionConfig config) {
    this(purpose, config, true);
  }

  /**
   * @param groupCommit whether commands share transactions, as the gateway runs them
   */
  public SubscriptionFixture(String purpose, SubscriptionConfig config, boolean groupCommit) {
    db = TestDatabases.newDatabase(purpose);
    clock = new ManualClock(START, ZONE);
    resetCatalog();
    this.groupCommit =
        groupCommit
            ? Optional.of(
                new GroupCommit(
                    db.dataSource(),
                    2,
                    64,
                    purpose,
                    Optional.of(SubscriptionRepository::openBatch)))
            : Optional.empty();
    service =
        new SubscriptionService(
            db.dataSource(),
            this.groupCommit,
            gateway,
            this::product,
            clock,
            executor,
            config,
            TestIds.source());
  }

  /**
   * Empties the subscription tables and puts clock, billing system and catalog back where they
   * started: a schema per test class costs a second, clearing it milliseconds.
   */
  public void reset() {
    update("DELETE FROM order_charge");
    update("DELETE FROM subscription_transition");
    update("DELETE FROM subscription_list");
    update("DELETE FROM subscription");
    clock.set(START);
    gateway.reset();
    resetCatalog();
  }

  private void resetCatalog() {
    products.clear();
    for (Product p : SampleCatalog.products()) {
      products.put(p.code(), p);
    }
    put(monthly(DIRECT, "06").build());
  }

  /** A monthly product on {@link #PORT} at 300 fen, no confirmation, to adjust. */
  public static Product.Builder monthly(String code, String extension) {
    return Product.builder(code)
        .names("测试" + code, "Test " + code)
        .partner(SampleCatalog.PARTNER)
        .offeredOn(PORT, extension)
        .monthly(300)
        .firstMonth(FirstMonthPolicy.FULL_PRICE)
        .confirmation(ConfirmationPolicy.NONE);
  }

  public Product put(Product product) {
    products.put(product.code(), product);
    return product;
  }

  public Optional<Product> product(String code) {
    return Optional.ofNullable(products.get(code));
  }

  public Product get(String code) {
    return products.get(code);
  }

  public RenewalJob renewalJob(RenewalConfig config, SubscriberNotifier notifier) {
    return new RenewalJob(
        db.dataSource(), gateway, this::product, notifier, clock, executor, config);
  }

  /** An MO with a fresh id, received now. */
  public MoRef mo(String text) {
    return new MoRef(moIds.incrementAndGet(), clock.instant(), text, "SMS");
  }

  /** {@code time} on {@code day} in the billing zone. */
  public static Instant at(LocalDate day, LocalTime time) {
    return ZonedDateTime.of(day, time, ZONE).toInstant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }

  /** Moves the clock to 10:00 on {@code day}. */
  public void goTo(LocalDate day) {
    clock.set(at(day, LocalTime.of(10, 0)));
  }

  public void advance(Duration by) {
    clock.advance(by);
  }

  /** A single number from {@code sql}. */
  public long count(String sql, Object... args) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a statement, for tests that arrange rows by hand. */
  public int update(String sql, Object... args) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Everything stored about {@code msisdn}. */
  public SubscriptionHistory history(String msisdn) {
    return service.history(msisdn).join();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    groupCommit.ifPresent(GroupCommit::close);
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    db.close();
  }
}
