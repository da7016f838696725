package io.vasgate.billing.charging.ledger;

import static io.vasgate.billing.charging.TestCharges.charge;
import static io.vasgate.billing.charging.TestCharges.freshMsisdn;
import static io.vasgate.billing.charging.TestCharges.refund;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.ManualInstantSource;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import io.vasgate.persistence.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerChargingGatewayTest {

  private static final Instant START = Instant.parse("2024-05-01T02:00:00Z");

  private Database db;
  private ExecutorService executor;
  private ExecutorService callers;
  private final ManualInstantSource clock = new ManualInstantSource(START);
  private LedgerRepository ledger;
  private SubscriberAccountRepository accounts;
  private LedgerChargingGateway gateway;

  @BeforeAll
  void openLedger() {
    db = TestDatabases.newDatabase("ledger");
    executor = Executors.newFixedThreadPool(8);
    callers = Executors.newFixedThreadPool(16);
    ledger = new LedgerRepository(db.dataSource(), Optional.empty(), TestIds.source());
    accounts = new SubscriberAccountRepository(db.dataSource());
    gateway = new LedgerChargingGateway(ledger, executor, clock);
  }

  @BeforeEach
  void resetClock() {
    clock.set(START);
  }

  @AfterAll
  void closeLedger() {
    callers.shutdownNow();
    executor.shutdownNow();
    db.close();
  }

  @Test
  void chargesAPostpaidNumberThatHasNoAccount() {
    String msisdn = freshMsisdn();

    ChargeResult result = gateway.charge(charge("postpaid-1", msisdn, 200)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(result.transactionId()).startsWith(LedgerEntry.TRANSACTION_ID_PREFIX);
    assertThat(accounts.find(msisdn)).isEmpty();
    List<LedgerEntry> entries = ledger.entriesOf(msisdn);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).balanceAfterFen()).isEmpty();
    assertThat(entries.get(0).createdAt()).isEqualTo(START);
    assertThat(entries.get(0).result()).isEqualTo(result);
  }

  @Test
  void debitsAPrepaidBalance() {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 500), START);

    ChargeResult result = gateway.charge(charge("prepaid-1", msisdn, 200)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(300);
    assertThat(ledger.find(LedgerEntryType.CHARGE, "prepaid-1").orElseThrow().balanceAfterFen())
        .contains(300L);
  }

  @Test
  void refusesAChargeTheBalanceDoesNotCoverAndMovesNothing() {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 199), START);

    ChargeResult result = gateway.charge(charge("short-1", msisdn, 200)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.INSUFFICIENT_BALANCE);
    assertThat(result.transactionId()).isEmpty();
    assertThat(result.detail()).contains("199").contains("200");
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(199);
  }

  @Test
  void chargesTheWholeBalanceWhenItIsExactlyThePrice() {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 200), START);

    assertThat(gateway.charge(charge("exact-1", msisdn, 200)).join().status())
        .isEqualTo(ChargeStatus.SUCCESS);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isZero();
  }

  @Test
  void rejectsBarredNumbersPrepaidOrPostpaid() {
    String prepaid = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(prepaid, 1000).withBarred(true), START);
    String postpaid = freshMsisdn();
    accounts.setBarred(postpaid, true, START);

    ChargeResult first = gateway.charge(charge("barred-1", prepaid, 200)).join();
    ChargeResult second = gateway.charge(charge("barred-2", postpaid, 200)).join();

    assertThat(first.status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(second.status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(accounts.find(prepaid).orElseThrow().balanceFen()).isEqualTo(1000);
    assertThat(accounts.find(postpaid).orElseThrow().prepaid()).isFalse();
  }

  @Test
  void answersARepeatedKeyWithTheFirstOutcomeAndMovesMoneyOnce() {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 1000), START);

    ChargeResult first = gateway.charge(charge("repeat-1", msisdn, 300)).join();
    clock.advance(Duration.ofMinutes(5));
    ChargeResult again = gateway.charge(charge("repeat-1", msisdn, 300)).join();

    assertThat(again).isEqualTo(first);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(700);
    assertThat(ledger.entriesOf(msisdn)).hasSize(1);
  }

  @Test
  void keepsADefiniteFailureForItsKeyEvenAfterATopUp() {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 100), START);
    assertThat(gateway.charge(charge("topup-1", msisdn, 300)).join().status())
        .isEqualTo(ChargeStatus.INSUFFICIENT_BALANCE);

    accounts.topUp(msisdn, 500, START);

    assertThat(gateway.charge(charge("topup-1", msisdn, 300)).join().status())
        .isEqualTo(ChargeStatus.INSUFFICIENT_BALANCE);
    assertThat(gateway.charge(charge("topup-1-attempt-2", msisdn, 300)).join().status())
        .isEqualTo(ChargeStatus.SUCCESS);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(300);
  }

  @Test
  void refusesAKeyReusedForADifferentChargeWithoutMovingMoney() {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 1000), START);
    ChargeResult first = gateway.charge(charge("reuse-1", msisdn, 200)).join();

    ChargeResult reused = gateway.charge(charge("reuse-1", msisdn, 300)).join();
    ChargeResult otherNumber = gateway.charge(charge("reuse-1", freshMsisdn(), 200)).join();

    assertThat(first.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(reused.status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(reused.detail()).contains("reuse-1");
    assertThat(otherNumber.status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(800);
  }

  @Test
  void chargesOnceUnderConcurrentCallsWithTheSameKey() throws Exception {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 1000), START);

    List<ChargeResult> results =
        concurrently(16, () -> gateway.charge(charge("race-1", msisdn, 300)));

    assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(ChargeStatus.SUCCESS));
    assertThat(results.stream().distinct()).hasSize(1);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(700);
    assertThat(ledger.entriesOf(msisdn)).hasSize(1);
  }

  @Test
  void chargesOnceUnderConcurrentCallsWithTheSameKeyWhenThereIsNoAccountToLock() throws Exception {
    String msisdn = freshMsisdn();

    List<ChargeResult> results =
        concurrently(16, () -> gateway.charge(charge("race-postpaid-1", msisdn, 300)));

    assertThat(results.stream().distinct()).hasSize(1);
    assertThat(results.get(0).status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(ledger.entriesOf(msisdn)).hasSize(1);
  }

  @Test
  void neverOverdrawsUnderConcurrentChargesWithDifferentKeys() throws Exception {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 1000), START);
    AtomicInteger keys = new AtomicInteger();

    List<ChargeResult> results =
        concurrently(
            10, () -> gateway.charge(charge("drain-" + keys.incrementAndGet(), msisdn, 300)));

    Map<ChargeStatus, Long> byStatus =
        results.stream()
            .collect(Collectors.groupingBy(ChargeResult::status, Collectors.counting()));
    assertThat(byStatus)
        .containsEntry(ChargeStatus.SUCCESS, 3L)
        .containsEntry(ChargeStatus.INSUFFICIENT_BALANCE, 7L);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(100);
    assertThat(ledger.entriesOf(msisdn)).hasSize(10);
  }

  @Test
  void refundsASuccessfulChargeBackToThePrepaidBalance() {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 500), START);
    gateway.charge(charge("to-refund-1", msisdn, 300)).join();

    ChargeResult refunded = gateway.refund(refund("refund-1", "to-refund-1", msisdn, 300)).join();

    assertThat(refunded.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(refunded.transactionId()).startsWith(LedgerEntry.TRANSACTION_ID_PREFIX);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(500);
    assertThat(ledger.find(LedgerEntryType.CHARGE, "to-refund-1").orElseThrow().refundedFen())
        .isEqualTo(300);
    assertThat(ledger.find(LedgerEntryType.REFUND, "refund-1").orElseThrow().chargeKey())
        .contains("to-refund-1");
  }

  @Test
  void refusesRefundsOfChargesThatDoNotExistOrDidNotSucceed() {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 100), START);
    gateway.charge(charge("failed-charge-1", msisdn, 300)).join();

    ChargeResult ofNothing = gateway.refund(refund("refund-none", "no-such", msisdn, 100)).join();
    ChargeResult ofFailure =
        gateway.refund(refund("refund-failed", "failed-charge-1", msisdn, 100)).join();

    assertThat(ofNothing.status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(ofNothing.detail()).contains("no-such");
    assertThat(ofFailure.status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(100);
  }

  @Test
  void refusesARefundToAnotherNumber() {
    String charged = freshMsisdn();
    gateway.charge(charge("other-number-1", charged, 300)).join();

    ChargeResult result =
        gateway.refund(refund("refund-other", "other-number-1", freshMsisdn(), 100)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(ledger.find(LedgerEntryType.CHARGE, "other-number-1").orElseThrow().refundedFen())
        .isZero();
  }

  @Test
  void refundsAtMostTheChargedAmountOverSeveralRefunds() {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 300), START);
    gateway.charge(charge("partial-1", msisdn, 300)).join();

    ChargeStatus first = gateway.refund(refund("p-r1", "partial-1", msisdn, 200)).join().status();
    ChargeResult tooMuch = gateway.refund(refund("p-r2", "partial-1", msisdn, 101)).join();
    ChargeStatus rest = gateway.refund(refund("p-r3", "partial-1", msisdn, 100)).join().status();
    ChargeStatus oneMore = gateway.refund(refund("p-r4", "partial-1", msisdn, 1)).join().status();

    assertThat(first).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(tooMuch.status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(tooMuch.detail()).contains("100 fen left");
    assertThat(rest).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(oneMore).isEqualTo(ChargeStatus.REJECTED);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(300);
    assertThat(ledger.find(LedgerEntryType.CHARGE, "partial-1").orElseThrow().refundedFen())
        .isEqualTo(300);
  }

  @Test
  void refundsOncePerKey() {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 300), START);
    gateway.charge(charge("once-1", msisdn, 300)).join();

    ChargeResult first = gateway.refund(refund("once-r", "once-1", msisdn, 100)).join();
    ChargeResult again = gateway.refund(refund("once-r", "once-1", msisdn, 100)).join();

    assertThat(again).isEqualTo(first);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(100);
    assertThat(ledger.find(LedgerEntryType.CHARGE, "once-1").orElseThrow().refundedFen())
        .isEqualTo(100);
  }

  @Test
  void neverRefundsMoreThanChargedUnderConcurrentRefunds() throws Exception {
    String msisdn = freshMsisdn();
    accounts.save(SubscriberAccount.prepaid(msisdn, 300), START);
    gateway.charge(charge("race-refund-1", msisdn, 300)).join();
    AtomicInteger keys = new AtomicInteger();

    List<ChargeResult> results =
        concurrently(
            6,
            () ->
                gateway.refund(
                    refund("rr-" + keys.incrementAndGet(), "race-refund-1", msisdn, 100)));

    assertThat(results.stream().filter(ChargeResult::succeeded)).hasSize(3);
    assertThat(accounts.find(msisdn).orElseThrow().balanceFen()).isEqualTo(300);
    assertThat(ledger.find(LedgerEntryType.CHARGE, "race-refund-1").orElseThrow().refundedFen())
        .isEqualTo(300);
  }

  @Test
  void rejectsARequestTooLongToStoreWithoutRecordingIt() {
    String longNumber = "8".repeat(SubscriberAccount.MAX_MSISDN_LENGTH + 1);

    ChargeResult result = gateway.charge(charge("too-long-1", longNumber, 100)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(ledger.find(LedgerEntryType.CHARGE, "too-long-1")).isEmpty();
  }

  @Test
  void answersTemporaryFailureRatherThanFailingWhenTheDatabaseIsGone() {
    Database gone = TestDatabases.newDatabase("ledger_gone");
    LedgerChargingGateway broken =
        new LedgerChargingGateway(
            new LedgerRepository(gone.dataSource(), Optional.empty(), TestIds.source()),
            executor,
            clock);
    gone.close();

    CompletableFuture<ChargeResult> charged = broken.charge(charge("gone-1", freshMsisdn(), 100));
    CompletableFuture<ChargeResult> refunded =
        broken.refund(refund("gone-r", "gone-1", freshMsisdn(), 100));

    assertThat(charged.join().status()).isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(refunded.join().status()).isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(charged).isNotCompletedExceptionally();
  }

  /** Starts {@code n} calls at once from {@code n} threads and waits for all their answers. */
  private List<ChargeResult> concurrently(int n, Supplier<CompletableFuture<ChargeResult>> call)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<ChargeResult>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(
          CompletableFuture.supplyAsync(
                  () -> {
                    ready.countDown();
                    try {
                      go.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new IllegalStateException(e);
                    }
                    return call.get();
                  },
                  callers)
              .thenCompose(f -> f));
    }
    assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
    go.countDown();
    List<ChargeResult> results = new ArrayList<>();
    for (CompletableFuture<ChargeResult> f : futures) {
      results.add(f.get(30, TimeUnit.SECONDS));
    }
    return results;
  }
}
