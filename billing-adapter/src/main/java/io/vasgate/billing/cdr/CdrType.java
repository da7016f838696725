package io.vasgate.billing.cdr;

/**
 * What a call detail record records. Charges carry a fee of zero or more, refunds a negative one.
 */
public enum CdrType {
  CHARGE,
  REFUND
}
