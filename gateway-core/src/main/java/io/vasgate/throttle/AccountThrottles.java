package io.vasgate.throttle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One submit-rate bucket per ESME account, shared by all of the account's binds: a partner with
 * four binds gets its contracted rate, not four times it.
 */
public final class AccountThrottles {

  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  public AccountThrottles(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** The account's bucket, replaced if its contracted rate changed since it was made. */
  public TokenBucket forAccount(String systemId, long ratePerSecond) {
    TokenBucket bucket = buckets.get(systemId);
    if (bucket == null || bucket.ratePerSecond() != ratePerSecond) {
      bucket =
          buckets.compute(
              systemId,
              (id, existing) ->
                  existing != null && existing.ratePerSecond() == ratePerSecond
                      ? existing
                      : new TokenBucket(ratePerSecond, nanoTime));
    }
    return bucket;
  }
}
