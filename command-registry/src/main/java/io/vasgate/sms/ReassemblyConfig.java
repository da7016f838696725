package io.vasgate.sms;

import java.time.Duration;

/**
 * Limits of a {@link Reassembler}. Memory is bounded by {@code maxPendingGroups * maxPartsPerGroup
 * * maxPartOctets}.
 *
 * @param timeout how long a group may wait for its missing parts, counted from its first part
 * @param maxPendingGroups incomplete groups held at once; a part that would open one more is
 *     rejected
 * @param maxPartsPerGroup largest total accepted (at most 255, the UDH and SAR limit)
 * @param maxPartOctets largest payload accepted for one part (254 for short_message; more for
 *     message_payload)
 * @param completedRetention how long a completed group is remembered so that parts resent after it
 *     completed (an SMSC retrying after a lost deliver_sm_resp) are answered as duplicates instead
 *     of starting it again; zero disables. At most {@code maxPendingGroups} completed groups are
 *     remembered.
 */
public record ReassemblyConfig(
    Duration timeout,
    int maxPendingGroups,
    int maxPartsPerGroup,
    int maxPartOctets,
    Duration completedRetention) {

  /**
   * Default wait for missing parts; SMSCs usually deliver the parts of one message within seconds.
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

  /** Default cap on incomplete groups. */
  public static final int DEFAULT_MAX_PENDING_GROUPS = 10_000;

  /**
   * Default largest part payload: short_message's 254 octets plus room for message_payload parts.
   */
  public static final int DEFAULT_MAX_PART_OCTETS = 1024;

  public ReassemblyConfig {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (maxPendingGroups < 1) {
      throw new IllegalArgumentException("maxPendingGroups must be >= 1, was " + maxPendingGroups);
    }
    if (maxPartsPerGroup < 1 || maxPartsPerGroup > Concatenation.MAX_PARTS) {
      throw new IllegalArgumentException(
          "maxPartsPerGroup must be 1.." + Concatenation.MAX_PARTS + ", was " + maxPartsPerGroup);
    }
    if (maxPartOctets < 1) {
      throw new IllegalArgumentException("maxPartOctets must be >= 1, was " + maxPartOctets);
    }
    if (completedRetention == null || completedRetention.isNegative()) {
      throw new IllegalArgumentException(
          "completedRetention must be zero or positive, was " + completedRetention);
    }
  }

  /**
   * Remembers completed groups as long as incomplete ones wait: a handset or SMSC does not reuse a
   * reference for the same destination that fast, so a part in that window is a resend.
   */
  public ReassemblyConfig(
      Duration timeout, int maxPendingGroups, int maxPartsPerGroup, int maxPartOctets) {
    this(timeout, maxPendingGroups, maxPartsPerGroup, maxPartOctets, timeout);
  }

  public static ReassemblyConfig defaults() {
    return new ReassemblyConfig(
        DEFAULT_TIMEOUT,
        DEFAULT_MAX_PENDING_GROUPS,
        Concatenation.MAX_PARTS,
        DEFAULT_MAX_PART_OCTETS);
  }
}
