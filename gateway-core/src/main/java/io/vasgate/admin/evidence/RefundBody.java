package io.vasgate.admin.evidence;

/**
 * The body of {@code POST /api/refunds}. Every field is required; boxed so that a missing one is
 * told apart from zero.
 *
 * @param chargeKey the idempotency key of the charge, as the history shows it
 * @param msisdn the number the charge billed
 * @param amountFen how much to give back, in fen
 * @param reason why, for the audit log and the subscriber's history
 */
record RefundBody(String chargeKey, String msisdn, Long amountFen, String reason) {}
