package io.vasgate.account;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the live binds of each account, so no account holds more than its {@code maxBinds}.
 * In-memory: after a restart no session is bound, so there is nothing to remember. Thread-safe.
 */
public final class BindRegistry {

  /** Live binds per system_id; an account with none has no entry. */
  private final ConcurrentHashMap<String, Integer> live = new ConcurrentHashMap<>();

  /**
   * Takes a bind slot of {@code systemId} if fewer than {@code maxBinds} are taken; checking and
   * taking are one atomic step, so concurrent binds cannot overshoot the limit.
   *
   * @return the lease, or empty if the account is at its limit
   */
  public Optional<BindLease> tryAcquire(String systemId, int maxBinds) {
    Objects.requireNonNull(systemId, "systemId");
    if (maxBinds < 1) {
      throw new IllegalArgumentException("maxBinds must be at least 1 but was " + maxBinds);
    }
    boolean[] acquired = {false};
    live.compute(
        systemId,
        (id, count) -> {
          int current = count == null ? 0 : count;
          if (current >= maxBinds) {
            return count;
          }
          acquired[0] = true;
          return current + 1;
        });
    return acquired[0] ? Optional.of(new BindLease(systemId, this)) : Optional.empty();
  }

  /** How many binds of {@code systemId} are live. */
  public int liveBinds(String systemId) {
    return live.getOrDefault(systemId, 0);
  }

  /** Live binds per system_id at this moment, for the admin API and metrics. */
  public Map<String, Integer> snapshot() {
    return Map.copyOf(live);
  }

  /** Called by {@link BindLease#release()} exactly once per lease. */
  void release(String systemId) {
    live.computeIfPresent(systemId, (id, count) -> count <= 1 ? null : count - 1);
  }
}
