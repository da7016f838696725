package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.subscription.SubscriptionOutcome.AlreadySubscribed;
import io.vasgate.billing.subscription.SubscriptionOutcome.ChargeFailed;
import io.vasgate.billing.subscription.SubscriptionOutcome.ConfirmationExpired;
import io.vasgate.billing.subscription.SubscriptionOutcome.ConfirmationRequired;
import io.vasgate.billing.subscription.SubscriptionOutcome.Declined;
import io.vasgate.billing.subscription.SubscriptionOutcome.NoPendingOrder;
import io.vasgate.billing.subscription.SubscriptionOutcome.NoSubscriptionNeeded;
import io.vasgate.billing.subscription.SubscriptionOutcome.ProductRetired;
import io.vasgate.billing.subscription.SubscriptionOutcome.ProductSuspended;
import io.vasgate.billing.subscription.SubscriptionOutcome.Subscribed;
import io.vasgate.billing.subscription.SubscriptionOutcome.TrialStarted;
import io.vasgate.command.catalog.ConfirmationPolicy;
import io.vasgate.command.catalog.ProductStatus;
import io.vasgate.command.catalog.SampleCatalog;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SUBSCRIBE, CONFIRM, DECLINE and expiry, against the real database. */
class OrderLifecycleTest {

  private static final String A = "13800138000";
  private static final String B = "13900139000";
  private static final String PORT = SampleCatalog.PORT;

  private static SubscriptionFixture f;

  @BeforeAll
  static void start() {
    f = new SubscriptionFixture("sub_orders");
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @BeforeEach
  void reset() {
    f.reset();
  }

  private SubscriptionOutcome.ForSubscribe subscribe(String msisdn, String code) {
    return f.service.subscribe(msisdn, f.get(code), f.mo("KT " + code)).join();
  }

  private SubscriptionOutcome.ForConfirm confirm(String msisdn) {
    return f.service.confirm(msisdn, PORT, f.mo("是")).join();
  }

  private Subscription only(String msisdn) {
    assertThat(f.history(msisdn).subscriptions()).hasSize(1);
    return f.history(msisdn).subscriptions().get(0);
  }

  @Test
  void subscribeToProductNeedingConfirmationCreatesPendingOrderAndChargesNothing() {
    MoRef mo = f.mo("KT TQ");
    var outcome = f.service.subscribe(A, f.get("TQ"), mo).join();

    assertThat(outcome).isInstanceOf(ConfirmationRequired.class);
    ConfirmationRequired prompt = (ConfirmationRequired) outcome;
    assertThat(prompt.resent()).isFalse();
    assertThat(prompt.priceFen()).isEqualTo(200);
    assertThat(prompt.window()).isEqualTo(Duration.ofHours(24));
    assertThat(prompt.deadline()).isEqualTo(SubscriptionFixture.START.plus(Duration.ofHours(24)));
    assertThat(prompt.order().state()).isEqualTo(SubscriptionState.PENDING_CONFIRMATION);
    assertThat(prompt.order().orderMoId()).contains(mo.moId());
    assertThat(f.gateway.requests()).isEmpty();

    SubscriptionHistory history = f.history(A);
    assertThat(history.transitions()).hasSize(1);
    StateTransition created = history.transitions().get(0);
    assertThat(created.from()).isEmpty();
    assertThat(created.to()).isEqualTo(SubscriptionState.PENDING_CONFIRMATION);
    assertThat(created.cause()).isEqualTo(new TransitionCause.Mo(mo.moId()));
    assertThat(created.detail()).contains("'KT TQ' via SMS");
    assertThat(history.charges()).isEmpty();
  }

  @Test
  void secondSubscribeWhilePendingResendsThePromptWithoutASecondOrder() {
    var first = (ConfirmationRequired) subscribe(A, "TQ");
    f.advance(Duration.ofHours(3));
    var second = (ConfirmationRequired) subscribe(A, "TQ");

    assertThat(second.resent()).isTrue();
    assertThat(second.order().id()).isEqualTo(first.order().id());
    assertThat(second.deadline()).isEqualTo(first.deadline());
    assertThat(f.count("SELECT COUNT(*) FROM subscription WHERE msisdn = ?", A)).isEqualTo(1);
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void confirmWithinTheWindowActivatesAndChargesOnceUnderTheOrderKey() {
    var prompt = (ConfirmationRequired) subscribe(A, "TQ");
    f.advance(Duration.ofHours(1));
    MoRef yes = f.mo("是");
    var outcome = f.service.confirm(A, PORT, yes).join();

    assertThat(outcome).isInstanceOf(Subscribed.class);
    Subscribed subscribed = (Subscribed) outcome;
    assertThat(subscribed.chargedFen()).isEqualTo(200);
    assertThat(subscribed.subscription().state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(subscribed.subscription().nextChargeDate()).contains(LocalDate.of(2025, 2, 1));
    String key = "order-" + prompt.order().id();
    assertThat(f.gateway.calls(key)).isEqualTo(1);
    assertThat(f.gateway.movedFen(key)).isEqualTo(200);
    assertThat(f.gateway.requests().get(0).causingMoId()).contains(yes.moId());

    SubscriptionHistory history = f.history(A);
    assertThat(history.transitions())
        .extracting(StateTransition::to)
        .containsExactly(
            SubscriptionState.PENDING_CONFIRMATION,
            SubscriptionState.PENDING_CHARGE,
            SubscriptionState.ACTIVE);
    assertThat(history.transitions().get(1).detail()).contains("confirmed by '是' via SMS");
    assertThat(history.transitions().get(1).cause()).isEqualTo(new TransitionCause.Mo(yes.moId()));
    assertThat(history.charges())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(OrderChargeStatus.SUCCESS);
              assertThat(c.amountFen()).isEqualTo(200);
              assertThat(c.attempts()).isEqualTo(1);
            });
  }

  @Test
  void confirmJustInsideTheWindowIsAccepted() {
    subscribe(A, "TQ");
    f.advance(Duration.ofHours(24).minusMillis(1));

    assertThat(confirm(A)).isInstanceOf(Subscribed.class);
    assertThat(f.gateway.requests()).hasSize(1);
  }

  @Test
  void confirmAtTheDeadlineIsRefusedExpiresTheOrderAndChargesNothing() {
    subscribe(A, "TQ");
    f.advance(Duration.ofHours(24));

    var outcome = confirm(A);

    assertThat(outcome).isInstanceOf(ConfirmationExpired.class);
    assertThat(((ConfirmationExpired) outcome).product()).contains(f.get("TQ"));
    assertThat(only(A).state()).isEqualTo(SubscriptionState.EXPIRED);
    assertThat(f.gateway.requests()).isEmpty();
    StateTransition expiry = f.history(A).transitions().get(1);
    assertThat(expiry.cause()).isEqualTo(new TransitionCause.Job("confirmation-expiry"));
  }

  @Test
  void confirmFromAnotherNumberFindsNoPendingOrder() {
    subscribe(A, "TQ");

    assertThat(confirm(B)).isInstanceOf(NoPendingOrder.class);
    assertThat(only(A).state()).isEqualTo(SubscriptionState.PENDING_CONFIRMATION);
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void confirmOnAnotherServiceNumberFindsNoPendingOrder() {
    subscribe(A, "TQ");

    assertThat(f.service.confirm(A, "10650000", f.mo("是")).join())
        .isInstanceOf(NoPendingOrder.class);
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void confirmTakesTheNewestPendingOrderOnTheServiceNumber() {
    subscribe(A, "SHBB");
    f.advance(Duration.ofMinutes(1));
    subscribe(A, "TQ");

    var outcome = (Subscribed) confirm(A);

    assertThat(outcome.product().code()).isEqualTo("TQ");
    assertThat(f.history(A).subscriptions())
        .extracting(Subscription::productCode, Subscription::state)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("SHBB", SubscriptionState.PENDING_CONFIRMATION),
            org.assertj.core.groups.Tuple.tuple("TQ", SubscriptionState.ACTIVE));
  }

  @Test
  void confirmSkipsANewerOrderWhoseWindowClosedForAnOlderOneStillOpen() {
    f.put(
        SubscriptionFixture.monthly("LW", "07")
            .confirmation(ConfirmationPolicy.within(Duration.ofHours(48)))
            .build());
    f.put(
        SubscriptionFixture.monthly("SW", "08")
            .confirmation(ConfirmationPolicy.within(Duration.ofHours(1)))
            .build());
    subscribe(A, "LW");
    f.advance(Duration.ofMinutes(10));
    subscribe(A, "SW");
    f.advance(Duration.ofHours(2));

    var outcome = (Subscribed) confirm(A);

    assertThat(outcome.product().code()).isEqualTo("LW");
    assertThat(f.history(A).subscriptions())
        .extracting(Subscription::productCode, Subscription::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("LW", SubscriptionState.ACTIVE),
            org.assertj.core.groups.Tuple.tuple("SW", SubscriptionState.EXPIRED));
  }

  @Test
  void expirePendingEndsOverdueOrdersSilentlyAndUncharged() {
    subscribe(A, "TQ");
    subscribe(B, "SHBB");
    f.advance(Duration.ofHours(12));
    subscribe(B, "TQ");
    f.advance(Duration.ofHours(13));

    int expired = f.service.expirePending(f.clock.instant()).join();

    assertThat(expired).isEqualTo(2);
    assertThat(only(A).state()).isEqualTo(SubscriptionState.EXPIRED);
    assertThat(f.history(B).subscriptions())
        .extracting(Subscription::state)
        .containsExactly(SubscriptionState.EXPIRED, SubscriptionState.PENDING_CONFIRMATION);
    assertThat(f.gateway.requests()).isEmpty();
    assertThat(f.service.expirePending(f.clock.instant()).join()).isZero();
    assertThat(confirm(A)).isInstanceOf(ConfirmationExpired.class);
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void declineEndsThePendingOrderUncharged() {
    subscribe(A, "TQ");

    var outcome = f.service.decline(A, PORT, f.mo("否")).join();

    assertThat(outcome).isInstanceOf(Declined.class);
    assertThat(only(A).state()).isEqualTo(SubscriptionState.DECLINED);
    assertThat(confirm(A)).isInstanceOf(NoPendingOrder.class);
    assertThat(f.service.decline(A, PORT, f.mo("否")).join()).isInstanceOf(NoPendingOrder.class);
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void subscribeAfterTheWindowClosedStartsAFreshOrder() {
    var first = (ConfirmationRequired) subscribe(A, "TQ");
    f.advance(Duration.ofHours(30));

    var second = (ConfirmationRequired) subscribe(A, "TQ");

    assertThat(second.resent()).isFalse();
    assertThat(second.order().id()).isNotEqualTo(first.order().id());
    assertThat(f.history(A).subscriptions())
        .extracting(Subscription::state)
        .containsExactly(SubscriptionState.EXPIRED, SubscriptionState.PENDING_CONFIRMATION);
  }

  @Test
  void subscribeToAProductAlreadyHeldAnswersAlreadySubscribedAndChargesNothingMore() {
    subscribe(A, "TQ");
    confirm(A);

    var outcome = subscribe(A, "TQ");

    assertThat(outcome).isInstanceOf(AlreadySubscribed.class);
    assertThat(f.gateway.requests()).hasSize(1);
    assertThat(f.count("SELECT COUNT(*) FROM subscription WHERE msisdn = ?", A)).isEqualTo(1);
  }

  @Test
  void productWithoutConfirmationIsChargedAtOnce() {
    var outcome = (Subscribed) subscribe(A, SubscriptionFixture.DIRECT);

    assertThat(outcome.chargedFen()).isEqualTo(300);
    assertThat(f.gateway.calls("order-" + outcome.subscription().id())).isEqualTo(1);
    assertThat(only(A).state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(only(A).activatedAt()).contains(SubscriptionFixture.START);
  }

  @Test
  void failedChargeNeverActivatesAndTheNumberMayOrderAgain() {
    f.gateway.answerAny(ChargeStatus.INSUFFICIENT_BALANCE);

    var outcome = subscribe(A, SubscriptionFixture.DIRECT);

    assertThat(outcome).isInstanceOf(ChargeFailed.class);
    ChargeFailed failed = (ChargeFailed) outcome;
    assertThat(failed.status()).isEqualTo(ChargeStatus.INSUFFICIENT_BALANCE);
    assertThat(failed.order().orElseThrow().state()).isEqualTo(SubscriptionState.CHARGE_FAILED);
    assertThat(only(A).state()).isEqualTo(SubscriptionState.CHARGE_FAILED);
    assertThat(only(A).activatedAt()).isEmpty();
    assertThat(f.gateway.chargesThatMovedMoney()).isZero();

    var again = (Subscribed) subscribe(A, SubscriptionFixture.DIRECT);
    assertThat(again.subscription().id()).isNotEqualTo(failed.order().orElseThrow().id());
    assertThat(f.gateway.chargesThatMovedMoney()).isEqualTo(1);
  }

  @Test
  void rejectedChargeOnConfirmationEndsTheOrder() {
    var prompt = (ConfirmationRequired) subscribe(A, "TQ");
    f.gateway.answer("order-" + prompt.order().id(), ChargeStatus.REJECTED);

    var outcome = confirm(A);

    assertThat(outcome).isInstanceOf(ChargeFailed.class);
    assertThat(((ChargeFailed) outcome).status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(only(A).state()).isEqualTo(SubscriptionState.CHARGE_FAILED);
    assertThat(confirm(A)).isInstanceOf(NoPendingOrder.class);
    assertThat(f.gateway.requests()).hasSize(1);
  }

  @Test
  void trialProductStartsItsTrialWithoutCharging() {
    var outcome = subscribe(A, "WZ");

    assertThat(outcome).isInstanceOf(TrialStarted.class);
    TrialStarted trial = (TrialStarted) outcome;
    assertThat(trial.firstChargeDate()).isEqualTo(LocalDate.of(2025, 1, 17));
    assertThat(trial.firstChargeFen()).isEqualTo(100);
    assertThat(trial.subscription().state()).isEqualTo(SubscriptionState.TRIAL);
    assertThat(trial.subscription().trialEnd()).contains(LocalDate.of(2025, 1, 17));
    assertThat(trial.subscription().nextChargeDate()).contains(LocalDate.of(2025, 1, 17));
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void confirmedTrialProductStartsItsTrialWithoutCharging() {
    f.put(
        f.get("WZ").toBuilder()
            .confirmation(ConfirmationPolicy.within(Duration.ofHours(24)))
            .build());
    assertThat(subscribe(A, "WZ")).isInstanceOf(ConfirmationRequired.class);

    assertThat(confirm(A)).isInstanceOf(TrialStarted.class);
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void freeProductSubscribesWithoutChargeAndWithoutChargeDate() {
    var outcome = (Subscribed) subscribe(A, "JK");

    assertThat(outcome.chargedFen()).isZero();
    assertThat(outcome.subscription().nextChargeDate()).isEmpty();
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void perUseProductNeedsNoSubscription() {
    assertThat(subscribe(A, "XW")).isInstanceOf(NoSubscriptionNeeded.class);
    assertThat(f.history(A).subscriptions()).isEmpty();
  }

  @Test
  void suspendedOrRetiredProductTakesNoOrder() {
    f.put(f.get("TQ").toBuilder().status(ProductStatus.SUSPENDED).build());
    f.put(f.get("SHBB").toBuilder().status(ProductStatus.RETIRED).build());

    assertThat(subscribe(A, "TQ")).isInstanceOf(ProductSuspended.class);
    assertThat(subscribe(A, "SHBB")).isInstanceOf(ProductRetired.class);
    assertThat(f.history(A).subscriptions()).isEmpty();
  }

  @Test
  void confirmAfterTheProductWasSuspendedCancelsTheOrderUncharged() {
    subscribe(A, "TQ");
    f.put(f.get("TQ").toBuilder().status(ProductStatus.SUSPENDED).build());

    assertThat(confirm(A)).isInstanceOf(ProductSuspended.class);
    assertThat(only(A).state()).isEqualTo(SubscriptionState.CANCELLED);
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void confirmOfAnOrderWhoseProductLeftTheCatalogCancelsIt() {
    subscribe(A, "TQ");
    f.products.remove("TQ");

    assertThat(confirm(A)).isInstanceOf(SubscriptionOutcome.ProductUnavailable.class);
    assertThat(only(A).state()).isEqualTo(SubscriptionState.CANCELLED);
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void ordersKeepThePriceDisclosedWhenOrdered() {
    subscribe(A, "TQ");
    f.put(f.get("TQ").toBuilder().monthly(500).build());

    var outcome = (Subscribed) confirm(A);

    assertThat(outcome.subscription().priceFen()).isEqualTo(200);
    assertThat(outcome.chargedFen()).isEqualTo(200);
    assertThat(f.gateway.requests()).singleElement().extracting(r -> r.amountFen()).isEqualTo(200L);
  }
}
