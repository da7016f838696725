package io.vasgate.billing.charging;

import java.util.Objects;

/**
 * Money back for an earlier charge.
 *
 * @param idempotencyKey the same key for every attempt of this refund
 * @param chargeIdempotencyKey the key of the charge being refunded
 * @param msisdn the number refunded
 * @param amountFen how much, at most the charge's amount
 * @param reason why, as operations staff wrote it (required)
 * @param requestedBy who asked (an operator's user name)
 */
public record RefundRequest(
    String idempotencyKey,
    String chargeIdempotencyKey,
    String msisdn,
    long amountFen,
    String reason,
    String requestedBy) {

  public RefundRequest {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
      throw new IllegalArgumentException("idempotencyKey must be 1..128 characters");
    }
    Objects.requireNonNull(chargeIdempotencyKey, "chargeIdempotencyKey");
    Objects.requireNonNull(msisdn, "msisdn");
    if (amountFen <= 0) {
      throw new IllegalArgumentException("amountFen must be positive: " + amountFen);
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a refund needs a reason");
    }
    Objects.requireNonNull(requestedBy, "requestedBy");
  }
}
