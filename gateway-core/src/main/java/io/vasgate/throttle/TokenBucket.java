package io.vasgate.throttle;

import java.util.function.LongSupplier;

/**
 * A rate limit of {@code ratePerSecond} with bursts up to one second's worth, refilled continuously
 * from an injected nanosecond clock so tests never sleep.
 *
 * <p>One bucket may be shared by all sessions of an account across event loops; the critical
 * section is a handful of arithmetic operations, so a monitor is cheaper than a CAS loop here.
 */
public final class TokenBucket {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final LongSupplier nanoTime;
  private final long ratePerSecond;
  private final long capacityNanos;

  /** Credit, in nanoseconds-of-rate: each permit costs {@code 1e9 / rate} of it. */
  private long creditNanos;

  private long lastRefill;

  public TokenBucket(long ratePerSecond, LongSupplier nanoTime) {
    if (ratePerSecond < 1) {
      throw new IllegalArgumentException("rate must be at least 1/s: " + ratePerSecond);
    }
    this.nanoTime = nanoTime;
    this.ratePerSecond = ratePerSecond;
    this.capacityNanos = NANOS_PER_SECOND;
    this.lastRefill = nanoTime.getAsLong();
    this.creditNanos = capacityNanos;
  }

  public long ratePerSecond() {
    return ratePerSecond;
  }

  /** Takes {@code permits} if there is credit for all of them; never blocks. */
  public synchronized boolean tryAcquire(int permits) {
    long now = nanoTime.getAsLong();
    long elapsed = now - lastRefill;
    if (elapsed > 0) {
      creditNanos = Math.min(capacityNanos, creditNanos + elapsed);
      lastRefill = now;
    }
    long cost = permits * NANOS_PER_SECOND / ratePerSecond;
    if (creditNanos >= cost) {
      creditNanos -= cost;
      return true;
    }
    return false;
  }
}
