package io.vasgate.billing.charging;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The billing SPI: where money moves. Implementations: the internal MySQL ledger (the default) and
 * an HTTP adapter for an operator's billing system (BOSS).
 *
 * <p>Every call is idempotent on its key: calling twice with the same key returns the first outcome
 * and moves money at most once. Calls never block the caller; failures to reach the billing system
 * complete with {@link ChargeStatus#TEMPORARY_FAILURE}, never exceptionally.
 */
public interface ChargingGateway {

  CompletableFuture<ChargeResult> charge(ChargeRequest request);

  CompletableFuture<ChargeResult> refund(RefundRequest request);

  /**
   * How to decide a charge on the caller's own database transaction, if this billing system keeps
   * its books in the gateway's database; empty (the default) for one that must be called apart.
   */
  default Optional<InlineCharges> inline() {
    return Optional.empty();
  }
}
