package io.vasgate.billing.charging.boss;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Where a retry waits out its backoff: an executor that runs a task once {@code delay} has passed.
 * Production waits in real time; tests record the delays asked for and run at once, so no test
 * sleeps through a backoff.
 */
@FunctionalInterface
public interface RetryDelay {

  /** An executor that runs what it is given after {@code delay}. */
  Executor after(Duration delay);

  /** Waits in real time, then runs on {@code executor}. */
  static RetryDelay realTime(Executor executor) {
    return delay ->
        CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, executor);
  }
}
