package io.vasgate.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BindRegistryTest {

  private final BindRegistry registry = new BindRegistry();

  @Test
  void grantsUpToMaxBindsThenRefuses() {
    assertThat(registry.tryAcquire("demo", 2)).isPresent();
    assertThat(registry.tryAcquire("demo", 2)).isPresent();
    assertThat(registry.tryAcquire("demo", 2)).isEmpty();
    assertThat(registry.liveBinds("demo")).isEqualTo(2);
  }

  @Test
  void releasedLeaseFreesItsSlot() {
    BindLease lease = registry.tryAcquire("demo", 1).orElseThrow();
    assertThat(registry.tryAcquire("demo", 1)).isEmpty();

    assertThat(lease.release()).isTrue();

    assertThat(lease.isReleased()).isTrue();
    assertThat(registry.liveBinds("demo")).isZero();
    assertThat(registry.tryAcquire("demo", 1)).isPresent();
  }

  @Test
  void releasingALeaseTwiceFreesOnlyOneSlot() {
    BindLease first = registry.tryAcquire("demo", 2).orElseThrow();
    registry.tryAcquire("demo", 2).orElseThrow();

    assertThat(first.release()).isTrue();
    assertThat(first.release()).isFalse();

    assertThat(registry.liveBinds("demo")).isEqualTo(1);
    assertThat(registry.tryAcquire("demo", 2)).isPresent();
    assertThat(registry.tryAcquire("demo", 2)).isEmpty();
  }

  @Test
  void countsEachAccountSeparately() {
    registry.tryAcquire("demo", 1).orElseThrow();

    assertThat(registry.tryAcquire("mo", 1)).isPresent();
    assertThat(registry.snapshot()).containsEntry("demo", 1).containsEntry("mo", 1);
  }

  @Test
  void forgetsAccountsWithNoLiveBinds() {
    registry.tryAcquire("demo", 1).orElseThrow().release();

    assertThat(registry.snapshot()).isEmpty();
  }

  @Test
  void concurrentBindsNeverExceedTheLimit() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        String systemId = "acct" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<BindLease>>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          attempts.add(
              pool.submit(
                  () -> {
                    start.await();
                    return registry.tryAcquire(systemId, 5);
                  }));
        }
        start.countDown();
        int granted = 0;
        for (Future<Optional<BindLease>> attempt : attempts) {
          granted += attempt.get(5, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }
        assertThat(granted).as("round %d", round).isEqualTo(5);
        assertThat(registry.liveBinds(systemId)).isEqualTo(5);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
