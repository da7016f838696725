package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.billing.charging.ChargeReason;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.subscription.SubscriptionOutcome.ChargeFailed;
import io.vasgate.billing.subscription.SubscriptionOutcome.ChargePending;
import io.vasgate.billing.subscription.SubscriptionOutcome.ProductSuspended;
import io.vasgate.billing.subscription.SubscriptionOutcome.SubscriptionRequired;
import io.vasgate.billing.subscription.SubscriptionOutcome.Used;
import io.vasgate.command.catalog.ChargeType;
import io.vasgate.command.catalog.ProductStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uses: per use charged once per MO, free never, monthly while subscribed. */
class UseTest {

  private static final String A = "13800138000";

  private static SubscriptionFixture f;

  @BeforeAll
  static void start() {
    f = new SubscriptionFixture("sub_use");
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @BeforeEach
  void reset() {
    f.reset();
  }

  @Test
  void perUseIsChargedItsPriceUnderTheKeyOfTheMo() {
    MoRef mo = f.mo("XW");

    var outcome = f.service.use(A, f.get("XW"), mo).join();

    assertThat(outcome).isEqualTo(new Used(f.get("XW"), 50));
    assertThat(f.gateway.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.idempotencyKey()).isEqualTo("use-" + mo.moId());
              assertThat(r.amountFen()).isEqualTo(50);
              assertThat(r.chargeType()).isEqualTo(ChargeType.PER_USE);
              assertThat(r.reason()).isEqualTo(ChargeReason.PER_USE);
              assertThat(r.causingMoId()).contains(mo.moId());
              assertThat(r.serviceNumber()).isEqualTo("1065888004");
            });
    assertThat(f.history(A).subscriptions()).isEmpty();
    assertThat(f.history(A).charges())
        .singleElement()
        .extracting(OrderCharge::status)
        .isEqualTo(OrderChargeStatus.SUCCESS);
  }

  @Test
  void theSameMoProcessedTwiceIsChargedOnce() {
    MoRef mo = f.mo("XW");

    f.service.use(A, f.get("XW"), mo).join();
    var again = f.service.use(A, f.get("XW"), mo).join();

    assertThat(again).isEqualTo(new Used(f.get("XW"), 50));
    assertThat(f.gateway.calls("use-" + mo.moId())).isEqualTo(1);
  }

  @Test
  void eachMoIsAUseOfItsOwn() {
    f.service.use(A, f.get("XW"), f.mo("XW")).join();
    f.service.use(A, f.get("XW"), f.mo("XW")).join();

    assertThat(f.gateway.chargesThatMovedMoney()).isEqualTo(2);
  }

  @Test
  void failedUseChargeIsReportedAndRecorded() {
    f.gateway.answerAny(ChargeStatus.INSUFFICIENT_BALANCE);

    var outcome = f.service.use(A, f.get("XW"), f.mo("XW")).join();

    assertThat(outcome).isInstanceOf(ChargeFailed.class);
    assertThat(((ChargeFailed) outcome).status()).isEqualTo(ChargeStatus.INSUFFICIENT_BALANCE);
    assertThat(((ChargeFailed) outcome).order()).isEmpty();
    assertThat(f.history(A).charges().get(0).status())
        .isEqualTo(OrderChargeStatus.INSUFFICIENT_BALANCE);
  }

  @Test
  void unknownUseChargeIsSettledByTheRetry() {
    f.gateway.answerAny(ChargeStatus.TEMPORARY_FAILURE);
    MoRef mo = f.mo("XW");
    assertThat(f.service.use(A, f.get("XW"), mo).join()).isInstanceOf(ChargePending.class);

    var settled = f.service.retryPendingCharges(f.clock.instant()).join();

    assertThat(settled)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.outcome()).isEqualTo(new Used(f.get("XW"), 50));
              assertThat(s.charge().moId()).contains(mo.moId());
            });
    assertThat(f.gateway.calls("use-" + mo.moId())).isEqualTo(2);
  }

  @Test
  void freeProductIsNeverCharged() {
    assertThat(f.service.use(A, f.get("JK"), f.mo("JK")).join())
        .isEqualTo(new Used(f.get("JK"), 0));
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void monthlyProductIsUsedFreeOnlyWhileSubscribed() {
    assertThat(f.service.use(A, f.get("WZ"), f.mo("WZ")).join())
        .isInstanceOf(SubscriptionRequired.class);
    f.service.subscribe(A, f.get("WZ"), f.mo("KT WZ")).join();

    assertThat(f.service.use(A, f.get("WZ"), f.mo("WZ")).join())
        .isEqualTo(new Used(f.get("WZ"), 0));
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void suspendedProductIsNotUsedOrCharged() {
    f.put(f.get("XW").toBuilder().status(ProductStatus.SUSPENDED).build());

    assertThat(f.service.use(A, f.get("XW"), f.mo("XW")).join())
        .isInstanceOf(ProductSuspended.class);
    assertThat(f.gateway.requests()).isEmpty();
  }
}
