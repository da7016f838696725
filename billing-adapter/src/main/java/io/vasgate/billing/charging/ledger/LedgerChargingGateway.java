package io.vasgate.billing.charging.ledger;

import io.vasgate.billing.charging.ChargeRequest;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.MsisdnMask;
import io.vasgate.billing.charging.RefundRequest;
import io.vasgate.billing.charging.TransactionalChargingGateway;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default billing system: an internal ledger in the gateway's own database.
 *
 * <ul>
 *   <li>A number with no {@code subscriber_account} row is treated as <b>postpaid</b>: every charge
 *       succeeds and the operator bills it later. A postpaid row behaves the same unless barred.
 *   <li>A prepaid row pays while its balance covers the amount; otherwise {@link
 *       ChargeStatus#INSUFFICIENT_BALANCE}. A barred row is always {@link ChargeStatus#REJECTED}.
 *   <li>A refund succeeds only against a successful charge of the same number, and all refunds of a
 *       charge together never exceed its amount.
 *   <li>The first call with a key decides and records the outcome; every later call with that key,
 *       including concurrent ones, gets the same outcome and moves no money. That includes definite
 *       failures: a charge that found the balance short stays short for its key, so a caller that
 *       wants to try again after a top-up uses a new key (e.g. with an attempt number).
 *   <li>A key reused for a different number, amount or product is refused as {@link
 *       ChargeStatus#REJECTED} without touching the earlier entry: that is a caller bug, and
 *       answering with the other request's outcome would hide it.
 * </ul>
 *
 * <p>JDBC runs on the injected executor; a database that cannot be reached completes with {@link
 * ChargeStatus#TEMPORARY_FAILURE}, never exceptionally.
 */
public final class LedgerChargingGateway implements TransactionalChargingGateway {

  private static final Logger log = LoggerFactory.getLogger(LedgerChargingGateway.class);

  private final LedgerRepository ledger;
  private final Executor executor;
  private final InstantSource clock;

  /**
   * @param ledger where entries and balances live
   * @param executor runs the blocking JDBC work
   * @param clock stamps the entries
   */
  public LedgerChargingGateway(LedgerRepository ledger, Executor executor, InstantSource clock) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletableFuture<ChargeResult> charge(ChargeRequest request, OnSuccess onSuccess) {
    Optional<ChargeResult> refused =
        refused("charge", request.idempotencyKey(), ChargeDecision.unstorable(request));
    if (refused.isPresent()) {
      return CompletableFuture.completedFuture(refused.get());
    }
    return run(
        "charge " + request.idempotencyKey(),
        () ->
            answer(
                request, ledger.recordCharge(request, now(), recordingCharge(request, onSuccess))));
  }

  @Override
  public ChargeResult chargeOn(Connection c, ChargeRequest request, OnSuccess onSuccess)
      throws SQLException {
    Optional<ChargeResult> refused =
        refused("charge", request.idempotencyKey(), ChargeDecision.unstorable(request));
    if (refused.isPresent()) {
      return refused.get();
    }
    return answer(
        request, ledger.recordChargeOn(c, request, now(), recordingCharge(request, onSuccess)));
  }

  /** The answer to a request that cannot be stored, if it cannot. */
  private static Optional<ChargeResult> refused(
      String kind, String key, Optional<String> unstorable) {
    unstorable.ifPresent(why -> log.warn("ledger - {} {} refused: {}", kind, key, why));
    return unstorable.map(LedgerChargingGateway::rejected);
  }

  private static LedgerRepository.EntryHook recordingCharge(
      ChargeRequest request, OnSuccess onSuccess) {
    return recording(entry -> sameCharge(entry, request), onSuccess);
  }

  /** Records a success decided for this request; a key reused for another request is not one. */
  private static LedgerRepository.EntryHook recording(
      Predicate<LedgerEntry> forThisRequest, OnSuccess onSuccess) {
    return (c, decided) -> {
      if (decided.status() == ChargeStatus.SUCCESS && forThisRequest.test(decided)) {
        onSuccess.record(c, decided.result());
      }
    };
  }

  private static ChargeResult answer(ChargeRequest request, LedgerEntry entry) {
    if (!sameCharge(entry, request)) {
      log.warn(
          "ledger - charge key {} was already used for another charge; refusing",
          request.idempotencyKey());
      return rejected(
          "idempotency key " + request.idempotencyKey() + " was used for another charge");
    }
    log.debug(
        "ledger - charge {} of {} for {} fen: {} ({})",
        entry.idempotencyKey(),
        MsisdnMask.mask(entry.msisdn()),
        entry.amountFen(),
        entry.status(),
        entry.detail());
    return entry.result();
  }

  @Override
  public CompletableFuture<ChargeResult> refund(RefundRequest request, OnSuccess onSuccess) {
    Optional<ChargeResult> refused =
        refused("refund", request.idempotencyKey(), ChargeDecision.unstorable(request));
    if (refused.isPresent()) {
      return CompletableFuture.completedFuture(refused.get());
    }
    return run(
        "refund " + request.idempotencyKey(),
        () -> {
          LedgerEntry entry =
              ledger.recordRefund(
                  request, now(), recording(decided -> sameRefund(decided, request), onSuccess));
          if (!sameRefund(entry, request)) {
            log.warn(
                "ledger - refund key {} was already used for another refund; refusing",
                request.idempotencyKey());
            return rejected(
                "idempotency key " + request.idempotencyKey() + " was used for another refund");
          }
          log.info(
              "ledger - refund {} of charge {} to {} for {} fen by {}: {} ({})",
              entry.idempotencyKey(),
              request.chargeIdempotencyKey(),
              MsisdnMask.mask(entry.msisdn()),
              entry.amountFen(),
              request.requestedBy(),
              entry.status(),
              entry.detail());
          return entry.result();
        });
  }

  /** Whether {@code entry} was decided for this request, not another one reusing its key. */
  private static boolean sameCharge(LedgerEntry entry, ChargeRequest request) {
    return entry.msisdn().equals(request.msisdn())
        && entry.amountFen() == request.amountFen()
        && entry.productCode().equals(Optional.of(request.productCode()));
  }

  private static boolean sameRefund(LedgerEntry entry, RefundRequest request) {
    return entry.msisdn().equals(request.msisdn())
        && entry.amountFen() == request.amountFen()
        && entry.chargeKey().equals(Optional.of(request.chargeIdempotencyKey()));
  }

  private CompletableFuture<ChargeResult> run(String what, Supplier<ChargeResult> work) {
    try {
      return CompletableFuture.supplyAsync(work, executor)
          .exceptionally(
              failure -> {
                log.warn("ledger - {} not decided: {}", what, failure.toString());
                return temporaryFailure(failure);
              });
    } catch (RuntimeException rejectedByExecutor) {
      log.warn("ledger - {} not started: {}", what, rejectedByExecutor.toString());
      return CompletableFuture.completedFuture(temporaryFailure(rejectedByExecutor));
    }
  }

  /** The database keeps milliseconds; deciding with them keeps an entry equal to its read-back. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static ChargeResult rejected(String detail) {
    return new ChargeResult(ChargeStatus.REJECTED, "", detail);
  }

  private static ChargeResult temporaryFailure(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return new ChargeResult(
        ChargeStatus.TEMPORARY_FAILURE,
        "",
        "ledger unavailable, retry with the same key: " + cause.getMessage());
  }
}
