package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.billing.subscription.SubscriptionOutcome.AlreadySubscribed;
import io.vasgate.billing.subscription.SubscriptionOutcome.ChargePending;
import io.vasgate.billing.subscription.SubscriptionOutcome.ConfirmationRequired;
import io.vasgate.billing.subscription.SubscriptionOutcome.NoPendingOrder;
import io.vasgate.billing.subscription.SubscriptionOutcome.Subscribed;
import io.vasgate.command.catalog.SampleCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Duplicate commands arriving at once (a handset resending, an SMSC redelivering, two gateway
 * nodes): exactly one order, at most one charge.
 */
class ConcurrentCommandsTest {

  private static final int NUMBERS = 20;
  private static final String PORT = SampleCatalog.PORT;

  static SubscriptionFixture f;

  @BeforeAll
  static void start() {
    // One transaction per command, the service's mode without a group commit; the subclass runs
    // the same cases the way the gateway does.
    f =
        new SubscriptionFixture(
            "sub_concurrent", SubscriptionConfig.defaults(SubscriptionFixture.ZONE), false);
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @BeforeEach
  void reset() {
    f.reset();
  }

  private static String number(int i) {
    return "1370000" + String.format("%04d", i);
  }

  @Test
  void duplicateSubscribesAtOnceMakeOneOrderAndOnePrompt() {
    List<CompletableFuture<SubscriptionOutcome.ForSubscribe>> all = new ArrayList<>();
    for (int i = 0; i < NUMBERS; i++) {
      for (int copy = 0; copy < 2; copy++) {
        all.add(f.service.subscribe(number(i), f.get("TQ"), f.mo("KT TQ")));
      }
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();

    for (int i = 0; i < NUMBERS; i++) {
      assertThat(f.count("SELECT COUNT(*) FROM subscription WHERE msisdn = ?", number(i)))
          .as(number(i))
          .isEqualTo(1);
      var first = (ConfirmationRequired) all.get(2 * i).join();
      var second = (ConfirmationRequired) all.get(2 * i + 1).join();
      assertThat(first.order().id()).isEqualTo(second.order().id());
      assertThat(List.of(first.resent(), second.resent())).containsExactlyInAnyOrder(true, false);
    }
    assertThat(f.gateway.requests()).isEmpty();
  }

  @Test
  void duplicateSubscribesAtOnceToAProductChargedAtOnceChargeOnce() {
    List<CompletableFuture<SubscriptionOutcome.ForSubscribe>> all = new ArrayList<>();
    for (int i = 0; i < NUMBERS; i++) {
      for (int copy = 0; copy < 3; copy++) {
        all.add(f.service.subscribe(number(i), f.get(SubscriptionFixture.DIRECT), f.mo("KT YD")));
      }
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();

    assertThat(f.count("SELECT COUNT(*) FROM subscription")).isEqualTo(NUMBERS);
    assertThat(f.gateway.requests()).hasSize(NUMBERS);
    assertThat(f.gateway.chargesThatMovedMoney()).isEqualTo(NUMBERS);
    for (int i = 0; i < NUMBERS; i++) {
      List<SubscriptionOutcome> outcomes =
          List.of(all.get(3 * i).join(), all.get(3 * i + 1).join(), all.get(3 * i + 2).join());
      assertThat(outcomes).filteredOn(o -> o instanceof Subscribed).hasSize(1);
      assertThat(outcomes)
          .filteredOn(o -> !(o instanceof Subscribed))
          .allSatisfy(
              o -> assertThat(o).isInstanceOfAny(AlreadySubscribed.class, ChargePending.class));
    }
  }

  @Test
  void duplicateConfirmsAtOnceChargeTheOrderOnce() throws Exception {
    var prompt =
        (ConfirmationRequired) f.service.subscribe(number(1), f.get("TQ"), f.mo("KT TQ")).join();
    f.gateway.hold();

    CompletableFuture<SubscriptionOutcome.ForConfirm> one =
        f.service.confirm(number(1), PORT, f.mo("是"));
    CompletableFuture<SubscriptionOutcome.ForConfirm> two =
        f.service.confirm(number(1), PORT, f.mo("是"));
    // Whichever claimed the charge waits for the held billing system; the other must be answered.
    Object firstDone = CompletableFuture.anyOf(one, two).get(10, TimeUnit.SECONDS);
    f.gateway.awaitRequests(1, Duration.ofSeconds(10));
    assertThat(firstDone).isInstanceOf(ChargePending.class);
    f.gateway.release();

    List<SubscriptionOutcome> outcomes =
        List.of(one.get(10, TimeUnit.SECONDS), two.get(10, TimeUnit.SECONDS));
    assertThat(outcomes).filteredOn(o -> o instanceof Subscribed).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof ChargePending).hasSize(1);
    assertThat(f.gateway.calls("order-" + prompt.order().id())).isEqualTo(1);
  }

  @Test
  void manyConfirmsAtOnceForManyNumbersChargeEachOrderOnce() {
    List<Long> orders = new ArrayList<>();
    for (int i = 0; i < NUMBERS; i++) {
      var prompt =
          (ConfirmationRequired) f.service.subscribe(number(i), f.get("TQ"), f.mo("KT TQ")).join();
      orders.add(prompt.order().id());
    }
    List<CompletableFuture<SubscriptionOutcome.ForConfirm>> all = new ArrayList<>();
    for (int i = 0; i < NUMBERS; i++) {
      for (int copy = 0; copy < 3; copy++) {
        all.add(f.service.confirm(number(i), PORT, f.mo("是")));
      }
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();

    for (long order : orders) {
      assertThat(f.gateway.calls("order-" + order)).isEqualTo(1);
    }
    assertThat(all.stream().map(CompletableFuture::join))
        .allSatisfy(
            o ->
                assertThat(o)
                    .isInstanceOfAny(Subscribed.class, ChargePending.class, NoPendingOrder.class))
        .filteredOn(o -> o instanceof Subscribed)
        .hasSize(NUMBERS);
    assertThat(f.count("SELECT COUNT(*) FROM subscription WHERE state = 'ACTIVE'"))
        .isEqualTo(NUMBERS);
  }
}
