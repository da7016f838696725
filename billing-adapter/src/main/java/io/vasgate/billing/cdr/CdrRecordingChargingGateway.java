package io.vasgate.billing.cdr;

import io.vasgate.billing.charging.ChargeRequest;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.ChargingGateway;
import io.vasgate.billing.charging.InlineCharges;
import io.vasgate.billing.charging.MsisdnMask;
import io.vasgate.billing.charging.RefundRequest;
import io.vasgate.billing.charging.TransactionalChargingGateway;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a call detail record for every successful charge and refund of the gateway it wraps,
 * whichever billing system that is. Failed charges write nothing.
 *
 * <p>Exactly one record per key: the record is unique on its type and idempotency key, so a charge
 * retried with the same key (which the wrapped gateway answers with the original success) finds its
 * record already there.
 *
 * <p>A billing system that keeps its books in the gateway's database ({@link
 * TransactionalChargingGateway}, the ledger) writes the record in the transaction that moves the
 * money: neither happens without the other. With any other (the BOSS):
 *
 * <p>A success whose record cannot be written is answered with {@link
 * ChargeStatus#TEMPORARY_FAILURE}: the money may have moved but settlement would not know, so the
 * caller must retry with the same key, which moves no more money and writes the record then. (The
 * record's {@code chargedAt} is then the time of that retry.)
 *
 * <p>A refund's record copies partner, service number, product and charge type from the record of
 * the charge it refunds and carries the amount as a negative fee. A refund of a charge that has no
 * record (made before this decorator was in place) is logged at ERROR and passed on unrecorded.
 *
 * <p>The message id is, for now, the causing MO's id as text: the MO journal's id is the message id
 * the SMSC was answered with.
 */
public final class CdrRecordingChargingGateway implements ChargingGateway {

  private static final Logger log = LoggerFactory.getLogger(CdrRecordingChargingGateway.class);

  private final ChargingGateway delegate;
  private final CdrRepository cdrs;
  private final Executor executor;
  private final InstantSource clock;

  /**
   * @param delegate the gateway that moves the money
   * @param cdrs where the records go
   * @param executor runs the blocking JDBC work
   * @param clock stamps the records
   */
  public CdrRecordingChargingGateway(
      ChargingGateway delegate, CdrRepository cdrs, Executor executor, InstantSource clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.cdrs = Objects.requireNonNull(cdrs, "cdrs");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletableFuture<ChargeResult> charge(ChargeRequest request) {
    if (delegate instanceof TransactionalChargingGateway books) {
      // The record goes in with the money move: no success without its CDR, one commit.
      return guarded(() -> books.charge(request, recordingCharge(request)));
    }
    return guarded(() -> delegate.charge(request))
        .thenCompose(
            result -> {
              if (!result.succeeded()) {
                return CompletableFuture.completedFuture(result);
              }
              return record(
                  "charge " + request.idempotencyKey(),
                  result,
                  () -> {
                    cdrs.insertIfAbsent(chargeRecord(request, result));
                    return result;
                  });
            });
  }

  /** On books in our database, a charge and its record go on the caller's transaction. */
  @Override
  public Optional<InlineCharges> inline() {
    if (delegate instanceof TransactionalChargingGateway books) {
      return Optional.of((c, request) -> books.chargeOn(c, request, recordingCharge(request)));
    }
    return Optional.empty();
  }

  private TransactionalChargingGateway.OnSuccess recordingCharge(ChargeRequest request) {
    return (c, result) -> cdrs.recordOn(c, chargeRecord(request, result));
  }

  @Override
  public CompletableFuture<ChargeResult> refund(RefundRequest request) {
    if (delegate instanceof TransactionalChargingGateway books) {
      return guarded(
          () ->
              books.refund(
                  request,
                  (c, result) -> {
                    Optional<Cdr> record =
                        refundRecord(
                            request,
                            result,
                            cdrs.find(c, CdrType.CHARGE, request.chargeIdempotencyKey()));
                    if (record.isPresent()) {
                      cdrs.recordOn(c, record.get());
                    }
                  }));
    }
    return guarded(() -> delegate.refund(request))
        .thenCompose(
            result -> {
              if (!result.succeeded()) {
                return CompletableFuture.completedFuture(result);
              }
              return record(
                  "refund " + request.idempotencyKey(),
                  result,
                  () -> {
                    refundRecord(
                            request,
                            result,
                            cdrs.find(CdrType.CHARGE, request.chargeIdempotencyKey()))
                        .ifPresent(cdrs::insertIfAbsent);
                    return result;
                  });
            });
  }

  /** The record of a successful charge. */
  private Cdr chargeRecord(ChargeRequest request, ChargeResult result) {
    Instant now = now();
    return new Cdr(
        0,
        CdrType.CHARGE,
        request.idempotencyKey(),
        Optional.empty(),
        request.causingMoId().map(String::valueOf),
        request.msisdn(),
        request.partnerCode(),
        request.serviceNumber(),
        request.productCode(),
        request.chargeType(),
        request.amountFen(),
        now,
        now,
        request.causingMoId(),
        result.transactionId());
  }

  /**
   * The record of a successful refund, copied from the record of the charge it refunds; none if
   * that charge has none (made before CDRs were written), which is logged.
   */
  private Optional<Cdr> refundRecord(
      RefundRequest request, ChargeResult result, Optional<Cdr> charge) {
    if (charge.isEmpty()) {
      log.error(
          "cdr - refund {} of {} succeeded, but charge {} has no record to"
              + " refund against; the refund is NOT in the CDRs",
          request.idempotencyKey(),
          MsisdnMask.mask(request.msisdn()),
          request.chargeIdempotencyKey());
      return Optional.empty();
    }
    Cdr c = charge.get();
    Instant now = now();
    return Optional.of(
        new Cdr(
            0,
            CdrType.REFUND,
            request.idempotencyKey(),
            Optional.of(request.chargeIdempotencyKey()),
            Optional.empty(),
            request.msisdn(),
            c.partnerCode(),
            c.serviceNumber(),
            c.productCode(),
            c.chargeType(),
            Math.negateExact(request.amountFen()),
            now,
            now,
            Optional.empty(),
            result.transactionId()));
  }

  private CompletableFuture<ChargeResult> guarded(Supplier<CompletableFuture<ChargeResult>> call) {
    try {
      return call.get()
          .exceptionally(
              failure ->
                  new ChargeResult(
                      ChargeStatus.TEMPORARY_FAILURE, "", "billing system failed: " + failure));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(
          new ChargeResult(ChargeStatus.TEMPORARY_FAILURE, "", "billing system failed: " + e));
    }
  }

  private CompletableFuture<ChargeResult> record(
      String what, ChargeResult success, Supplier<ChargeResult> write) {
    try {
      return CompletableFuture.supplyAsync(write, executor)
          .exceptionally(failure -> unrecorded(what, success, failure));
    } catch (RuntimeException rejected) {
      return CompletableFuture.completedFuture(unrecorded(what, success, rejected));
    }
  }

  private static ChargeResult unrecorded(String what, ChargeResult success, Throwable failure) {
    log.error(
        "cdr - {} succeeded ({}) but its record could not be written; answering a temporary"
            + " failure so it is retried with the same key: {}",
        what,
        success.transactionId(),
        (failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure)
            .toString());
    return new ChargeResult(
        ChargeStatus.TEMPORARY_FAILURE, "", "succeeded but not recorded; retry with the same key");
  }

  /** The database keeps milliseconds; stamping with them keeps a record equal to its read-back. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
