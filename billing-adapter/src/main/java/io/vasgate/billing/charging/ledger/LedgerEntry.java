package io.vasgate.billing.charging.ledger;

import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One decided charge or refund: the outcome the first call with its key got, which every later call
 * with the key gets again.
 *
 * @param id the ledger's own id, from which the transaction id is derived
 * @param type charge or refund
 * @param idempotencyKey the caller's key
 * @param msisdn the number charged or refunded
 * @param amountFen the amount requested, positive
 * @param status the outcome; never {@link ChargeStatus#TEMPORARY_FAILURE}, the ledger always
 *     decides
 * @param detail why, for logs and the subscriber's history
 * @param balanceAfterFen the prepaid balance after this entry; empty for postpaid numbers
 * @param productCode charges only: the product charged for
 * @param chargeKey refunds only: the key of the charge refunded
 * @param refundedFen charges only: the sum of successful refunds of this charge so far
 * @param createdAt when it was decided
 */
public record LedgerEntry(
    long id,
    LedgerEntryType type,
    String idempotencyKey,
    String msisdn,
    long amountFen,
    ChargeStatus status,
    String detail,
    Optional<Long> balanceAfterFen,
    Optional<String> productCode,
    Optional<String> chargeKey,
    long refundedFen,
    Instant createdAt) {

  /** Prefix of the ledger's transaction ids, so support staff can tell them from the BOSS's. */
  public static final String TRANSACTION_ID_PREFIX = "LDG";

  public LedgerEntry {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(balanceAfterFen, "balanceAfterFen");
    Objects.requireNonNull(productCode, "productCode");
    Objects.requireNonNull(chargeKey, "chargeKey");
    Objects.requireNonNull(createdAt, "createdAt");
    if (refundedFen < 0 || refundedFen > amountFen) {
      throw new IllegalArgumentException(
          "refunded " + refundedFen + " fen of an entry of " + amountFen + " fen");
    }
  }

  /** The ledger's reference for a successful entry, empty when no money moved. */
  public String transactionId() {
    return status == ChargeStatus.SUCCESS ? TRANSACTION_ID_PREFIX + id : "";
  }

  /** The answer this entry gives every call with its key. */
  public ChargeResult result() {
    return new ChargeResult(status, transactionId(), detail);
  }
}
