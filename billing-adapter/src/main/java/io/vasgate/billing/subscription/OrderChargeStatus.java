package io.vasgate.billing.subscription;

import io.vasgate.billing.charging.ChargeStatus;

/** What is known about one charge (or the refund of one) sent to the billing system. */
public enum OrderChargeStatus {
  /**
   * Claimed by one process, which is sending it now. Others leave it alone until the claim's lease
   * ends; after that (the process died) it is retried with the same key.
   */
  ATTEMPTED,
  /** The billing system answered {@code TEMPORARY_FAILURE}: outcome unknown, retry with the key. */
  UNKNOWN,
  /** Money moved. */
  SUCCESS,
  /** The subscriber could not pay; nothing moved. */
  INSUFFICIENT_BALANCE,
  /** The billing system refused for good; nothing moved. */
  REJECTED;

  /** The status that records a billing system's answer {@code status}. */
  public static OrderChargeStatus of(ChargeStatus status) {
    switch (status) {
      case SUCCESS:
        return SUCCESS;
      case INSUFFICIENT_BALANCE:
        return INSUFFICIENT_BALANCE;
      case REJECTED:
        return REJECTED;
      default:
        return UNKNOWN;
    }
  }

  /** Whether the outcome is final: no more attempts. */
  public boolean isSettled() {
    return this == SUCCESS || this == INSUFFICIENT_BALANCE || this == REJECTED;
  }

  /** The billing answer this status records; {@code TEMPORARY_FAILURE} while not settled. */
  public ChargeStatus toChargeStatus() {
    switch (this) {
      case SUCCESS:
        return ChargeStatus.SUCCESS;
      case INSUFFICIENT_BALANCE:
        return ChargeStatus.INSUFFICIENT_BALANCE;
      case REJECTED:
        return ChargeStatus.REJECTED;
      default:
        return ChargeStatus.TEMPORARY_FAILURE;
    }
  }
}
