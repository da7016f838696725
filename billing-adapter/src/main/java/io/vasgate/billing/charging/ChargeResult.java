package io.vasgate.billing.charging;

import java.util.Objects;

/**
 * The answer to a charge or refund.
 *
 * @param status the outcome
 * @param transactionId the billing system's reference, empty when nothing happened
 * @param detail a short explanation for logs and the subscriber's history
 */
public record ChargeResult(ChargeStatus status, String transactionId, String detail) {

  public ChargeResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(detail, "detail");
  }

  public boolean succeeded() {
    return status == ChargeStatus.SUCCESS;
  }
}
