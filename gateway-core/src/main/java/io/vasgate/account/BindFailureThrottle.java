package io.vasgate.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Objects;

/**
 * Slows down repeated failed binds from one address: each failure after the first few makes the
 * next answer wait longer, doubling up to a cap, and an address that stays quiet for a while is
 * forgotten. The delay is returned, never slept: the session waits on its event loop's timer.
 *
 * <p>IPv6 peers are counted per /{@value #IPV6_PREFIX_BITS} network, since one host commonly owns a
 * whole /64 and could otherwise pick a fresh address for every guess.
 *
 * <p>A successful bind does not clear an address's count: otherwise a holder of one valid account
 * could interleave good binds with guesses at another. Legitimate ESMEs lose nothing, as accepted
 * binds are never delayed, and the count fades after the quiet period.
 *
 * <p>Thread-safe. At most {@value #MAX_TRACKED_PEERS} addresses are tracked; beyond that the least
 * recently failing are dropped, bounding memory under a distributed attack.
 */
public final class BindFailureThrottle {

  /** Most peer addresses (or IPv6 /64 networks) remembered at once. */
  public static final int MAX_TRACKED_PEERS = 100_000;

  /** IPv6 peers are counted per network of this prefix length. */
  public static final int IPV6_PREFIX_BITS = 64;

  /**
   * How failures turn into delays.
   *
   * @param freeFailures failures from one peer answered without delay (typos happen)
   * @param firstDelay the delay of the first failure beyond the free ones; each further failure
   *     doubles it
   * @param maxDelay the cap on the delay
   * @param quietPeriod time without failures after which a peer's count starts over
   */
  public record Policy(
      int freeFailures, Duration firstDelay, Duration maxDelay, Duration quietPeriod) {

    /** 2 free failures, then 250 ms doubling to 5 s; forgotten after 10 quiet minutes. */
    public static final Policy DEFAULT =
        new Policy(2, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofMinutes(10));

    public Policy {
      if (freeFailures < 0) {
        throw new IllegalArgumentException(
            "bind failure freeFailures must be at least 0 but was " + freeFailures);
      }
      Objects.requireNonNull(firstDelay, "firstDelay");
      Objects.requireNonNull(maxDelay, "maxDelay");
      Objects.requireNonNull(quietPeriod, "quietPeriod");
      if (firstDelay.isNegative() || firstDelay.isZero()) {
        throw new IllegalArgumentException(
            "bind failure firstDelay must be positive but was " + firstDelay);
      }
      if (maxDelay.compareTo(firstDelay) < 0) {
        throw new IllegalArgumentException(
            "bind failure maxDelay " + maxDelay + " is less than firstDelay " + firstDelay);
      }
      if (quietPeriod.isNegative() || quietPeriod.isZero()) {
        throw new IllegalArgumentException(
            "bind failure quietPeriod must be positive but was " + quietPeriod);
      }
    }

    /** The delay to answer the {@code failures}-th recent failure with (1 = the first). */
    public Duration delayAfter(int failures) {
      int beyondFree = failures - freeFailures;
      if (beyondFree <= 0) {
        return Duration.ZERO;
      }
      // Past 2^20 times the first delay any sane cap has long been reached; stop before overflow.
      int doublings = Math.min(beyondFree - 1, 20);
      Duration delay = firstDelay.multipliedBy(1L << doublings);
      return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
  }

  private record Failures(int count, Instant last) {}

  private final Policy policy;
  private final InstantSource clock;
  private final Cache<InetAddress, Failures> failures;

  public BindFailureThrottle(Policy policy, InstantSource clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.failures =
        Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED_PEERS)
            .expireAfterWrite(policy.quietPeriod())
            .ticker(() -> nanos(clock.instant()))
            // Maintenance on the calling thread: no hidden ForkJoinPool work, deterministic tests.
            .executor(Runnable::run)
            .build();
  }

  /**
   * Counts a failed bind from {@code peer}.
   *
   * @return how long to wait before answering it
   */
  public Duration recordFailure(InetAddress peer) {
    Instant now = clock.instant();
    Failures updated =
        failures
            .asMap()
            .compute(
                key(peer),
                (k, old) ->
                    old == null || isStale(old, now)
                        ? new Failures(1, now)
                        : new Failures(saturatedIncrement(old.count()), now));
    return policy.delayAfter(updated.count());
  }

  /** Failures from {@code peer} not yet forgotten. */
  public int recentFailures(InetAddress peer) {
    Failures current = failures.getIfPresent(key(peer));
    return current == null || isStale(current, clock.instant()) ? 0 : current.count();
  }

  public Policy policy() {
    return policy;
  }

  private boolean isStale(Failures f, Instant now) {
    // Caffeine expires entries on the same schedule; checking here keeps the rule exact.
    return !now.isBefore(f.last().plus(policy.quietPeriod()));
  }

  private static int saturatedIncrement(int count) {
    return count == Integer.MAX_VALUE ? count : count + 1;
  }

  private static InetAddress key(InetAddress peer) {
    Objects.requireNonNull(peer, "peer");
    if (!(peer instanceof Inet6Address)) {
      return peer;
    }
    byte[] network = peer.getAddress();
    Arrays.fill(network, IPV6_PREFIX_BITS / 8, 16, (byte) 0);
    try {
      return InetAddress.getByAddress(network);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are always an IPv6 address", e);
    }
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
