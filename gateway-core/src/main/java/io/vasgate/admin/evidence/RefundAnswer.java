package io.vasgate.admin.evidence;

/**
 * The answer of a refund the billing system made.
 *
 * @param refundKey the refund's idempotency key: send the same request (or header) again to repeat
 *     it safely
 * @param status SUCCESS
 * @param transactionId the billing system's reference
 * @param chargedFen what the charge took
 * @param refundedFen refunded of it so far, this refund included
 * @param replayed whether this was a repeat of an earlier identical request, so that no money moved
 *     this time
 */
record RefundAnswer(
    String refundKey,
    String chargeKey,
    String msisdn,
    long amountFen,
    String status,
    String transactionId,
    String detail,
    long chargedFen,
    long refundedFen,
    boolean replayed) {

  static RefundAnswer of(RefundOrder order, RefundOutcome outcome) {
    return new RefundAnswer(
        outcome.refundKey(),
        order.chargeKey(),
        order.msisdn(),
        order.amountFen(),
        outcome.result().status().name(),
        outcome.result().transactionId(),
        outcome.result().detail(),
        outcome.charge().feeFen(),
        outcome.refundedAfterFen(),
        outcome.replayed());
  }
}
