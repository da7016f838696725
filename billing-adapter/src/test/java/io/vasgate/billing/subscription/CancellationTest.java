package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.billing.subscription.SubscriptionOutcome.Cancelled;
import io.vasgate.billing.subscription.SubscriptionOutcome.InvalidSelection;
import io.vasgate.billing.subscription.SubscriptionOutcome.NoPendingOrder;
import io.vasgate.billing.subscription.SubscriptionOutcome.NothingToUnsubscribe;
import io.vasgate.billing.subscription.SubscriptionOutcome.SelectionExpired;
import io.vasgate.billing.subscription.SubscriptionOutcome.Unsubscribed;
import io.vasgate.command.catalog.SampleCatalog;
import io.vasgate.persistence.TestIds;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UNSUBSCRIBE, UNSUBSCRIBE_ALL, the 0000 list and the SELECT reply. */
class CancellationTest {

  private static final String A = "13800138000";
  private static final String B = "13900139000";
  private static final String PORT = SampleCatalog.PORT;

  private static SubscriptionFixture f;

  @BeforeAll
  static void start() {
    f = new SubscriptionFixture("sub_cancel");
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @BeforeEach
  void reset() {
    f.reset();
  }

  private void subscribe(String msisdn, String code) {
    f.service.subscribe(msisdn, f.get(code), f.mo("KT " + code)).join();
  }

  private void confirm(String msisdn) {
    f.service.confirm(msisdn, PORT, f.mo("是")).join();
  }

  /** YD active (paid), WZ in trial, JK free, TQ pending confirmation: three held, one pending. */
  private void holdThreeAndOnePending(String msisdn) {
    subscribe(msisdn, SubscriptionFixture.DIRECT);
    f.advance(Duration.ofSeconds(1));
    subscribe(msisdn, "WZ");
    f.advance(Duration.ofSeconds(1));
    subscribe(msisdn, "JK");
    f.advance(Duration.ofSeconds(1));
    subscribe(msisdn, "TQ");
  }

  private List<Subscription> rows(String msisdn) {
    return f.history(msisdn).subscriptions();
  }

  @Test
  void unsubscribeStopsTheSubscriptionAtOnceAndSaysWhatWasCancelled() {
    subscribe(A, SubscriptionFixture.DIRECT);
    MoRef td = f.mo("TD");

    var outcome = f.service.unsubscribe(A, f.get(SubscriptionFixture.DIRECT), td).join();

    assertThat(outcome).isInstanceOf(Unsubscribed.class);
    Cancelled cancelled = ((Unsubscribed) outcome).cancelled().get(0);
    assertThat(cancelled.previousState()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(cancelled.product()).contains(f.get(SubscriptionFixture.DIRECT));
    assertThat(cancelled.subscription().state()).isEqualTo(SubscriptionState.CANCELLED);
    Subscription stored = rows(A).get(0);
    assertThat(stored.state()).isEqualTo(SubscriptionState.CANCELLED);
    assertThat(stored.nextChargeDate()).isEmpty();
    assertThat(stored.cancelledAt()).contains(f.clock.instant());
    StateTransition last = f.history(A).transitions().get(f.history(A).transitions().size() - 1);
    assertThat(last.cause()).isEqualTo(new TransitionCause.Mo(td.moId()));
    assertThat(last.detail()).contains("'TD' via SMS");
  }

  @Test
  void unsubscribeWithNothingHeldSaysSo() {
    assertThat(f.service.unsubscribe(A, f.get("TQ"), f.mo("TD")).join())
        .isInstanceOf(NothingToUnsubscribe.class);
    subscribe(A, SubscriptionFixture.DIRECT);
    f.service.unsubscribe(A, f.get(SubscriptionFixture.DIRECT), f.mo("TD")).join();
    assertThat(f.service.unsubscribe(A, f.get(SubscriptionFixture.DIRECT), f.mo("TD")).join())
        .isInstanceOf(NothingToUnsubscribe.class);
  }

  @Test
  void unsubscribeCancelsAPendingOrderSoALaterConfirmChargesNothing() {
    subscribe(A, "TQ");

    var outcome = (Unsubscribed) f.service.unsubscribe(A, f.get("TQ"), f.mo("TD")).join();

    assertThat(outcome.cancelled().get(0).previousState())
        .isEqualTo(SubscriptionState.PENDING_CONFIRMATION);
    assertThat(f.service.confirm(A, PORT, f.mo("是")).join()).isInstanceOf(NoPendingOrder.class);
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void resubscribingAfterUnsubscribingMakesANewOrder() {
    subscribe(A, SubscriptionFixture.DIRECT);
    f.service.unsubscribe(A, f.get(SubscriptionFixture.DIRECT), f.mo("TD")).join();

    subscribe(A, SubscriptionFixture.DIRECT);

    assertThat(rows(A))
        .extracting(Subscription::state)
        .containsExactly(SubscriptionState.CANCELLED, SubscriptionState.ACTIVE);
    assertThat(f.gateway.chargesThatMovedMoney()).isEqualTo(2);
  }

  @Test
  void listNumbersHeldSubscriptionsWithPriceAndNextChargeDateAndChargesNothing() {
    holdThreeAndOnePending(A);
    int charges = f.gateway.requests().size();

    SubscriptionList list = f.service.listActive(A).join();

    assertThat(list.items()).extracting(SubscriptionList.Item::number).containsExactly(1, 2, 3);
    assertThat(list.items())
        .extracting(i -> i.subscription().productCode())
        .containsExactly(SubscriptionFixture.DIRECT, "WZ", "JK");
    assertThat(list.items())
        .extracting(SubscriptionList.Item::priceFen)
        .containsExactly(300L, 100L, 0L);
    assertThat(list.items())
        .extracting(SubscriptionList.Item::nextChargeDate)
        .containsExactly(
            Optional.of(LocalDate.of(2025, 2, 1)),
            Optional.of(LocalDate.of(2025, 1, 17)),
            Optional.empty());
    assertThat(list.items().get(1).product()).contains(f.get("WZ"));
    assertThat(list.selectableUntil())
        .isEqualTo(f.clock.instant().plus(SubscriptionConfig.DEFAULT_SELECT_WINDOW));
    assertThat(f.gateway.requests()).hasSize(charges);
  }

  @Test
  void selectWithinTheWindowCancelsExactlyTheListedItems() {
    holdThreeAndOnePending(A);
    f.service.listActive(A).join();
    f.advance(SubscriptionConfig.DEFAULT_SELECT_WINDOW.minusMillis(1));

    var outcome = f.service.cancelSelected(A, List.of(1, 3), f.mo("1，3")).join();

    assertThat(outcome).isInstanceOf(Unsubscribed.class);
    assertThat(((Unsubscribed) outcome).cancelled())
        .extracting(c -> c.subscription().productCode())
        .containsExactly(SubscriptionFixture.DIRECT, "JK");
    assertThat(rows(A))
        .extracting(Subscription::productCode, Subscription::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                SubscriptionFixture.DIRECT, SubscriptionState.CANCELLED),
            org.assertj.core.groups.Tuple.tuple("WZ", SubscriptionState.TRIAL),
            org.assertj.core.groups.Tuple.tuple("JK", SubscriptionState.CANCELLED),
            org.assertj.core.groups.Tuple.tuple("TQ", SubscriptionState.PENDING_CONFIRMATION));
  }

  @Test
  void numbersKeepTheirMeaningWithinTheWindowAfterEarlierCancellations() {
    holdThreeAndOnePending(A);
    f.service.listActive(A).join();
    f.service.cancelSelected(A, List.of(1), f.mo("1")).join();

    var outcome = (Unsubscribed) f.service.cancelSelected(A, List.of(2, 1), f.mo("2,1")).join();

    assertThat(outcome.cancelled())
        .extracting(c -> c.subscription().productCode())
        .containsExactly("WZ");
    assertThat(f.service.cancelSelected(A, List.of(1), f.mo("1")).join())
        .isInstanceOf(NothingToUnsubscribe.class);
  }

  @Test
  void selectAfterTheWindowCancelsNothing() {
    holdThreeAndOnePending(A);
    f.service.listActive(A).join();
    f.advance(SubscriptionConfig.DEFAULT_SELECT_WINDOW);

    assertThat(f.service.cancelSelected(A, List.of(1), f.mo("1")).join())
        .isInstanceOf(SelectionExpired.class);
    assertThat(rows(A)).extracting(Subscription::state).doesNotContain(SubscriptionState.CANCELLED);
  }

  @Test
  void selectWithoutAListCancelsNothing() {
    holdThreeAndOnePending(A);

    assertThat(f.service.cancelSelected(A, List.of(1), f.mo("1")).join())
        .isInstanceOf(SelectionExpired.class);
    assertThat(rows(A)).extracting(Subscription::state).doesNotContain(SubscriptionState.CANCELLED);
  }

  @Test
  void selectNamingAnItemNotOnTheListCancelsNothing() {
    holdThreeAndOnePending(A);
    f.service.listActive(A).join();

    var outcome = f.service.cancelSelected(A, List.of(1, 4, 0), f.mo("1,4,0")).join();

    assertThat(outcome).isInstanceOf(InvalidSelection.class);
    assertThat(((InvalidSelection) outcome).invalidItems()).containsExactly(4, 0);
    assertThat(((InvalidSelection) outcome).listSize()).isEqualTo(3);
    assertThat(rows(A)).extracting(Subscription::state).doesNotContain(SubscriptionState.CANCELLED);
  }

  @Test
  void selectOnlyReachesTheListOfItsOwnNumber() {
    holdThreeAndOnePending(A);
    subscribe(B, SubscriptionFixture.DIRECT);
    f.service.listActive(A).join();

    assertThat(f.service.cancelSelected(B, List.of(1), f.mo("1")).join())
        .isInstanceOf(SelectionExpired.class);
    assertThat(rows(B).get(0).state()).isEqualTo(SubscriptionState.ACTIVE);
  }

  @Test
  void anotherGatewayNodeAnswersTheSelectFromTheStoredNumbering() throws Exception {
    holdThreeAndOnePending(A);
    f.service.listActive(A).join();
    SubscriptionService otherNode =
        new SubscriptionService(
            f.db.dataSource(),
            f.gateway,
            f::product,
            f.clock,
            f.executor,
            SubscriptionConfig.defaults(SubscriptionFixture.ZONE),
            TestIds.source());

    var outcome = (Unsubscribed) otherNode.cancelSelected(A, List.of(2), f.mo("2")).join();

    assertThat(outcome.cancelled())
        .extracting(c -> c.subscription().productCode())
        .containsExactly("WZ");
  }

  @Test
  void emptySelectionIsRefused() {
    assertThatThrownBy(() -> f.service.cancelSelected(A, List.of(), f.mo("")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unsubscribeAllCancelsEverythingLiveOnTheServiceNumberAndListsIt() {
    holdThreeAndOnePending(A);
    f.put(SubscriptionFixture.monthly("OP", "").offeredOn("10659999", "").build());
    subscribe(A, "OP");

    var outcome = f.service.unsubscribeAll(A, PORT, f.mo("00000")).join();

    assertThat(outcome).isInstanceOf(Unsubscribed.class);
    assertThat(((Unsubscribed) outcome).cancelled())
        .extracting(c -> c.subscription().productCode(), Cancelled::previousState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                SubscriptionFixture.DIRECT, SubscriptionState.ACTIVE),
            org.assertj.core.groups.Tuple.tuple("WZ", SubscriptionState.TRIAL),
            org.assertj.core.groups.Tuple.tuple("JK", SubscriptionState.ACTIVE),
            org.assertj.core.groups.Tuple.tuple("TQ", SubscriptionState.PENDING_CONFIRMATION));
    assertThat(rows(A))
        .filteredOn(s -> s.productCode().equals("OP"))
        .extracting(Subscription::state)
        .containsExactly(SubscriptionState.ACTIVE);
    assertThat(f.service.unsubscribeAll(A, PORT, f.mo("00000")).join())
        .isInstanceOf(NothingToUnsubscribe.class);
  }
}
