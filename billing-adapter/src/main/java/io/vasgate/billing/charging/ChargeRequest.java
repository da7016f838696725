package io.vasgate.billing.charging;

import java.util.Objects;
import java.util.Optional;

/**
 * One charge to one subscriber.
 *
 * @param idempotencyKey the same key for every attempt of the same charge, so retries can never
 *     charge twice (e.g. {@code order-<orderId>} or {@code renewal-<subscriptionId>-<period>})
 * @param msisdn the billed number
 * @param partnerCode the SP that gets the partner share
 * @param serviceNumber the service number (short code) the product is sold on
 * @param productCode the product
 * @param chargeType monthly, per use, free
 * @param amountFen the price in fen; positive
 * @param reason why: {@link ChargeReason}
 * @param causingMoId the MO record that caused the charge, if any (renewals have none)
 */
public record ChargeRequest(
    String idempotencyKey,
    String msisdn,
    String partnerCode,
    String serviceNumber,
    String productCode,
    io.vasgate.command.catalog.ChargeType chargeType,
    long amountFen,
    ChargeReason reason,
    Optional<Long> causingMoId) {

  public ChargeRequest {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
      throw new IllegalArgumentException("idempotencyKey must be 1..128 characters");
    }
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(partnerCode, "partnerCode");
    Objects.requireNonNull(serviceNumber, "serviceNumber");
    Objects.requireNonNull(productCode, "productCode");
    Objects.requireNonNull(chargeType, "chargeType");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(causingMoId, "causingMoId");
    if (amountFen <= 0) {
      throw new IllegalArgumentException("amountFen must be positive: " + amountFen);
    }
  }
}
