package io.vasgate.admin.evidence;

import io.vasgate.billing.cdr.Cdr;
import io.vasgate.billing.charging.ChargeResult;
import java.util.Objects;

/**
 * What became of a staff refund.
 *
 * @param refundKey the refund's idempotency key
 * @param charge the record of the charge refunded
 * @param refundedBeforeFen refunded of the charge before this request
 * @param refundedAfterFen refunded of it after
 * @param result the billing system's answer
 * @param replayed whether this key had already refunded, so that nothing moved this time
 */
record RefundOutcome(
    String refundKey,
    Cdr charge,
    long refundedBeforeFen,
    long refundedAfterFen,
    ChargeResult result,
    boolean replayed) {

  RefundOutcome {
    Objects.requireNonNull(refundKey, "refundKey");
    Objects.requireNonNull(charge, "charge");
    Objects.requireNonNull(result, "result");
  }

  /** What was left to refund before this request. */
  long refundableBeforeFen() {
    return charge.feeFen() - refundedBeforeFen;
  }
}
