package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The duplicate-command guarantees again, with commands sharing transactions as the gateway runs
 * them: batching must not weaken "one order, at most one charge".
 */
class ConcurrentCommandsGroupCommitTest extends ConcurrentCommandsTest {

  @BeforeAll
  static void start() {
    f =
        new SubscriptionFixture(
            "sub_concurrent_gc", SubscriptionConfig.defaults(SubscriptionFixture.ZONE), true);
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @Test
  void concurrentCommandsActuallySharedTransactions() {
    List<CompletableFuture<SubscriptionOutcome.ForSubscribe>> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      all.add(
          f.service.subscribe("1381111" + String.format("%04d", i), f.get("TQ"), f.mo("KT TQ")));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    assertThat(all)
        .allSatisfy(
            s -> assertThat(s.join()).isInstanceOf(SubscriptionOutcome.ConfirmationRequired.class));
    assertThat(f.count("SELECT COUNT(*) FROM subscription WHERE msisdn LIKE '1381111%'"))
        .isEqualTo(40);
    var stats = f.groupCommit.orElseThrow().stats();
    assertThat(stats.works()).isGreaterThanOrEqualTo(40);
    assertThat(stats.batches()).isLessThan(stats.works());
  }
}
