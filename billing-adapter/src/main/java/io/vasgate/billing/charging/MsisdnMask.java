package io.vasgate.billing.charging;

/**
 * Phone numbers as INFO logs may show them: {@code 13800138000} becomes {@code 138****8000}.
 *
 * <p>The first three and last four digits stay, which is enough for operations staff to match a
 * complaint against the logs and not enough to call anyone. Numbers of seven characters or fewer
 * keep only their last two.
 */
public final class MsisdnMask {

  /** Digits kept at the front of a long number: the carrier prefix. */
  public static final int KEPT_PREFIX = 3;

  /** Digits kept at the end of a long number. */
  public static final int KEPT_SUFFIX = 4;

  private static final int SHORT_KEPT_SUFFIX = 2;

  private MsisdnMask() {}

  /** The masked form of {@code msisdn}; {@code "null"} for null. */
  public static String mask(String msisdn) {
    if (msisdn == null) {
      return "null";
    }
    int length = msisdn.length();
    if (length > KEPT_PREFIX + KEPT_SUFFIX) {
      return msisdn.substring(0, KEPT_PREFIX)
          + "*".repeat(length - KEPT_PREFIX - KEPT_SUFFIX)
          + msisdn.substring(length - KEPT_SUFFIX);
    }
    if (length > SHORT_KEPT_SUFFIX) {
      return "*".repeat(length - SHORT_KEPT_SUFFIX) + msisdn.substring(length - SHORT_KEPT_SUFFIX);
    }
    return "*".repeat(length);
  }
}
