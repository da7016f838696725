package io.vasgate.persistence;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a group commit's lane busy with a work that waits, so that what is submitted meanwhile on
 * that lane runs as one batch once the gate closes (and the waiting work's batch holds its key's
 * locks until then).
 */
public final class LaneGate implements AutoCloseable {

  private final CountDownLatch release = new CountDownLatch(1);

  private LaneGate() {}

  /** Returns once the waiting work runs on the lane of {@code key}. */
  public static LaneGate hold(GroupCommit groupCommit, String key) throws InterruptedException {
    LaneGate gate = new LaneGate();
    CountDownLatch entered = new CountDownLatch(1);
    groupCommit.submit(
        "gate",
        key,
        c -> {
          entered.countDown();
          try {
            gate.release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return null;
        });
    if (!entered.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the lane of " + key + " did not take the gate");
    }
    return gate;
  }

  /** Lets the lane go on. */
  @Override
  public void close() {
    release.countDown();
  }
}
