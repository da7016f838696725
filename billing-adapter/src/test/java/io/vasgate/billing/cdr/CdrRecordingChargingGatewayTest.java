package io.vasgate.billing.cdr;

import static io.vasgate.billing.charging.TestCharges.charge;
import static io.vasgate.billing.charging.TestCharges.freshMsisdn;
import static io.vasgate.billing.charging.TestCharges.refund;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.billing.charging.ChargeRequest;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.ChargingGateway;
import io.vasgate.billing.charging.ManualInstantSource;
import io.vasgate.billing.charging.RefundRequest;
import io.vasgate.billing.charging.ledger.LedgerChargingGateway;
import io.vasgate.billing.charging.ledger.LedgerRepository;
import io.vasgate.billing.charging.ledger.SubscriberAccount;
import io.vasgate.billing.charging.ledger.SubscriberAccountRepository;
import io.vasgate.command.catalog.ChargeType;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import io.vasgate.persistence.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdrRecordingChargingGatewayTest {

  private static final Instant START = Instant.parse("2024-05-01T02:03:04.567Z");

  private final ManualInstantSource clock = new ManualInstantSource(START);
  private Database db;
  private ExecutorService executor;
  private LedgerRepository ledgerEntries;
  private LedgerChargingGateway ledger;
  private SubscriberAccountRepository accounts;
  private CdrRepository cdrs;
  private CdrRecordingChargingGateway gateway;

  @BeforeAll
  void open() {
    db = TestDatabases.newDatabase("cdr_gateway");
    executor = Executors.newFixedThreadPool(16);
    ledgerEntries = new LedgerRepository(db.dataSource(), Optional.empty(), TestIds.source());
    ledger = new LedgerChargingGateway(ledgerEntries, executor, clock);
    accounts = new SubscriberAccountRepository(db.dataSource());
    cdrs = new CdrRepository(db.dataSource());
    gateway = new CdrRecordingChargingGateway(ledger, cdrs, executor, clock);
  }

  @BeforeEach
  void resetClock() {
    clock.set(START);
  }

  @AfterAll
  void close() {
    executor.shutdownNow();
    db.close();
  }

  @Test
  void writesOneRecordWithEveryFieldForASuccessfulCharge() {
    String msisdn = freshMsisdn();

    ChargeResult result = gateway.charge(charge("cdr-order-1", msisdn, 200)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.SUCCESS);
    Cdr cdr = cdrs.find(CdrType.CHARGE, "cdr-order-1").orElseThrow();
    assertThat(cdr.id()).isPositive();
    assertThat(cdr)
        .isEqualTo(
            new Cdr(
                cdr.id(),
                CdrType.CHARGE,
                "cdr-order-1",
                Optional.empty(),
                Optional.of("7"),
                msisdn,
                "901234",
                "10658880",
                "TQ",
                ChargeType.MONTHLY,
                200,
                START,
                START,
                Optional.of(7L),
                result.transactionId()));
  }

  @Test
  void writesNothingForAChargeThatFailed() {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 10), START);

    ChargeResult result = gateway.charge(charge("cdr-short-1", msisdn, 200)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.INSUFFICIENT_BALANCE);
    assertThat(cdrs.forBilledNumber(msisdn)).isEmpty();
  }

  @Test
  void writesOneRecordWhenAChargeIsRetriedWithTheSameKey() {
    String msisdn = freshMsisdn();
    gateway.charge(charge("cdr-retry-1", msisdn, 200)).join();
    clock.advance(Duration.ofMinutes(3));

    ChargeResult again = gateway.charge(charge("cdr-retry-1", msisdn, 200)).join();

    assertThat(again.status()).isEqualTo(ChargeStatus.SUCCESS);
    List<Cdr> records = cdrs.forBilledNumber(msisdn);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).chargedAt()).isBefore(clock.instant());
  }

  @Test
  void writesOneRecordUnderConcurrentCallsWithTheSameKey() throws Exception {
    String msisdn = freshMsisdn();
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<ChargeResult>> calls = new ArrayList<>();
    ExecutorService callers = Executors.newFixedThreadPool(12);
    try {
      for (int i = 0; i < 12; i++) {
        calls.add(
            CompletableFuture.supplyAsync(
                    () -> {
                      await(go);
                      return gateway.charge(charge("cdr-race-1", msisdn, 200));
                    },
                    callers)
                .thenCompose(f -> f));
      }
      go.countDown();
      for (CompletableFuture<ChargeResult> call : calls) {
        assertThat(call.get(30, TimeUnit.SECONDS).status()).isEqualTo(ChargeStatus.SUCCESS);
      }
    } finally {
      callers.shutdownNow();
    }

    assertThat(cdrs.forBilledNumber(msisdn)).hasSize(1);
    assertThat(ledgerEntries.entriesOf(msisdn)).hasSize(1);
  }

  @Test
  void recordsARefundOnceAsANegativeFeeOfTheChargedProduct() {
    String msisdn = freshMsisdn();
    ChargeResult charged = gateway.charge(charge("cdr-refunded-1", msisdn, 200)).join();
    clock.advance(Duration.ofHours(1));

    ChargeResult refunded =
        gateway.refund(refund("cdr-refund-1", "cdr-refunded-1", msisdn, 150)).join();
    gateway.refund(refund("cdr-refund-1", "cdr-refunded-1", msisdn, 150)).join();

    assertThat(refunded.status()).isEqualTo(ChargeStatus.SUCCESS);
    List<Cdr> records = cdrs.forBilledNumber(msisdn);
    assertThat(records).extracting(Cdr::type).containsExactly(CdrType.CHARGE, CdrType.REFUND);
    Cdr refund = records.get(1);
    assertThat(refund.feeFen()).isEqualTo(-150);
    assertThat(refund.chargeKey()).contains("cdr-refunded-1");
    assertThat(refund.partnerCode()).isEqualTo("901234");
    assertThat(refund.serviceNumber()).isEqualTo("10658880");
    assertThat(refund.productCode()).isEqualTo("TQ");
    assertThat(refund.chargeType()).isEqualTo(ChargeType.MONTHLY);
    assertThat(refund.transactionId())
        .isEqualTo(refunded.transactionId())
        .isNotEqualTo(charged.transactionId());
    assertThat(refund.chargedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
    assertThat(refund.causingMoId()).isEmpty();
  }

  @Test
  void recordsNoRefundThatWasRefused() {
    String msisdn = freshMsisdn();
    gateway.charge(charge("cdr-small-1", msisdn, 100)).join();

    ChargeResult refused =
        gateway.refund(refund("cdr-refund-big", "cdr-small-1", msisdn, 101)).join();

    assertThat(refused.status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(cdrs.find(CdrType.REFUND, "cdr-refund-big")).isEmpty();
  }

  @Test
  void passesOnARefundOfAnUnrecordedChargeWithoutInventingARecord() {
    String msisdn = freshMsisdn();
    ledger.charge(charge("cdr-unrecorded-1", msisdn, 100)).join();

    ChargeResult refunded =
        gateway.refund(refund("cdr-refund-unrecorded", "cdr-unrecorded-1", msisdn, 100)).join();

    assertThat(refunded.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(cdrs.forBilledNumber(msisdn)).isEmpty();
  }

  @Test
  void aBillingSystemElsewhereWhoseSuccessCannotBeRecordedIsAnsweredTemporaryAndRecordedOnRetry() {
    String msisdn = freshMsisdn();
    Database gone = TestDatabases.newDatabase("cdr_gone");
    // A billing system that keeps its books elsewhere (the BOSS): the record is a second step.
    ChargingGateway elsewhere =
        new ChargingGateway() {
          @Override
          public CompletableFuture<ChargeResult> charge(ChargeRequest request) {
            return ledger.charge(request);
          }

          @Override
          public CompletableFuture<ChargeResult> refund(RefundRequest request) {
            return ledger.refund(request);
          }
        };
    CdrRecordingChargingGateway unrecording =
        new CdrRecordingChargingGateway(
            elsewhere, new CdrRepository(gone.dataSource()), executor, clock);
    gone.close();

    ChargeResult first = unrecording.charge(charge("cdr-lost-1", msisdn, 200)).join();
    ChargeResult retried = gateway.charge(charge("cdr-lost-1", msisdn, 200)).join();

    assertThat(first.status()).isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(first.detail()).contains("retry with the same key");
    assertThat(retried.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(ledgerEntries.entriesOf(msisdn)).hasSize(1);
    assertThat(cdrs.forBilledNumber(msisdn)).hasSize(1);
  }

  @Test
  void aLedgerChargeWhoseRecordCannotBeWrittenMovesNoMoneyAndSucceedsOnRetry() throws Exception {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 1_000), START);
    execute(
        "CREATE TRIGGER cdr_refused BEFORE INSERT ON cdr FOR EACH ROW"
            + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'cdr store refuses'");
    ChargeResult first;
    try {
      first = gateway.charge(charge("cdr-atomic-1", msisdn, 200)).join();
    } finally {
      execute("DROP TRIGGER cdr_refused");
    }

    assertThat(first.status()).isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(ledgerEntries.entriesOf(msisdn)).isEmpty();
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(1_000);

    ChargeResult retried = gateway.charge(charge("cdr-atomic-1", msisdn, 200)).join();

    assertThat(retried.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(ledgerEntries.entriesOf(msisdn)).hasSize(1);
    assertThat(cdrs.forBilledNumber(msisdn)).hasSize(1);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(800);
  }

  private void execute(String sql) throws java.sql.SQLException {
    try (java.sql.Connection c = db.dataSource().getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
