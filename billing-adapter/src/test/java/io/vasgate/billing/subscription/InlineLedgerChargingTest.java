package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.billing.cdr.CdrRecordingChargingGateway;
import io.vasgate.billing.cdr.CdrRepository;
import io.vasgate.billing.charging.ChargeResult;
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
import io.vasgate.persistence.TestIds;
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
                new LedgerRepository(db.dataSource(), Optional.of(groupCommit), TestIds.source()),
                executor,
                clock),
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
            SubscriptionConfig.defaults(SubscriptionFixture.ZONE),
            TestIds.source());
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
                  // The charge it reports is in the epilogue's transaction, its rows among what
                  // waits for the batch's end (which a reader writes first).
                  var batch = io.vasgate.persistence.BatchScope.of(c);
                  if (batch.isPresent()) {
                    batch.get().writeDeferred(c);
                  }
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
    LedgerRepository ledger =
        new LedgerRepository(db.dataSource(), Optional.of(groupCommit), TestIds.source());
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
  void aChargeDecidedOnItsTransactionIsWrittenOnceAlreadySettled() throws Exception {
    // Neighbouring numbers: one lane, so the first two share a batch behind the gate.
    List<String> numbers = List.of("8613800000051", "8613800000052", "8613800000053");
    for (String n : numbers) {
      service.subscribe(n, products.get("TQ"), mo("KT TQ")).join();
    }
    // A claim would be written ATTEMPTED and then settled by an UPDATE: refuse every UPDATE.
    execute(
        "CREATE TRIGGER order_charge_written_once BEFORE UPDATE ON order_charge FOR EACH ROW"
            + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'order_charge updated'");
    List<CompletableFuture<SubscriptionOutcome.ForConfirm>> together;
    try (LaneGate gate = LaneGate.hold(groupCommit, numbers.get(0))) {
      together =
          List.of(
              service.confirm(numbers.get(0), SampleCatalog.PORT, mo("是")),
              service.confirm(numbers.get(1), SampleCatalog.PORT, mo("是")));
    }
    var alone = service.confirm(numbers.get(2), SampleCatalog.PORT, mo("是")).join();
    var used = service.use(numbers.get(2), products.get("XW"), mo("DG XW")).join();

    assertThat(together.get(0).join()).isInstanceOf(Subscribed.class);
    assertThat(together.get(1).join()).isInstanceOf(Subscribed.class);
    assertThat(alone).isInstanceOf(Subscribed.class);
    assertThat(used).isEqualTo(new Used(products.get("XW"), 50));
    assertThat(
            strings(
                "SELECT CONCAT(msisdn, ' ', reason, ' ', status, ' ', attempts, ' ',"
                    + " claimed_until IS NULL, ' ', settled_at IS NOT NULL) FROM order_charge"
                    + " ORDER BY msisdn, reason"))
        .containsExactly(
            numbers.get(0) + " ORDER SUCCESS 1 1 1",
            numbers.get(1) + " ORDER SUCCESS 1 1 1",
            numbers.get(2) + " ORDER SUCCESS 1 1 1",
            numbers.get(2) + " PER_USE SUCCESS 1 1 1");
  }

  @Test
  void aBatchedChargeWhoseKeyWasDecidedMeanwhileElsewhereGetsThatDecision() {
    LedgerRepository own =
        new LedgerRepository(db.dataSource(), Optional.empty(), TestIds.source());
    LedgerRepository batched =
        new LedgerRepository(db.dataSource(), Optional.of(groupCommit), TestIds.source());
    var request = TestCharges.charge("use-4242", "8613800000061", 50);
    LedgerEntry first = own.recordCharge(request, clock.instant());

    // Its entry waits for the batch's end, where the key is refused; rerun alone, it is refused
    // at once and reads the first decision back.
    LedgerEntry again = batched.recordCharge(request, clock.instant());

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.result()).isEqualTo(first.result());
    assertThat(count("SELECT COUNT(*) FROM ledger_entry WHERE idempotency_key = 'use-4242'"))
        .isEqualTo(1);
  }

  @Test
  void aDecidedChargeWhoseKeyIsAlreadyRecordedKeepsTheOutcomeThatHolds() throws Exception {
    OrderChargeRepository charges = new OrderChargeRepository();
    Product weather = products.get("TQ");
    OrderCharge unknown = charge("order-9001", weather);
    OrderCharge rejected = charge("order-9002", weather);
    try (Connection c = db.dataSource().getConnection()) {
      charges.claim(c, unknown, clock.instant(), clock.instant().plusSeconds(60));
      charges.settle(
          c,
          unknown.idempotencyKey(),
          new ChargeResult(ChargeStatus.TEMPORARY_FAILURE, "", "timeout"),
          clock.instant());
      charges.claim(c, rejected, clock.instant(), clock.instant().plusSeconds(60));
      charges.settle(
          c,
          rejected.idempotencyKey(),
          new ChargeResult(ChargeStatus.REJECTED, "", "barred"),
          clock.instant());

      assertThat(
              charges
                  .recordDecided(
                      c,
                      unknown,
                      new ChargeResult(ChargeStatus.SUCCESS, "t-1", "ok"),
                      clock.instant())
                  .status())
          .as("an unknown outcome is settled by the decision")
          .isEqualTo(ChargeStatus.SUCCESS);
      assertThat(
              charges
                  .recordDecided(
                      c,
                      rejected,
                      new ChargeResult(ChargeStatus.SUCCESS, "t-1", "ok"),
                      clock.instant())
                  .status())
          .as("a final outcome holds")
          .isEqualTo(ChargeStatus.REJECTED);
    }
    assertThat(strings("SELECT CONCAT(idempotency_key, ' ', status) FROM order_charge ORDER BY 1"))
        .containsExactly("order-9001 SUCCESS", "order-9002 REJECTED");
  }

  private OrderCharge charge(String key, Product product) {
    return OrderCharge.attempt(
        key,
        A,
        product,
        200,
        io.vasgate.billing.charging.ChargeReason.ORDER,
        Optional.empty(),
        Optional.empty(),
        clock.instant(),
        clock.instant().plusSeconds(60));
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
