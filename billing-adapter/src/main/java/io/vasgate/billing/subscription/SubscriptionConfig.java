package io.vasgate.billing.subscription;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings of the subscription service, validated once.
 *
 * @param zone the billing zone: which calendar day an instant falls on, for trial ends, first
 *     months and renewal dates (operators bill in local time, e.g. {@code Asia/Shanghai})
 * @param selectWindow how long after a {@code 0000} list a reply of item numbers ({@code 1，3})
 *     cancels those items
 * @param chargeLease how long a process that sent a charge owns it: longer than the billing
 *     adapter's timeout with all its retries; after it, another process may send it again with the
 *     same key
 * @param batchSize rows per transaction in the background sweeps (expiry, retries)
 */
public record SubscriptionConfig(
    ZoneId zone, Duration selectWindow, Duration chargeLease, int batchSize) {

  /**
   * Default {@code selectWindow}: long enough to read the list and answer, short enough to forget.
   */
  public static final Duration DEFAULT_SELECT_WINDOW = Duration.ofMinutes(10);

  /** Default {@code chargeLease}: well above the HTTP adapter's total of timeouts and retries. */
  public static final Duration DEFAULT_CHARGE_LEASE = Duration.ofMinutes(5);

  /** Default {@code batchSize}. */
  public static final int DEFAULT_BATCH_SIZE = 200;

  /**
   * Longest {@code selectWindow} accepted: a list older than a day no longer describes anything.
   */
  public static final Duration MAX_SELECT_WINDOW = Duration.ofDays(1);

  /** Shortest {@code chargeLease} accepted. */
  public static final Duration MIN_CHARGE_LEASE = Duration.ofSeconds(1);

  /** Largest {@code batchSize} accepted. */
  public static final int MAX_BATCH_SIZE = 10_000;

  /**
   * @throws IllegalArgumentException naming the key of a value out of range
   */
  public SubscriptionConfig {
    Objects.requireNonNull(zone, "subscriptions.zone");
    Objects.requireNonNull(selectWindow, "subscriptions.selectWindow");
    if (selectWindow.isNegative()
        || selectWindow.isZero()
        || selectWindow.compareTo(MAX_SELECT_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "subscriptions.selectWindow must be in (0, "
              + MAX_SELECT_WINDOW
              + "] but was "
              + selectWindow);
    }
    Objects.requireNonNull(chargeLease, "subscriptions.chargeLease");
    if (chargeLease.compareTo(MIN_CHARGE_LEASE) < 0) {
      throw new IllegalArgumentException(
          "subscriptions.chargeLease must be at least "
              + MIN_CHARGE_LEASE
              + " but was "
              + chargeLease);
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "subscriptions.batchSize must be in 1.." + MAX_BATCH_SIZE + " but was " + batchSize);
    }
  }

  /** The defaults, billing in {@code zone}. */
  public static SubscriptionConfig defaults(ZoneId zone) {
    return new SubscriptionConfig(
        zone, DEFAULT_SELECT_WINDOW, DEFAULT_CHARGE_LEASE, DEFAULT_BATCH_SIZE);
  }
}
