package io.vasgate.billing.subscription;

import io.vasgate.billing.charging.ChargeRequest;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.ChargingGateway;
import io.vasgate.billing.charging.InlineCharges;
import io.vasgate.billing.charging.MsisdnMask;
import io.vasgate.billing.charging.RefundRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the billing SPI, holding it to its contract: an implementation that throws, returns null or
 * completes exceptionally is treated as a {@link ChargeStatus#TEMPORARY_FAILURE}, because money may
 * have moved and only a retry with the same key can tell. {@link Error}s are not caught.
 */
public final class BillingCalls {

  private static final Logger log = LoggerFactory.getLogger(BillingCalls.class);

  private final ChargingGateway gateway;

  public BillingCalls(ChargingGateway gateway) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  /** Sends {@code request}; never completes exceptionally. */
  public CompletableFuture<ChargeResult> charge(ChargeRequest request) {
    CompletableFuture<ChargeResult> answer;
    try {
      answer = gateway.charge(request);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(
          broken(request.idempotencyKey(), request.msisdn(), e));
    }
    return guard(answer, request.idempotencyKey(), request.msisdn());
  }

  /**
   * Decides {@code claim}'s charge on {@code c}, the transaction that claimed it, when the billing
   * system keeps its books in our database and the claim is a fresh one; empty when the charge must
   * be sent once {@code c} committed (or was already answered, or is someone else's).
   */
  Optional<ChargeResult> chargeOn(Connection c, OrderChargeRepository.Claim claim)
      throws SQLException {
    if (claim.kind() != OrderChargeRepository.ClaimKind.CLAIMED) {
      return Optional.empty();
    }
    return chargeInline(c, claim.charge());
  }

  /**
   * Decides {@code charge} on {@code c} when the billing system keeps its books in our database;
   * empty when it must be claimed and sent once {@code c} committed.
   */
  Optional<ChargeResult> chargeInline(Connection c, OrderCharge charge) throws SQLException {
    Optional<InlineCharges> inline = gateway.inline();
    if (inline == null || inline.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(inline.get().chargeOn(c, charge.toRequest()));
  }

  /** Sends {@code request}; never completes exceptionally. */
  public CompletableFuture<ChargeResult> refund(RefundRequest request) {
    CompletableFuture<ChargeResult> answer;
    try {
      answer = gateway.refund(request);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(
          broken(request.idempotencyKey(), request.msisdn(), e));
    }
    return guard(answer, request.idempotencyKey(), request.msisdn());
  }

  private static CompletableFuture<ChargeResult> guard(
      CompletableFuture<ChargeResult> answer, String key, String msisdn) {
    if (answer == null) {
      return CompletableFuture.completedFuture(
          broken(key, msisdn, new NullPointerException("the billing gateway returned null")));
    }
    return answer.handle(
        (result, failure) -> {
          if (failure != null) {
            return broken(key, msisdn, failure);
          }
          if (result == null) {
            return broken(
                key, msisdn, new NullPointerException("the billing gateway answered null"));
          }
          return result;
        });
  }

  private static ChargeResult broken(String key, String msisdn, Throwable failure) {
    log.warn(
        "{} - billing gateway broke its contract for {}; outcome unknown, will retry with the key",
        key,
        MsisdnMask.mask(msisdn),
        failure);
    return new ChargeResult(
        ChargeStatus.TEMPORARY_FAILURE, "", "billing gateway failure: " + failure);
  }
}
