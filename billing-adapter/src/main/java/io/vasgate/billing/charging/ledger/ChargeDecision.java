package io.vasgate.billing.charging.ledger;

import io.vasgate.billing.charging.ChargeRequest;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.RefundRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger's rules, as pure functions of what the ledger holds: whether a charge or refund goes
 * through, and why not. The repository calls them inside the transaction that holds the locks, so
 * the state they see is the state the decision is written against.
 *
 * @param status the outcome, never {@link ChargeStatus#TEMPORARY_FAILURE}
 * @param detail why, short enough for the ledger's detail column
 */
public record ChargeDecision(ChargeStatus status, String detail) {

  /** Longest detail the ledger stores; longer ones are cut. */
  public static final int MAX_DETAIL_LENGTH = 255;

  /** Longest partner code or service number the ledger stores. */
  public static final int MAX_CODE_LENGTH = 32;

  /** Longest product code the ledger stores (the catalog allows 10). */
  public static final int MAX_PRODUCT_CODE_LENGTH = 16;

  /** Longest idempotency key, as {@link ChargeRequest} allows. */
  public static final int MAX_KEY_LENGTH = 128;

  /** Longest refund reason the ledger stores. */
  public static final int MAX_REFUND_REASON_LENGTH = 500;

  /** Longest staff user name the ledger stores. */
  public static final int MAX_REQUESTED_BY_LENGTH = 64;

  public ChargeDecision {
    Objects.requireNonNull(status, "status");
    if (status == ChargeStatus.TEMPORARY_FAILURE) {
      throw new IllegalArgumentException("the ledger always decides");
    }
    Objects.requireNonNull(detail, "detail");
    if (detail.length() > MAX_DETAIL_LENGTH) {
      detail = detail.substring(0, MAX_DETAIL_LENGTH);
    }
  }

  public boolean succeeded() {
    return status == ChargeStatus.SUCCESS;
  }

  /**
   * Why the ledger cannot even store {@code request}, checked before any I/O; empty if it can. Such
   * a request is rejected and not recorded.
   */
  public static Optional<String> unstorable(ChargeRequest request) {
    if (request.msisdn().isBlank()
        || request.msisdn().length() > SubscriberAccount.MAX_MSISDN_LENGTH) {
      return Optional.of(
          "msisdn must be 1.." + SubscriberAccount.MAX_MSISDN_LENGTH + " characters");
    }
    if (request.partnerCode().length() > MAX_CODE_LENGTH) {
      return Optional.of("partner code longer than " + MAX_CODE_LENGTH + " characters");
    }
    if (request.serviceNumber().length() > MAX_CODE_LENGTH) {
      return Optional.of("service number longer than " + MAX_CODE_LENGTH + " characters");
    }
    if (request.productCode().length() > MAX_PRODUCT_CODE_LENGTH) {
      return Optional.of("product code longer than " + MAX_PRODUCT_CODE_LENGTH + " characters");
    }
    return Optional.empty();
  }

  /** As {@link #unstorable(ChargeRequest)}, for a refund. */
  public static Optional<String> unstorable(RefundRequest request) {
    if (request.msisdn().isBlank()
        || request.msisdn().length() > SubscriberAccount.MAX_MSISDN_LENGTH) {
      return Optional.of(
          "msisdn must be 1.." + SubscriberAccount.MAX_MSISDN_LENGTH + " characters");
    }
    if (request.chargeIdempotencyKey().isBlank()
        || request.chargeIdempotencyKey().length() > MAX_KEY_LENGTH) {
      return Optional.of("the charge's key must be 1.." + MAX_KEY_LENGTH + " characters");
    }
    if (request.reason().length() > MAX_REFUND_REASON_LENGTH) {
      return Optional.of("refund reason longer than " + MAX_REFUND_REASON_LENGTH + " characters");
    }
    if (request.requestedBy().length() > MAX_REQUESTED_BY_LENGTH) {
      return Optional.of("requestedBy longer than " + MAX_REQUESTED_BY_LENGTH + " characters");
    }
    return Optional.empty();
  }

  /**
   * Whether {@code request} can be paid from {@code account}: no account means postpaid and always
   * pays; a barred account never pays; a prepaid one pays while its balance covers the amount.
   */
  public static ChargeDecision forCharge(
      ChargeRequest request, Optional<SubscriberAccount> account) {
    long amount = request.amountFen();
    if (account.isEmpty()) {
      return new ChargeDecision(ChargeStatus.SUCCESS, "charged " + amount + " fen (postpaid)");
    }
    SubscriberAccount a = account.get();
    if (a.barred()) {
      return new ChargeDecision(ChargeStatus.REJECTED, "the number is barred from charges");
    }
    if (!a.prepaid()) {
      return new ChargeDecision(ChargeStatus.SUCCESS, "charged " + amount + " fen (postpaid)");
    }
    if (a.balanceFen() < amount) {
      return new ChargeDecision(
          ChargeStatus.INSUFFICIENT_BALANCE,
          "balance " + a.balanceFen() + " fen is less than the price " + amount + " fen");
    }
    return new ChargeDecision(
        ChargeStatus.SUCCESS,
        "charged " + amount + " fen, balance " + (a.balanceFen() - amount) + " fen");
  }

  /**
   * Whether {@code request} may refund {@code charge}: only a successful charge of the same number,
   * and never more in total than was charged.
   */
  public static ChargeDecision forRefund(RefundRequest request, Optional<LedgerEntry> charge) {
    String key = request.chargeIdempotencyKey();
    if (charge.isEmpty()) {
      return new ChargeDecision(ChargeStatus.REJECTED, "no charge with key " + key);
    }
    LedgerEntry c = charge.get();
    if (c.type() != LedgerEntryType.CHARGE) {
      throw new IllegalArgumentException("not a charge: " + c);
    }
    if (!c.status().equals(ChargeStatus.SUCCESS)) {
      return new ChargeDecision(
          ChargeStatus.REJECTED, "charge " + key + " did not succeed (" + c.status() + ")");
    }
    if (!c.msisdn().equals(request.msisdn())) {
      return new ChargeDecision(ChargeStatus.REJECTED, "charge " + key + " billed another number");
    }
    long left = c.amountFen() - c.refundedFen();
    if (request.amountFen() > left) {
      return new ChargeDecision(
          ChargeStatus.REJECTED,
          "refund of "
              + request.amountFen()
              + " fen exceeds the "
              + left
              + " fen left to refund of charge "
              + key);
    }
    return new ChargeDecision(
        ChargeStatus.SUCCESS, "refunded " + request.amountFen() + " fen of charge " + key);
  }
}
