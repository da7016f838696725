package io.vasgate.billing.cdr;

import io.vasgate.command.catalog.ChargeType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A call detail record: one successful charge or refund as operator and partner settle it.
 *
 * @param id the record's id; 0 before it is stored
 * @param type charge or refund
 * @param idempotencyKey the key of the charge or refund, unique per type
 * @param chargeKey refunds only: the key of the charge refunded
 * @param messageId the message id of the MO that caused the charge, if any
 * @param billedNumber the number charged or refunded
 * @param partnerCode the partner (SP) that gets the partner share
 * @param serviceNumber the service number the product is sold on
 * @param productCode the product
 * @param chargeType how the product is billed
 * @param feeFen the fee in fen: zero or more for a charge, negative for a refund
 * @param chargedAt when the billing system answered
 * @param recordedAt when the record was written
 * @param causingMoId the MO record that caused the charge, if any
 * @param transactionId the billing system's reference
 */
public record Cdr(
    long id,
    CdrType type,
    String idempotencyKey,
    Optional<String> chargeKey,
    Optional<String> messageId,
    String billedNumber,
    String partnerCode,
    String serviceNumber,
    String productCode,
    ChargeType chargeType,
    long feeFen,
    Instant chargedAt,
    Instant recordedAt,
    Optional<Long> causingMoId,
    String transactionId) {

  /**
   * @throws IllegalArgumentException for a negative id, a fee whose sign contradicts the type, or a
   *     refund that names no charge
   */
  public Cdr {
    if (id < 0) {
      throw new IllegalArgumentException("id must not be negative: " + id);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(chargeKey, "chargeKey");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(billedNumber, "billedNumber");
    Objects.requireNonNull(partnerCode, "partnerCode");
    Objects.requireNonNull(serviceNumber, "serviceNumber");
    Objects.requireNonNull(productCode, "productCode");
    Objects.requireNonNull(chargeType, "chargeType");
    Objects.requireNonNull(chargedAt, "chargedAt");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(causingMoId, "causingMoId");
    Objects.requireNonNull(transactionId, "transactionId");
    if (type == CdrType.CHARGE && feeFen < 0) {
      throw new IllegalArgumentException("a charge's fee must not be negative: " + feeFen);
    }
    if (type == CdrType.REFUND && feeFen >= 0) {
      throw new IllegalArgumentException("a refund's fee must be negative: " + feeFen);
    }
    if (type == CdrType.REFUND && chargeKey.isEmpty()) {
      throw new IllegalArgumentException("a refund must name the charge it refunds");
    }
  }

  /** This record with the id the database gave it. */
  public Cdr withId(long newId) {
    return new Cdr(
        newId,
        type,
        idempotencyKey,
        chargeKey,
        messageId,
        billedNumber,
        partnerCode,
        serviceNumber,
        productCode,
        chargeType,
        feeFen,
        chargedAt,
        recordedAt,
        causingMoId,
        transactionId);
  }
}
