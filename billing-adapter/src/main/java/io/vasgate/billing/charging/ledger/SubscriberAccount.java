package io.vasgate.billing.charging.ledger;

/**
 * A subscriber's standing in the internal ledger.
 *
 * <p>A number without an account is postpaid: the operator bills it later, so the ledger lets every
 * charge through. An account can make a number prepaid (charges draw on {@code balanceFen} and fail
 * with insufficient balance when it is short) or bar it (every charge is rejected).
 *
 * @param msisdn the subscriber's number
 * @param prepaid whether charges draw on the balance; a postpaid account ignores it
 * @param balanceFen the prepaid balance in fen, never negative
 * @param barred whether every charge is refused
 */
public record SubscriberAccount(String msisdn, boolean prepaid, long balanceFen, boolean barred) {

  /**
   * Longest number the ledger stores: SMPP addresses are at most 20 characters, with room to spare.
   */
  public static final int MAX_MSISDN_LENGTH = 32;

  /**
   * @throws IllegalArgumentException for a blank or over-long number or a negative balance
   */
  public SubscriberAccount {
    if (msisdn == null || msisdn.isBlank() || msisdn.length() > MAX_MSISDN_LENGTH) {
      throw new IllegalArgumentException(
          "msisdn must be 1.." + MAX_MSISDN_LENGTH + " characters: " + msisdn);
    }
    if (balanceFen < 0) {
      throw new IllegalArgumentException("balance must not be negative: " + balanceFen);
    }
  }

  /** A prepaid, unbarred account holding {@code balanceFen}. */
  public static SubscriberAccount prepaid(String msisdn, long balanceFen) {
    return new SubscriberAccount(msisdn, true, balanceFen, false);
  }

  /** A postpaid, unbarred account. */
  public static SubscriberAccount postpaid(String msisdn) {
    return new SubscriberAccount(msisdn, false, 0, false);
  }

  /** This account, barred or not. */
  public SubscriberAccount withBarred(boolean value) {
    return new SubscriberAccount(msisdn, prepaid, balanceFen, value);
  }
}
