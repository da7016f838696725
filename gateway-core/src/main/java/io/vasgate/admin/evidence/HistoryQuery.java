package io.vasgate.admin.evidence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which part of a subscriber's history to show.
 *
 * @param msisdn the subscriber
 * @param from only events at or after this instant
 * @param to only events before this instant
 * @param limit at most this many events, the earliest first
 */
record HistoryQuery(String msisdn, Optional<Instant> from, Optional<Instant> to, int limit) {

  /** Events per answer unless the caller asks otherwise: years of an ordinary subscriber. */
  static final int DEFAULT_LIMIT = 500;

  /**
   * Most events one answer holds. Every source is read up to this many rows plus one, so this also
   * bounds the memory of one request.
   */
  static final int MAX_LIMIT = 5_000;

  /**
   * @throws IllegalArgumentException for a range that ends before it starts or a limit out of range
   */
  HistoryQuery {
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      throw new IllegalArgumentException("to " + to.get() + " is before from " + from.get());
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }

  /** Whether {@code at} lies in the range. */
  boolean covers(Instant at) {
    return from.map(f -> !at.isBefore(f)).orElse(true) && to.map(at::isBefore).orElse(true);
  }
}
