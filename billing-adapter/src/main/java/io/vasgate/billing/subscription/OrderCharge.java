package io.vasgate.billing.subscription;

import io.vasgate.billing.charging.ChargeReason;
import io.vasgate.billing.charging.ChargeRequest;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.RefundRequest;
import io.vasgate.command.catalog.ChargeType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One charge the subscription service sent (or is about to send) to the billing system: the first
 * charge of an order, a renewal or a use, with everything needed to send it again with the same key
 * and amount. The row is written before the billing system is called, so a crash leaves a record of
 * the attempt that a later run retries.
 *
 * @param idempotencyKey {@code order-<id>}, {@code renewal-<id>-<yyyy-MM>} or {@code use-<moId>}
 * @param msisdn the billed number
 * @param partnerCode the product's partner
 * @param serviceNumber the product's service number (port and extension)
 * @param productCode the product
 * @param chargeType monthly or per use
 * @param amountFen what is charged; fixed when the row is written so that every attempt asks the
 *     same
 * @param reason order, renewal or use
 * @param subscriptionId the subscription charged for; empty for a use
 * @param moId the MO that caused it; empty for renewals
 * @param status what is known
 * @param attempts how many times it was sent (claimed)
 * @param claimedUntil while {@code ATTEMPTED}: until when the claiming process owns it
 * @param createdAt when first attempted
 * @param settledAt when the outcome became final
 * @param transactionId the billing system's reference, empty until it gives one
 * @param detail the billing system's explanation
 * @param refundKey when the charge is being (or was) refunded automatically: the refund's key
 * @param refundStatus what is known about that refund
 * @param refundReason why it is refunded
 */
public record OrderCharge(
    String idempotencyKey,
    String msisdn,
    String partnerCode,
    String serviceNumber,
    String productCode,
    ChargeType chargeType,
    long amountFen,
    ChargeReason reason,
    Optional<Long> subscriptionId,
    Optional<Long> moId,
    OrderChargeStatus status,
    int attempts,
    Optional<Instant> claimedUntil,
    Instant createdAt,
    Optional<Instant> settledAt,
    String transactionId,
    String detail,
    Optional<String> refundKey,
    Optional<OrderChargeStatus> refundStatus,
    Optional<String> refundReason) {

  /** Who automatic refunds are requested by, in the billing system's records. */
  public static final String AUTO_REFUND_REQUESTER = "vasgate-subscriptions";

  public OrderCharge {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(partnerCode, "partnerCode");
    Objects.requireNonNull(serviceNumber, "serviceNumber");
    Objects.requireNonNull(productCode, "productCode");
    Objects.requireNonNull(chargeType, "chargeType");
    if (amountFen <= 0) {
      throw new IllegalArgumentException("amountFen must be positive: " + amountFen);
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(moId, "moId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(claimedUntil, "claimedUntil");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(settledAt, "settledAt");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(refundKey, "refundKey");
    Objects.requireNonNull(refundStatus, "refundStatus");
    Objects.requireNonNull(refundReason, "refundReason");
  }

  /** A new attempt, claimed by the caller until {@code claimedUntil}. */
  public static OrderCharge attempt(
      String idempotencyKey,
      String msisdn,
      io.vasgate.command.catalog.Product product,
      long amountFen,
      ChargeReason reason,
      Optional<Long> subscriptionId,
      Optional<Long> moId,
      Instant now,
      Instant claimedUntil) {
    return new OrderCharge(
        idempotencyKey,
        msisdn,
        product.partnerCode(),
        product.servicePort() + product.extension(),
        product.code(),
        product.chargeType(),
        amountFen,
        reason,
        subscriptionId,
        moId,
        OrderChargeStatus.ATTEMPTED,
        1,
        Optional.of(claimedUntil),
        now,
        Optional.empty(),
        "",
        "",
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** The request that sends this charge: the same for every attempt. */
  public ChargeRequest toRequest() {
    return new ChargeRequest(
        idempotencyKey,
        msisdn,
        partnerCode,
        serviceNumber,
        productCode,
        chargeType,
        amountFen,
        reason,
        moId);
  }

  /** The request that refunds this charge in full, for reason {@code why}. */
  public RefundRequest toRefund(String why) {
    return new RefundRequest(
        MonthlyBilling.refundKey(idempotencyKey),
        idempotencyKey,
        msisdn,
        amountFen,
        why,
        AUTO_REFUND_REQUESTER);
  }

  /** The billing answer recorded, as a result; {@code TEMPORARY_FAILURE} while unsettled. */
  public ChargeResult recordedResult() {
    return new ChargeResult(status.toChargeStatus(), transactionId, detail);
  }
}
