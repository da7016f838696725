package io.vasgate.billing.renewal;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the renewal job, validated once.
 *
 * @param reminderDaysBefore how many days before a charge the subscriber is reminded; 0 for no
 *     reminders
 * @param batchSize subscriptions claimed per transaction
 * @param chargeLease how long a node that claimed a charge owns it: longer than the billing
 *     adapter's timeout with retries. After a crash, the next run after the lease resends it with
 *     the same key.
 * @param jobName the cause recorded on the transitions the job makes
 */
public record RenewalConfig(
    int reminderDaysBefore, int batchSize, Duration chargeLease, String jobName) {

  /** Longest reminder lead accepted: more than a month ahead would remind of the wrong month. */
  public static final int MAX_REMINDER_DAYS = 27;

  /** Default {@code reminderDaysBefore}. */
  public static final int DEFAULT_REMINDER_DAYS = 3;

  /** Default {@code batchSize}. */
  public static final int DEFAULT_BATCH_SIZE = 200;

  /** Largest {@code batchSize} accepted. */
  public static final int MAX_BATCH_SIZE = 10_000;

  /** Default {@code chargeLease}. */
  public static final Duration DEFAULT_CHARGE_LEASE = Duration.ofMinutes(5);

  /** Default {@code jobName}. */
  public static final String DEFAULT_JOB_NAME = "renewal";

  /**
   * @throws IllegalArgumentException naming the key of a value out of range
   */
  public RenewalConfig {
    if (reminderDaysBefore < 0 || reminderDaysBefore > MAX_REMINDER_DAYS) {
      throw new IllegalArgumentException(
          "renewal.reminderDaysBefore must be in 0.."
              + MAX_REMINDER_DAYS
              + " but was "
              + reminderDaysBefore);
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "renewal.batchSize must be in 1.." + MAX_BATCH_SIZE + " but was " + batchSize);
    }
    Objects.requireNonNull(chargeLease, "renewal.chargeLease");
    if (chargeLease.toMillis() < 1000) {
      throw new IllegalArgumentException(
          "renewal.chargeLease must be at least 1s but was " + chargeLease);
    }
    if (jobName == null || jobName.isBlank() || jobName.length() > 64) {
      throw new IllegalArgumentException("renewal.jobName must be 1..64 characters");
    }
  }

  /** The defaults. */
  public static RenewalConfig defaults() {
    return new RenewalConfig(
        DEFAULT_REMINDER_DAYS, DEFAULT_BATCH_SIZE, DEFAULT_CHARGE_LEASE, DEFAULT_JOB_NAME);
  }

  /** A copy with reminders {@code days} before. */
  public RenewalConfig withReminderDaysBefore(int days) {
    return new RenewalConfig(days, batchSize, chargeLease, jobName);
  }

  /** A copy with batches of {@code size}. */
  public RenewalConfig withBatchSize(int size) {
    return new RenewalConfig(reminderDaysBefore, size, chargeLease, jobName);
  }
}
