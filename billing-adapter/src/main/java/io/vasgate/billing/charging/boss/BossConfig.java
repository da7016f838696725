package io.vasgate.billing.charging.boss;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an operator's billing system (BOSS) and how hard to try.
 *
 * <p>An attempt that times out, gets a 408, 429 or 5xx, or cannot connect is retried after {@link
 * #backoff(int)} with the same idempotency key, up to {@code maxAttempts} attempts in all. Every
 * such failure counts towards the circuit breaker; {@code breakerFailureThreshold} consecutive ones
 * open it, and while open no request is sent for {@code breakerCoolDown}.
 *
 * <p>Worst case, a call takes {@code maxAttempts * requestTimeout} plus the backoffs before it
 * answers {@code TEMPORARY_FAILURE}; size the caller's patience accordingly.
 *
 * @param baseUri where the BOSS listens, {@code http} or {@code https}; {@code /charge} and {@code
 *     /refund} are appended
 * @param requestTimeout how long one attempt waits for the whole answer
 * @param maxAttempts attempts per call, the first included
 * @param initialBackoff the wait before the second attempt; it doubles per attempt
 * @param maxBackoff the longest wait between attempts
 * @param breakerFailureThreshold consecutive failed attempts that open the circuit
 * @param breakerCoolDown how long the circuit stays open before one trial request is let through
 */
public record BossConfig(
    URI baseUri,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    int breakerFailureThreshold,
    Duration breakerCoolDown) {

  /** Shortest timeout that is not a misconfiguration: even loopback needs some milliseconds. */
  public static final Duration MIN_REQUEST_TIMEOUT = Duration.ofMillis(10);

  /** Longest timeout: a subscriber is waiting for the reply SMS. */
  public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** Most attempts per call; beyond this retries only pile load on a struggling BOSS. */
  public static final int MAX_ATTEMPTS = 10;

  /** Highest breaker threshold; a larger one would never open in practice. */
  public static final int MAX_BREAKER_THRESHOLD = 1000;

  /**
   * @throws IllegalArgumentException naming the key ({@code billing.boss.*}) of the first value
   *     that is missing, out of range or contradicts another
   */
  public BossConfig {
    Objects.requireNonNull(baseUri, "billing.boss.baseUri");
    if (!baseUri.isAbsolute()
        || baseUri.getHost() == null
        || !("http".equals(baseUri.getScheme()) || "https".equals(baseUri.getScheme()))
        || baseUri.getQuery() != null
        || baseUri.getFragment() != null) {
      throw new IllegalArgumentException(
          "billing.boss.baseUri must be an http(s) URI with a host and no query, got " + baseUri);
    }
    Objects.requireNonNull(requestTimeout, "billing.boss.requestTimeout");
    if (requestTimeout.compareTo(MIN_REQUEST_TIMEOUT) < 0
        || requestTimeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "billing.boss.requestTimeout must be in "
              + MIN_REQUEST_TIMEOUT
              + ".."
              + MAX_REQUEST_TIMEOUT
              + ", got "
              + requestTimeout);
    }
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException(
          "billing.boss.maxAttempts must be in 1.." + MAX_ATTEMPTS + ", got " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "billing.boss.initialBackoff");
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException(
          "billing.boss.initialBackoff must not be negative, got " + initialBackoff);
    }
    Objects.requireNonNull(maxBackoff, "billing.boss.maxBackoff");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "billing.boss.maxBackoff ("
              + maxBackoff
              + ") must not be less than billing.boss.initialBackoff ("
              + initialBackoff
              + ")");
    }
    if (breakerFailureThreshold < 1 || breakerFailureThreshold > MAX_BREAKER_THRESHOLD) {
      throw new IllegalArgumentException(
          "billing.boss.breakerFailureThreshold must be in 1.."
              + MAX_BREAKER_THRESHOLD
              + ", got "
              + breakerFailureThreshold);
    }
    Objects.requireNonNull(breakerCoolDown, "billing.boss.breakerCoolDown");
    if (breakerCoolDown.isZero() || breakerCoolDown.isNegative()) {
      throw new IllegalArgumentException(
          "billing.boss.breakerCoolDown must be positive, got " + breakerCoolDown);
    }
  }

  /**
   * The defaults for {@code baseUri}: 2 s per attempt, 3 attempts, 200 ms backoff doubling up to 2
   * s, the circuit opening after 5 consecutive failures for 30 s.
   */
  public static BossConfig defaults(URI baseUri) {
    return new BossConfig(
        baseUri,
        Duration.ofSeconds(2),
        3,
        Duration.ofMillis(200),
        Duration.ofSeconds(2),
        5,
        Duration.ofSeconds(30));
  }

  /**
   * The wait after failed attempt number {@code failedAttempt} (1 for the first): {@code
   * initialBackoff * 2^(failedAttempt - 1)}, at most {@code maxBackoff}.
   */
  public Duration backoff(int failedAttempt) {
    if (failedAttempt < 1) {
      throw new IllegalArgumentException("attempts count from 1: " + failedAttempt);
    }
    Duration wait = initialBackoff;
    for (int i = 1; i < failedAttempt && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }

  /** The URI of an operation, {@code charge} or {@code refund}. */
  URI resolve(String operation) {
    String base = baseUri.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + operation);
  }
}
