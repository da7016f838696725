package io.vasgate.billing.charging;

/** What a billing system answered to a charge or refund. */
public enum ChargeStatus {
  /** Money moved (or, for a repeated idempotency key, had already moved). */
  SUCCESS,
  /** The subscriber cannot pay: tell them, activate nothing. */
  INSUFFICIENT_BALANCE,
  /** The billing system refused for good (barred number, unknown product): do not retry. */
  REJECTED,
  /** Not known whether it worked (timeout, 5xx, circuit open): retry later with the same key. */
  TEMPORARY_FAILURE;

  public boolean isFinal() {
    return this != TEMPORARY_FAILURE;
  }
}
