package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.billing.cdr.CdrRecordingChargingGateway;
import io.vasgate.billing.cdr.CdrRepository;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.ChargingGateway;
import io.vasgate.billing.charging.TestCharges;
import io.vasgate.billing.charging.ledger.LedgerChargingGateway;
import io.vasgate.billing.charging.ledger.LedgerEntry;
import io.vasgate.billing.charging.ledger.LedgerRepository;
import io.vasgate.billing.charging.ledger.SubscriberAccount;
import io.vasgate.billing.charging.ledger.SubscriberAccountRepository;
import io.vasgate.billing.subscription.SubscriptionOutcome.ChargeFailed;
import io.vasgate.billing.subscription.SubscriptionOutcome.ConfirmationRequired;
import io.vasgate.billing.subscription.SubscriptionOutcome.Subscribed;
import io.vasgate.billing.subscription.SubscriptionOutcome.Used;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.SampleCatalog;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.GroupCommit;
import io.vasgate.persistence.LaneGate;
import io.vasgate.persistence.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With the internal ledger (as the gateway ships), a command's order, its charge, the charge's
 * record and the order's activation are one transaction: all happen or none.
 */
class InlineLedgerChargingTest {

  private static final String A = "8613800000001";

  private static final AtomicLong moIds = new AtomicLong(5000);

  private final Map<String, Product> products =
      SampleCatalog.products().stream().collect(Collectors.toMap(Product::code, p -> p));
  private Database db;
  private ExecutorService executor;
  private GroupCommit groupCommit;
  private ManualClock clock;
  private SubscriptionService service;

  @BeforeEach
  void start() {
    db = TestDatabases.newDatabase("inline-ledger");
    executor = Executors.newFixedThreadPool(8);
    clock = new ManualClock(SubscriptionFixture.START, SubscriptionFixture.ZONE);
    groupCommit =
        new GroupCommit(
            db.dataSource(), 2, 64, "inline", Optional.of(SubscriptionRepository::openBatch));
    ChargingGateway charging =
        new CdrRecordingChargingGateway(
            new LedgerChargingGateway(
                new LedgerRepository(db.dataSource(), Optional.of(groupCommit)), executor, clock),
            new CdrRepository(db.dataSource(), Optional.of(groupCommit)),
            executor,
            clock);
    Function<String, Optional<Product>> catalog = code -> Optional.ofNullable(products.get(code));
    service =
        new SubscriptionService(
            db.dataSource(),
            Optional.of(groupCommit),
            charging,
            catalog,
            clock,
            executor,
            SubscriptionConfig.defaults(SubscriptionFixture.ZONE));
    new SubscriberAccountRepository(db.dataSource())
        .save(SubscriberAccount.prepaid(A, 1_000), clock.instant());
  }

  @AfterEach
  void stop() {
    groupCommit.close();
    executor.shutdownNow();
    db.close();
  }

  private MoRef mo(String text) {
    return new MoRef(moIds.incrementAndGet(), clock.instant(), text, "SMS");
  }

  @Test
  void aConfirmedOrderIsChargedRecordedAndActivatedWithNoChargeLeftInFlight() {
    assertThat(service.subscribe(A, products.get("TQ"), mo("KT TQ")).join())
        .isInstanceOf(ConfirmationRequired.class);

    var outcome = service.confirm(A, SampleCatalog.PORT, mo("是")).join();

    assertThat(outcome).isInstanceOf(Subscribed.class);
    assertThat(((Subscribed) outcome).chargedFen()).isEqualTo(200);
    assertThat(balance()).isEqualTo(800);
    assertThat(strings("SELECT status FROM order_charge")).containsExactly("SUCCESS");
    assertThat(strings("SELECT CONCAT(cdr_type, ' ', fee_fen) FROM cdr"))
        .containsExactly("CHARGE 200");
    assertThat(strings("SELECT state FROM subscription")).containsExactly("ACTIVE");
    assertThat(strings("SELECT to_state FROM subscription_transition ORDER BY id"))
        .containsExactly("PENDING_CONFIRMATION", "PENDING_CHARGE", "ACTIVE");
  }

  @Test
  void anEpilogueRunsWithTheOutcomeInTheTransactionThatDecidedIt() throws Exception {
    execute("CREATE TABLE epilogue_seen (outcome VARCHAR(64) NOT NULL)");
    service.subscribe(A, products.get("TQ"), mo("KT TQ")).join();

    var outcome =
        service
            .confirm(
                A,
                SampleCatalog.PORT,
                mo("是"),
                (c, decided) -> {
                  // The charge it reports is already visible to the epilogue's connection.
                  assertThat(count(c, "SELECT COUNT(*) FROM ledger_entry")).isEqualTo(1);
                  try (PreparedStatement ps =
                      c.prepareStatement("INSERT INTO epilogue_seen (outcome) VALUES (?)")) {
                    ps.setString(1, decided.getClass().getSimpleName());
                    ps.executeUpdate();
                  }
                })
            .join();

    assertThat(outcome).isInstanceOf(Subscribed.class);
    assertThat(strings("SELECT outcome FROM epilogue_seen")).containsExactly("Subscribed");
  }

  @Test
  void whenTheEpilogueFailsNothingOfTheCommandHappens() {
    service.subscribe(A, products.get("TQ"), mo("KT TQ")).join();

    assertThatThrownBy(
            () ->
                service
                    .confirm(
                        A,
                        SampleCatalog.PORT,
                        mo("是"),
                        (c, decided) -> {
                          throw new SQLException("reply store refused");
                        })
                    .join())
        .isInstanceOf(CompletionException.class)
        .hasRootCauseMessage("reply store refused");

    assertThat(balance()).as("no money moved").isEqualTo(1_000);
    assertThat(count("SELECT COUNT(*) FROM cdr")).isZero();
    assertThat(strings("SELECT state FROM subscription")).containsExactly("PENDING_CONFIRMATION");
  }

  @Test
  void anOutcomeKnownWithoutTheDatabaseRunsNoEpilogue() {
    List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    // A per-use product needs no subscription: answered before any transaction.
    var outcome =
        service.subscribe(A, products.get("XW"), mo("DG XW"), (c, o) -> seen.add(o)).join();

    assertThat(outcome).isInstanceOf(SubscriptionOutcome.NoSubscriptionNeeded.class);
    assertThat(seen).isEmpty();
  }

  @Test
  void chargesOfOneNumberInOneBatchEachSeeTheBalanceTheOthersLeft() throws Exception {
    LedgerRepository ledger = new LedgerRepository(db.dataSource(), Optional.of(groupCommit));
    CompletableFuture<LedgerEntry> first;
    CompletableFuture<LedgerEntry> second;
    try (LaneGate gate = LaneGate.hold(groupCommit, A)) {
      first =
          groupCommit.submit(
              "first",
              A,
              c ->
                  ledger.recordChargeOn(
                      c, TestCharges.charge("k-1", A, 600), clock.instant(), (x, e) -> {}));
      second =
          groupCommit.submit(
              "second",
              A,
              c ->
                  ledger.recordChargeOn(
                      c, TestCharges.charge("k-2", A, 600), clock.instant(), (x, e) -> {}));
    }

    assertThat(first.join().status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(second.join().status()).isEqualTo(ChargeStatus.INSUFFICIENT_BALANCE);
    assertThat(balance()).isEqualTo(400);
    // Decided right the first time, not by the balance's CHECK failing the batch and a rerun.
    assertThat(groupCommit.stats().reruns()).isZero();
  }

  @Test
  void aConfirmationRepeatedAfterTheChargeChargesNothingMore() {
    service.subscribe(A, products.get("TQ"), mo("KT TQ")).join();
    service.confirm(A, SampleCatalog.PORT, mo("是")).join();

    service.confirm(A, SampleCatalog.PORT, mo("是")).join();
    service.subscribe(A, products.get("TQ"), mo("KT TQ")).join();

    assertThat(balance()).isEqualTo(800);
    assertThat(count("SELECT COUNT(*) FROM ledger_entry")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM cdr")).isEqualTo(1);
  }

  @Test
  void whenTheChargesRecordCannotBeWrittenNothingOfTheConfirmationHappens() throws Exception {
    service.subscribe(A, products.get("TQ"), mo("KT TQ")).join();
    execute(
        "CREATE TRIGGER cdr_refused BEFORE INSERT ON cdr FOR EACH ROW"
            + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'cdr store refused'");

    assertThatThrownBy(() -> service.confirm(A, SampleCatalog.PORT, mo("是")).join())
        .isInstanceOf(CompletionException.class);

    assertThat(balance()).as("no money moved").isEqualTo(1_000);
    assertThat(count("SELECT COUNT(*) FROM ledger_entry")).isZero();
    assertThat(count("SELECT COUNT(*) FROM order_charge")).isZero();
    assertThat(strings("SELECT state FROM subscription")).containsExactly("PENDING_CONFIRMATION");

    execute("DROP TRIGGER cdr_refused");
    assertThat(service.confirm(A, SampleCatalog.PORT, mo("是")).join())
        .isInstanceOf(Subscribed.class);
    assertThat(balance()).isEqualTo(800);
    assertThat(count("SELECT COUNT(*) FROM cdr")).isEqualTo(1);
  }

  @Test
  void aFailingNeighbourInTheSameBatchCostsNoOneASecondCharge() throws Exception {
    String refused = "8613800000099";
    List<String> numbers = new java.util.ArrayList<>();
    for (int i = 10; i < 40; i++) {
      numbers.add("86138000000" + i);
    }
    numbers.add(refused);
    for (String n : numbers) {
      service.subscribe(n, products.get("TQ"), mo("KT TQ")).join();
    }
    execute(
        "CREATE TRIGGER cdr_refused BEFORE INSERT ON cdr FOR EACH ROW BEGIN"
            + " IF NEW.billed_number = '"
            + refused
            + "' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'cdr store refused'; END IF; END");
    // Concurrent confirmations share transactions (group commit); a batch holding the one that
    // fails runs again, each work on its own.
    List<java.util.concurrent.CompletableFuture<SubscriptionOutcome.ForConfirm>> confirms =
        numbers.stream().map(n -> service.confirm(n, SampleCatalog.PORT, mo("是"))).toList();

    for (int i = 0; i < numbers.size(); i++) {
      if (numbers.get(i).equals(refused)) {
        assertThatThrownBy(confirms.get(i)::join).isInstanceOf(CompletionException.class);
      } else {
        assertThat(confirms.get(i).join()).isInstanceOf(Subscribed.class);
      }
    }
    assertThat(count("SELECT COUNT(*) FROM ledger_entry")).isEqualTo(numbers.size() - 1);
    assertThat(count("SELECT COUNT(*) FROM cdr")).isEqualTo(numbers.size() - 1);
    assertThat(count("SELECT COUNT(DISTINCT billed_number) FROM cdr"))
        .isEqualTo(numbers.size() - 1);
    assertThat(count("SELECT COUNT(*) FROM subscription WHERE state = 'ACTIVE'"))
        .isEqualTo(numbers.size() - 1);
    assertThat(strings("SELECT state FROM subscription WHERE msisdn = '" + refused + "'"))
        .containsExactly("PENDING_CONFIRMATION");
  }

  @Test
  void perUseChargesAreSettledWithTheirUseUntilTheBalanceRunsOut() {
    Product news = products.get("XW");
    new SubscriberAccountRepository(db.dataSource())
        .save(SubscriberAccount.prepaid(A, 120), clock.instant());

    assertThat(service.use(A, news, mo("DG XW")).join()).isEqualTo(new Used(news, 50));
    assertThat(service.use(A, news, mo("DG XW")).join()).isEqualTo(new Used(news, 50));
    var third = service.use(A, news, mo("DG XW")).join();

    assertThat(third).isInstanceOf(ChargeFailed.class);
    assertThat(((ChargeFailed) third).status()).isEqualTo(ChargeStatus.INSUFFICIENT_BALANCE);
    assertThat(balance()).isEqualTo(20);
    assertThat(strings("SELECT status FROM order_charge ORDER BY created_at, idempotency_key"))
        .containsExactlyInAnyOrder("SUCCESS", "SUCCESS", "INSUFFICIENT_BALANCE");
    assertThat(count("SELECT COUNT(*) FROM cdr")).as("a record per success only").isEqualTo(2);
  }

  private long balance() {
    return new SubscriberAccountRepository(db.dataSource()).find(A).orElseThrow().balanceFen();
  }

  private long count(String sql) {
    return Long.parseLong(strings(sql).get(0));
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<String> strings(String sql) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<String> values = new java.util.ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
