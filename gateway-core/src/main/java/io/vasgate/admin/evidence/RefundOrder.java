package io.vasgate.admin.evidence;

import java.util.Objects;
import java.util.Optional;

/**
 * A refund staff asked for, checked field by field.
 *
 * @param chargeKey the idempotency key of the charge to refund
 * @param msisdn the number the charge billed
 * @param amountFen how much to give back; positive
 * @param reason why, in the staff's words; required
 * @param actor the admin user asking
 * @param clientKey the request's {@code Idempotency-Key}, if it had one
 */
record RefundOrder(
    String chargeKey,
    String msisdn,
    long amountFen,
    String reason,
    String actor,
    Optional<String> clientKey) {

  RefundOrder {
    Objects.requireNonNull(chargeKey, "chargeKey");
    Objects.requireNonNull(msisdn, "msisdn");
    if (amountFen <= 0) {
      throw new IllegalArgumentException("amountFen must be positive: " + amountFen);
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a refund needs a reason");
    }
    reason = reason.strip();
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(clientKey, "clientKey");
  }
}
