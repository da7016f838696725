package io.vasgate.billing.subscription;

import io.vasgate.command.catalog.Product;
import java.util.Objects;

/**
 * The outcome of a charge retried by {@link SubscriptionService#retryPendingCharges}: the
 * subscriber was told their order or use was being processed, and is now owed the final answer.
 *
 * @param charge the charge as it was before the retry
 * @param product its product
 * @param outcome for an order: {@code Subscribed}, {@code ChargeFailed}, {@code ChargePending}
 *     (still unknown) or {@code CancelledWhileCharging}; for a use: {@code Used}, {@code
 *     ChargeFailed} or {@code ChargePending}
 */
public record PendingChargeSettlement(
    OrderCharge charge, Product product, SubscriptionOutcome outcome) {

  public PendingChargeSettlement {
    Objects.requireNonNull(charge, "charge");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(outcome, "outcome");
  }
}
