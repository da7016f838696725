package io.vasgate.billing.charging.boss;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops calling a billing system that keeps failing, so callers get {@code TEMPORARY_FAILURE} at
 * once instead of waiting out timeouts, and the system gets room to recover.
 *
 * <p>Closed, it lets everything through and counts consecutive failures; {@code failureThreshold}
 * of them open it. Open, it lets nothing through until {@code coolDown} has passed on the injected
 * clock; then it half-opens and lets exactly one trial request through. The trial's success closes
 * it, its failure opens it for another cool-down. A success in any state closes it: the system
 * evidently answers again.
 *
 * <p>Small on purpose (resilience4j's breaker would do the same with a dependency and a registry);
 * every method is synchronized and does no I/O, so contention costs nanoseconds.
 */
public final class CircuitBreaker {

  private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

  /** Where the breaker stands. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final String name;
  private final int failureThreshold;
  private final Duration coolDown;
  private final InstantSource clock;

  private State state = State.CLOSED;
  private int consecutiveFailures;
  private Instant openedAt = Instant.MIN;

  /**
   * @param name what the breaker guards, for logs
   * @param failureThreshold consecutive failures that open it, at least 1
   * @param coolDown how long it stays open, positive
   * @param clock measures the cool-down
   */
  public CircuitBreaker(String name, int failureThreshold, Duration coolDown, InstantSource clock) {
    this.name = Objects.requireNonNull(name, "name");
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be positive: " + failureThreshold);
    }
    Objects.requireNonNull(coolDown, "coolDown");
    if (coolDown.isZero() || coolDown.isNegative()) {
      throw new IllegalArgumentException("coolDown must be positive: " + coolDown);
    }
    this.failureThreshold = failureThreshold;
    this.coolDown = coolDown;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Whether a request may go out now. A {@code true} must be followed by exactly one {@link
   * #onSuccess} or {@link #onFailure} once the request's fate is known.
   */
  public synchronized boolean tryAcquire() {
    switch (state) {
      case CLOSED:
        return true;
      case OPEN:
        if (clock.instant().isBefore(openedAt.plus(coolDown))) {
          return false;
        }
        state = State.HALF_OPEN;
        log.info("{} - circuit half-open: letting one trial request through", name);
        return true;
      case HALF_OPEN:
      default:
        return false;
    }
  }

  /** The request got an answer. */
  public synchronized void onSuccess() {
    if (state != State.CLOSED) {
      log.info("{} - circuit closed: the billing system answers again", name);
    }
    state = State.CLOSED;
    consecutiveFailures = 0;
  }

  /** The request got no usable answer. */
  public synchronized void onFailure() {
    switch (state) {
      case HALF_OPEN:
        open("the trial request failed");
        break;
      case CLOSED:
        consecutiveFailures++;
        if (consecutiveFailures >= failureThreshold) {
          open(consecutiveFailures + " consecutive failures");
        }
        break;
      case OPEN:
      default:
        // A request sent before the circuit opened failed late: it is already open.
        break;
    }
  }

  public synchronized State state() {
    return state;
  }

  private void open(String why) {
    state = State.OPEN;
    openedAt = clock.instant();
    consecutiveFailures = 0;
    log.warn("{} - circuit open for {} after {}", name, coolDown, why);
  }
}
