package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.subscription.SubscriptionOutcome.CancelledWhileCharging;
import io.vasgate.billing.subscription.SubscriptionOutcome.ChargeFailed;
import io.vasgate.billing.subscription.SubscriptionOutcome.ChargePending;
import io.vasgate.billing.subscription.SubscriptionOutcome.Subscribed;
import io.vasgate.billing.subscription.SubscriptionOutcome.Unsubscribed;
import io.vasgate.command.catalog.SampleCatalog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Charges whose outcome is unknown, their retries, and cancellations racing a charge. */
class PendingChargeTest {

  private static final String A = "13800138000";
  private static final String DIRECT = SubscriptionFixture.DIRECT;

  private static SubscriptionFixture f;

  @BeforeAll
  static void start() {
    f = new SubscriptionFixture("sub_pending");
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @BeforeEach
  void reset() {
    f.reset();
  }

  private SubscriptionOutcome.ForSubscribe subscribe(String code) {
    return f.service.subscribe(A, f.get(code), f.mo("KT " + code)).join();
  }

  private long orderId() {
    return f.history(A).subscriptions().get(0).id();
  }

  @Test
  void temporaryFailureKeepsTheOrderPendingAndActivatesNothing() {
    f.gateway.answerAny(ChargeStatus.TEMPORARY_FAILURE);

    var outcome = subscribe(DIRECT);

    assertThat(outcome).isInstanceOf(ChargePending.class);
    Subscription order = f.history(A).subscriptions().get(0);
    assertThat(order.state()).isEqualTo(SubscriptionState.PENDING_CHARGE);
    assertThat(order.activatedAt()).isEmpty();
    assertThat(f.history(A).charges())
        .singleElement()
        .extracting(OrderCharge::status)
        .isEqualTo(OrderChargeStatus.UNKNOWN);
  }

  @Test
  void repeatedSubscribeRetriesTheUnknownChargeWithTheSameKey() {
    f.gateway.answerAny(ChargeStatus.TEMPORARY_FAILURE);
    subscribe(DIRECT);

    var outcome = subscribe(DIRECT);

    assertThat(outcome).isInstanceOf(Subscribed.class);
    String key = "order-" + orderId();
    assertThat(f.gateway.calls(key)).isEqualTo(2);
    assertThat(f.gateway.requests()).extracting(r -> r.idempotencyKey()).containsOnly(key);
    assertThat(f.gateway.movedFen(key)).isEqualTo(300);
    assertThat(f.count("SELECT COUNT(*) FROM subscription WHERE msisdn = ?", A)).isEqualTo(1);
    assertThat(f.history(A).charges().get(0).attempts()).isEqualTo(2);
  }

  @Test
  void repeatedConfirmRetriesTheUnknownChargeWithTheSameKey() {
    f.service.subscribe(A, f.get("TQ"), f.mo("KT TQ")).join();
    String key = "order-" + orderId();
    f.gateway.answer(key, ChargeStatus.TEMPORARY_FAILURE);
    assertThat(f.service.confirm(A, SampleCatalog.PORT, f.mo("是")).join())
        .isInstanceOf(ChargePending.class);

    var outcome = f.service.confirm(A, SampleCatalog.PORT, f.mo("是")).join();

    assertThat(outcome).isInstanceOf(Subscribed.class);
    assertThat(f.gateway.calls(key)).isEqualTo(2);
    assertThat(f.gateway.movedFen(key)).isEqualTo(200);
  }

  /** A reply lost after the money moved must not become a second charge when retried. */
  @Test
  void retryOfALostReplySettlesTheOrderWithoutChargingTwice() {
    f.gateway.loseNextResponse();
    var pending = subscribe(DIRECT);
    assertThat(pending).isInstanceOf(ChargePending.class);
    String key = "order-" + orderId();
    assertThat(f.gateway.movedFen(key)).isEqualTo(300);

    List<PendingChargeSettlement> settled = f.service.retryPendingCharges(f.clock.instant()).join();

    assertThat(settled)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.outcome()).isInstanceOf(Subscribed.class);
              assertThat(s.charge().idempotencyKey()).isEqualTo(key);
            });
    assertThat(f.gateway.calls(key)).isEqualTo(2);
    assertThat(f.gateway.chargesThatMovedMoney()).isEqualTo(1);
    assertThat(f.history(A).subscriptions().get(0).state()).isEqualTo(SubscriptionState.ACTIVE);
    StateTransition activation = f.history(A).transitions().get(1);
    assertThat(activation.cause()).isEqualTo(new TransitionCause.Job("charge-retry"));
    assertThat(f.service.retryPendingCharges(f.clock.instant()).join()).isEmpty();
  }

  @Test
  void retryReportsAFinalFailureAndTheOrderNeverActivates() {
    f.gateway.answerAny(ChargeStatus.TEMPORARY_FAILURE, ChargeStatus.INSUFFICIENT_BALANCE);
    subscribe(DIRECT);

    List<PendingChargeSettlement> settled = f.service.retryPendingCharges(f.clock.instant()).join();

    assertThat(settled)
        .singleElement()
        .extracting(PendingChargeSettlement::outcome)
        .isInstanceOf(ChargeFailed.class);
    assertThat(f.history(A).subscriptions().get(0).state())
        .isEqualTo(SubscriptionState.CHARGE_FAILED);
    assertThat(f.gateway.chargesThatMovedMoney()).isZero();
  }

  @Test
  void chargeHeldByAnotherProcessIsLeftAloneUntilItsLeaseEnds() {
    f.gateway.answerAny(ChargeStatus.TEMPORARY_FAILURE);
    subscribe(DIRECT);
    String key = "order-" + orderId();
    // As a process that claimed the charge and died would leave it.
    f.update(
        "UPDATE order_charge SET status = 'ATTEMPTED', claimed_until = ? WHERE idempotency_key = ?",
        java.time.LocalDateTime.ofInstant(
            f.clock.instant().plus(Duration.ofMinutes(5)), java.time.ZoneOffset.UTC),
        key);

    assertThat(subscribe(DIRECT)).isInstanceOf(ChargePending.class);
    assertThat(f.service.retryPendingCharges(f.clock.instant()).join()).isEmpty();
    assertThat(f.gateway.calls(key)).isEqualTo(1);

    f.advance(Duration.ofMinutes(5));
    assertThat(f.service.retryPendingCharges(f.clock.instant()).join())
        .singleElement()
        .extracting(PendingChargeSettlement::outcome)
        .isInstanceOf(Subscribed.class);
    assertThat(f.gateway.calls(key)).isEqualTo(2);
    assertThat(f.gateway.chargesThatMovedMoney()).isEqualTo(1);
  }

  @Test
  void unsubscribeWhileTheChargeIsInFlightRefundsItWhenItSucceeds() throws Exception {
    f.gateway.hold();
    CompletableFuture<SubscriptionOutcome.ForSubscribe> subscribing =
        f.service.subscribe(A, f.get(DIRECT), f.mo("KT YD"));
    f.gateway.awaitRequests(1, Duration.ofSeconds(10));

    var cancelled = f.service.unsubscribe(A, f.get(DIRECT), f.mo("TD")).join();
    assertThat(cancelled).isInstanceOf(Unsubscribed.class);
    assertThat(((Unsubscribed) cancelled).cancelled().get(0).previousState())
        .isEqualTo(SubscriptionState.PENDING_CHARGE);
    f.gateway.release();

    var outcome = subscribing.get(10, TimeUnit.SECONDS);
    assertThat(outcome).isInstanceOf(CancelledWhileCharging.class);
    String key = "order-" + orderId();
    assertThat(f.gateway.refunded("refund-" + key)).isTrue();
    assertThat(f.gateway.refundRequests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.chargeIdempotencyKey()).isEqualTo(key);
              assertThat(r.amountFen()).isEqualTo(300);
              assertThat(r.reason()).contains("CANCELLED");
            });
    OrderCharge charge = f.history(A).charges().get(0);
    assertThat(charge.refundStatus()).contains(OrderChargeStatus.SUCCESS);
    assertThat(f.history(A).subscriptions().get(0).state()).isEqualTo(SubscriptionState.CANCELLED);
  }

  @Test
  void unsubscribedOrderWithAnUnknownChargeIsResolvedAndRefundedByTheRetry() {
    f.gateway.loseNextResponse();
    assertThat(subscribe(DIRECT)).isInstanceOf(ChargePending.class);
    f.service.unsubscribe(A, f.get(DIRECT), f.mo("TD")).join();

    var settled = f.service.retryPendingCharges(f.clock.instant()).join();

    assertThat(settled)
        .singleElement()
        .extracting(PendingChargeSettlement::outcome)
        .isInstanceOf(CancelledWhileCharging.class);
    String key = "order-" + orderId();
    assertThat(f.gateway.movedFen(key)).isEqualTo(300);
    assertThat(f.gateway.refunded("refund-" + key)).isTrue();
  }
}
