package io.vasgate.billing.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.billing.charging.ChargeReason;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.subscription.FakeChargingGateway.SimulatedCrash;
import io.vasgate.billing.subscription.OrderCharge;
import io.vasgate.billing.subscription.OrderChargeStatus;
import io.vasgate.billing.subscription.StateTransition;
import io.vasgate.billing.subscription.Subscription;
import io.vasgate.billing.subscription.SubscriptionFixture;
import io.vasgate.billing.subscription.SubscriptionOutcome;
import io.vasgate.billing.subscription.SubscriptionState;
import io.vasgate.billing.subscription.TransitionCause;
import io.vasgate.command.catalog.ProductStatus;
import io.vasgate.persistence.LaneGate;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monthly renewal job against the real database. */
class RenewalJobTest {

  private static final String A = "13800138000";
  private static final String B = "13900139000";
  private static final String DIRECT = SubscriptionFixture.DIRECT;
  private static final LocalDate FEB_1 = LocalDate.of(2025, 2, 1);

  private static SubscriptionFixture f;
  private RecordingNotifier notifier;
  private RenewalJob job;

  @BeforeAll
  static void start() {
    f = new SubscriptionFixture("sub_renewal");
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @BeforeEach
  void reset() {
    f.reset();
    notifier = new RecordingNotifier();
    job = f.renewalJob(RenewalConfig.defaults(), notifier);
  }

  private Subscription subscribe(String msisdn, String code) {
    f.service.subscribe(msisdn, f.get(code), f.mo("KT " + code)).join();
    return current(msisdn, code);
  }

  private Subscription current(String msisdn, String code) {
    List<Subscription> rows = f.history(msisdn).subscriptions();
    return rows.stream()
        .filter(s -> s.productCode().equals(code))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private RenewalReport run(LocalDate day) {
    f.goTo(day);
    return job.runOnce(day).join();
  }

  @Test
  void chargesActiveSubscriptionsOnTheirRenewalDateAndMovesTheDateOn() {
    Subscription yd = subscribe(A, DIRECT);
    assertThat(yd.nextChargeDate()).contains(FEB_1);

    assertThat(run(LocalDate.of(2025, 1, 31)).renewed()).isZero();
    RenewalReport report = run(FEB_1);

    assertThat(report.renewed()).isEqualTo(1);
    assertThat(report.chargedFen()).isEqualTo(300);
    String key = "renewal-" + yd.id() + "-2025-02";
    assertThat(f.gateway.calls(key)).isEqualTo(1);
    assertThat(f.gateway.requests().get(1).reason()).isEqualTo(ChargeReason.RENEWAL);
    assertThat(f.gateway.requests().get(1).causingMoId()).isEmpty();
    assertThat(current(A, DIRECT).nextChargeDate()).contains(LocalDate.of(2025, 3, 1));
    assertThat(notifier.renewed)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.period()).isEqualTo(YearMonth.of(2025, 2));
              assertThat(r.chargedFen()).isEqualTo(300);
              assertThat(r.trialEnded()).isFalse();
            });
  }

  @Test
  void runningTwiceOnTheSameDayChargesOnce() {
    subscribe(A, DIRECT);
    subscribe(B, DIRECT);

    RenewalReport first = run(FEB_1);
    RenewalReport second = run(FEB_1);

    assertThat(first.renewed()).isEqualTo(2);
    assertThat(second.renewed()).isZero();
    assertThat(second.chargedFen()).isZero();
    assertThat(f.gateway.requests()).hasSize(4);
  }

  @Test
  void neverChargesACancelledSubscription() {
    subscribe(A, DIRECT);
    f.goTo(LocalDate.of(2025, 1, 20));
    f.service.unsubscribe(A, f.get(DIRECT), f.mo("TD")).join();

    RenewalReport report = run(FEB_1);

    assertThat(report.renewed()).isZero();
    assertThat(f.gateway.requests()).hasSize(1);
    assertThat(run(LocalDate.of(2025, 6, 1)).renewed()).isZero();
    assertThat(f.gateway.requests()).hasSize(1);
  }

  @Test
  void remindsOnceTheConfiguredDaysBeforeACharge() {
    Subscription yd = subscribe(A, DIRECT);

    assertThat(run(LocalDate.of(2025, 1, 28)).remindersSent()).isZero();
    assertThat(run(LocalDate.of(2025, 1, 29)).remindersSent()).isEqualTo(1);
    assertThat(run(LocalDate.of(2025, 1, 29)).remindersSent()).isZero();
    assertThat(run(LocalDate.of(2025, 1, 30)).remindersSent()).isZero();
    assertThat(notifier.reminders)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.subscription().id()).isEqualTo(yd.id());
              assertThat(r.chargeDate()).isEqualTo(FEB_1);
              assertThat(r.amountFen()).isEqualTo(300);
              assertThat(r.trialEnding()).isFalse();
            });

    run(FEB_1);
    assertThat(run(LocalDate.of(2025, 2, 25)).remindersSent()).isZero();
    assertThat(run(LocalDate.of(2025, 2, 26)).remindersSent()).isEqualTo(1);
    assertThat(notifier.reminders.get(1).chargeDate()).isEqualTo(LocalDate.of(2025, 3, 1));
  }

  @Test
  void reminderWaitsWhileTheProductIsSuspendedInTheCatalog() {
    subscribe(A, DIRECT);
    f.put(f.get(DIRECT).toBuilder().status(ProductStatus.SUSPENDED).build());
    assertThat(run(LocalDate.of(2025, 1, 29)).remindersSent()).isZero();

    f.put(f.get(DIRECT).toBuilder().status(ProductStatus.ACTIVE).build());

    assertThat(run(LocalDate.of(2025, 1, 30)).remindersSent()).isEqualTo(1);
    assertThat(run(LocalDate.of(2025, 1, 31)).remindersSent()).isZero();
  }

  @Test
  void remindersCanBeTurnedOff() {
    subscribe(A, DIRECT);
    job = f.renewalJob(RenewalConfig.defaults().withReminderDaysBefore(0), notifier);

    assertThat(run(LocalDate.of(2025, 1, 30)).remindersSent()).isZero();
    assertThat(notifier.reminders).isEmpty();
  }

  @Test
  void trialEndingIsRemindedWithItsFirstChargeAndThenConvertedToActive() {
    Subscription wz = subscribe(A, "WZ");

    assertThat(run(LocalDate.of(2025, 1, 14)).remindersSent()).isEqualTo(1);
    assertThat(notifier.reminders.get(0).trialEnding()).isTrue();
    assertThat(notifier.reminders.get(0).chargeDate()).isEqualTo(LocalDate.of(2025, 1, 17));
    assertThat(run(LocalDate.of(2025, 1, 16)).trialsConverted()).isZero();

    RenewalReport report = run(LocalDate.of(2025, 1, 17));

    assertThat(report.trialsConverted()).isEqualTo(1);
    assertThat(report.chargedFen()).isEqualTo(100);
    assertThat(f.gateway.calls("renewal-" + wz.id() + "-2025-01")).isEqualTo(1);
    Subscription active = current(A, "WZ");
    assertThat(active.state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(active.nextChargeDate()).contains(FEB_1);
    StateTransition conversion = f.history(A).transitions().get(1);
    assertThat(conversion.to()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(conversion.cause()).isEqualTo(new TransitionCause.Job("renewal"));
    assertThat(notifier.renewed.get(0).trialEnded()).isTrue();

    assertThat(run(FEB_1).renewed()).isEqualTo(1);
    assertThat(f.gateway.calls("renewal-" + wz.id() + "-2025-02")).isEqualTo(1);
  }

  @Test
  void trialWhoseFirstChargeFailsIsCancelledNotActivated() {
    Subscription wz = subscribe(A, "WZ");
    f.gateway.answer("renewal-" + wz.id() + "-2025-01", ChargeStatus.INSUFFICIENT_BALANCE);

    RenewalReport report = run(LocalDate.of(2025, 1, 17));

    assertThat(report.cancelledForNonPayment()).isEqualTo(1);
    assertThat(report.trialsConverted()).isZero();
    assertThat(current(A, "WZ").state()).isEqualTo(SubscriptionState.CANCELLED);
    assertThat(notifier.cancelled)
        .singleElement()
        .extracting(RecordingNotifier.Cancelled::status)
        .isEqualTo(ChargeStatus.INSUFFICIENT_BALANCE);
    assertThat(run(FEB_1).renewed()).isZero();
    assertThat(f.gateway.chargesThatMovedMoney()).isZero();
  }

  @Test
  void finalRenewalFailureCancelsAndStopsCharging() {
    Subscription yd = subscribe(A, DIRECT);
    f.gateway.answer("renewal-" + yd.id() + "-2025-02", ChargeStatus.REJECTED);

    assertThat(run(FEB_1).cancelledForNonPayment()).isEqualTo(1);
    assertThat(current(A, DIRECT).state()).isEqualTo(SubscriptionState.CANCELLED);
    assertThat(run(LocalDate.of(2025, 3, 1)).renewed()).isZero();
    assertThat(f.gateway.requests()).hasSize(2);
  }

  @Test
  void unknownOutcomeIsResentByTheNextRunWithTheSameKey() {
    Subscription yd = subscribe(A, DIRECT);
    String key = "renewal-" + yd.id() + "-2025-02";
    f.gateway.loseResponse(key);

    RenewalReport first = run(FEB_1);
    assertThat(first.unknown()).isEqualTo(1);
    assertThat(current(A, DIRECT).nextChargeDate()).contains(FEB_1);
    OrderCharge attempt =
        f.history(A).charges().stream()
            .filter(c -> c.idempotencyKey().equals(key))
            .findFirst()
            .orElseThrow();
    assertThat(attempt.status()).isEqualTo(OrderChargeStatus.UNKNOWN);

    RenewalReport second = run(FEB_1);

    assertThat(second.renewed()).isEqualTo(1);
    assertThat(f.gateway.calls(key)).isEqualTo(2);
    assertThat(f.gateway.movedFen(key)).isEqualTo(300);
    assertThat(f.gateway.chargesThatMovedMoney()).isEqualTo(2);
    assertThat(current(A, DIRECT).nextChargeDate()).contains(LocalDate.of(2025, 3, 1));
  }

  /**
   * A run that dies after the billing system took the money: nothing may be charged again, the next
   * run after the lease finishes the job with the same key.
   */
  @Test
  void runThatCrashedMidwayIsResumedWithoutChargingTwice() {
    Subscription a = subscribe(A, DIRECT);
    Subscription b = subscribe(B, DIRECT);
    String keyA = "renewal-" + a.id() + "-2025-02";
    String keyB = "renewal-" + b.id() + "-2025-02";
    f.gateway.crashAfterCharging(keyA);

    f.goTo(FEB_1);
    assertThatThrownBy(() -> job.runOnce(FEB_1).join()).hasCauseInstanceOf(SimulatedCrash.class);
    assertThat(f.gateway.movedFen(keyA)).isEqualTo(300);
    assertThat(current(A, DIRECT).nextChargeDate()).contains(FEB_1);

    // Restarted at once: the dead run's claims still hold, so nothing is sent.
    RenewalJob restarted = f.renewalJob(RenewalConfig.defaults(), notifier);
    RenewalReport tooSoon = restarted.runOnce(FEB_1).join();
    assertThat(tooSoon.renewed()).isZero();
    assertThat(tooSoon.skipped()).isEqualTo(2);
    assertThat(f.gateway.calls(keyA)).isEqualTo(1);

    f.advance(RenewalConfig.DEFAULT_CHARGE_LEASE);
    RenewalReport resumed = restarted.runOnce(FEB_1).join();

    assertThat(resumed.renewed()).isEqualTo(2);
    assertThat(f.gateway.calls(keyA)).isEqualTo(2);
    assertThat(f.gateway.movedFen(keyA)).isEqualTo(300);
    assertThat(f.gateway.calls(keyB)).isEqualTo(1);
    assertThat(f.gateway.chargesThatMovedMoney()).isEqualTo(4);
    assertThat(current(A, DIRECT).nextChargeDate()).contains(LocalDate.of(2025, 3, 1));
    assertThat(current(B, DIRECT).nextChargeDate()).contains(LocalDate.of(2025, 3, 1));
  }

  @Test
  void twoNodesRunningAtOnceChargeEachSubscriptionOnce() {
    int subscribers = 40;
    List<Subscription> subs = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      subs.add(subscribe("1360000" + String.format("%04d", i), DIRECT));
    }
    f.goTo(FEB_1);
    RenewalConfig small = RenewalConfig.defaults().withBatchSize(7);
    RenewalJob nodeA = f.renewalJob(small, notifier);
    RenewalJob nodeB = f.renewalJob(small, notifier);

    CompletableFuture<RenewalReport> a = nodeA.runOnce(FEB_1);
    CompletableFuture<RenewalReport> b = nodeB.runOnce(FEB_1);

    int renewed = a.join().renewed() + b.join().renewed();
    assertThat(renewed).isEqualTo(subscribers);
    for (Subscription s : subs) {
      assertThat(f.gateway.calls("renewal-" + s.id() + "-2025-02")).isEqualTo(1);
    }
    assertThat(notifier.renewed).hasSize(subscribers);
  }

  @Test
  void cancellationWhileTheRenewalIsInFlightIsRefunded() throws Exception {
    Subscription yd = subscribe(A, DIRECT);
    f.goTo(FEB_1);
    f.gateway.hold();
    CompletableFuture<RenewalReport> running = job.runOnce(FEB_1);
    f.gateway.awaitRequests(2, Duration.ofSeconds(10));

    var outcome = f.service.unsubscribe(A, f.get(DIRECT), f.mo("TD")).join();
    assertThat(outcome).isInstanceOf(SubscriptionOutcome.Unsubscribed.class);
    f.gateway.release();
    RenewalReport report = running.get(10, TimeUnit.SECONDS);

    String key = "renewal-" + yd.id() + "-2025-02";
    assertThat(report.refunded()).isEqualTo(1);
    assertThat(report.renewed()).isZero();
    assertThat(f.gateway.refunded("refund-" + key)).isTrue();
    assertThat(current(A, DIRECT).state()).isEqualTo(SubscriptionState.CANCELLED);
  }

  @Test
  void aSuspensionTakesRowsHeldByCommandsOnceTheyAreFree() throws Exception {
    subscribe(A, DIRECT);
    // A batch of commands on A's number holds A's live rows until the gate opens.
    try (LaneGate gate = LaneGate.hold(f.groupCommit.orElseThrow(), A)) {
      var suspending = f.service.suspendProduct(DIRECT, "admin:ops");
      Thread.sleep(300);
      assertThat(current(A, DIRECT).state()).isEqualTo(SubscriptionState.ACTIVE);
      gate.close();
      assertThat(suspending.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
    assertThat(current(A, DIRECT).state()).isEqualTo(SubscriptionState.SUSPENDED);
  }

  @Test
  void suspendedProductIsNotChargedAndResumesNextMonth() {
    Subscription yd = subscribe(A, DIRECT);
    f.goTo(LocalDate.of(2025, 1, 25));
    assertThat(f.service.suspendProduct(DIRECT, "admin:ops").join()).isEqualTo(1);
    assertThat(current(A, DIRECT).state()).isEqualTo(SubscriptionState.SUSPENDED);

    assertThat(run(FEB_1).renewed()).isZero();
    assertThat(run(LocalDate.of(2025, 2, 15)).renewed()).isZero();
    f.goTo(LocalDate.of(2025, 2, 15));
    assertThat(f.service.resumeProduct(DIRECT, "admin:ops").join()).isEqualTo(1);
    Subscription resumed = current(A, DIRECT);
    assertThat(resumed.state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(resumed.nextChargeDate()).contains(LocalDate.of(2025, 3, 1));

    assertThat(run(LocalDate.of(2025, 3, 1)).renewed()).isEqualTo(1);
    assertThat(f.gateway.calls("renewal-" + yd.id() + "-2025-02")).isZero();
    assertThat(f.gateway.calls("renewal-" + yd.id() + "-2025-03")).isEqualTo(1);
  }

  @Test
  void productSuspendedInTheCatalogAloneIsSkippedNotCharged() {
    subscribe(A, DIRECT);
    f.put(f.get(DIRECT).toBuilder().status(ProductStatus.SUSPENDED).build());

    RenewalReport report = run(FEB_1);

    assertThat(report.skipped()).isEqualTo(1);
    assertThat(f.gateway.requests()).hasSize(1);
    assertThat(current(A, DIRECT).state()).isEqualTo(SubscriptionState.ACTIVE);
  }

  @Test
  void retiredProductEndsItsSubscriptionsInsteadOfCharging() {
    subscribe(A, DIRECT);
    f.put(f.get(DIRECT).toBuilder().status(ProductStatus.RETIRED).build());

    RenewalReport report = run(FEB_1);

    assertThat(report.cancelledProductGone()).isEqualTo(1);
    assertThat(f.gateway.requests()).hasSize(1);
    assertThat(current(A, DIRECT).state()).isEqualTo(SubscriptionState.CANCELLED);
  }

  @Test
  void renewalChargesThePriceAgreedAtOrderNotALaterCatalogPrice() {
    Subscription yd = subscribe(A, DIRECT);
    f.put(f.get(DIRECT).toBuilder().monthly(900).build());

    run(FEB_1);

    assertThat(f.gateway.requests().get(1).amountFen()).isEqualTo(300);
    assertThat(f.gateway.movedFen("renewal-" + yd.id() + "-2025-02")).isEqualTo(300);
  }

  @Test
  void subscriptionFarBehindCatchesUpOneMonthPerRun() {
    Subscription yd = subscribe(A, DIRECT);
    f.update("UPDATE subscription SET next_charge_date = '2024-12-01' WHERE id = ?", yd.id());

    run(FEB_1);
    assertThat(f.gateway.calls("renewal-" + yd.id() + "-2024-12")).isEqualTo(1);
    assertThat(current(A, DIRECT).nextChargeDate()).contains(LocalDate.of(2025, 1, 1));
    run(FEB_1);
    run(FEB_1);
    assertThat(run(FEB_1).renewed()).isZero();

    assertThat(f.gateway.calls("renewal-" + yd.id() + "-2025-01")).isEqualTo(1);
    assertThat(f.gateway.calls("renewal-" + yd.id() + "-2025-02")).isEqualTo(1);
    assertThat(current(A, DIRECT).nextChargeDate()).contains(LocalDate.of(2025, 3, 1));
  }

  @Test
  void freeSubscriptionsAreNeverCharged() {
    subscribe(A, "JK");

    assertThat(run(FEB_1).renewed()).isZero();
    assertThat(run(LocalDate.of(2025, 1, 30)).remindersSent()).isZero();
    assertThat(f.gateway.requests()).isEmpty();
  }
}
