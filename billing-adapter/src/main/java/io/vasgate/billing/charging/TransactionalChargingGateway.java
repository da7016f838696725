package io.vasgate.billing.charging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A billing system that keeps its books in the gateway's own database, so that what the caller
 * records about a successful charge or refund (its CDR) is written in the same transaction as the
 * money move: both happen or neither does, and the caller saves a transaction of its own.
 */
public interface TransactionalChargingGateway extends ChargingGateway {

  /** Writes the caller's record of a success, on the billing system's transaction. */
  @FunctionalInterface
  interface OnSuccess {
    /**
     * Called inside the transaction that decided {@code result}, a success for exactly the request
     * given (also when an earlier call with the same key decided it, so it must be idempotent). If
     * it throws, the transaction rolls back: no money moves and the call answers {@link
     * ChargeStatus#TEMPORARY_FAILURE}.
     */
    void record(Connection c, ChargeResult result) throws SQLException;
  }

  /** {@link #charge(ChargeRequest)}, recording a success with {@code onSuccess}. */
  CompletableFuture<ChargeResult> charge(ChargeRequest request, OnSuccess onSuccess);

  /**
   * {@link InlineCharges#chargeOn}, recording a success with {@code onSuccess} on the same
   * transaction.
   */
  ChargeResult chargeOn(Connection c, ChargeRequest request, OnSuccess onSuccess)
      throws SQLException;

  /** {@link #refund(RefundRequest)}, recording a success with {@code onSuccess}. */
  CompletableFuture<ChargeResult> refund(RefundRequest request, OnSuccess onSuccess);

  @Override
  default CompletableFuture<ChargeResult> charge(ChargeRequest request) {
    return charge(request, (c, result) -> {});
  }

  @Override
  default CompletableFuture<ChargeResult> refund(RefundRequest request) {
    return refund(request, (c, result) -> {});
  }

  @Override
  default Optional<InlineCharges> inline() {
    return Optional.of((c, request) -> chargeOn(c, request, (c2, result) -> {}));
  }
}
