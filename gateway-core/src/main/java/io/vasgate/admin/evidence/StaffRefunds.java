package io.vasgate.admin.evidence;

import io.vasgate.admin.ApiException;
import io.vasgate.billing.cdr.Cdr;
import io.vasgate.billing.cdr.CdrRepository;
import io.vasgate.billing.cdr.CdrType;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargingGateway;
import io.vasgate.billing.charging.MsisdnMask;
import io.vasgate.billing.charging.RefundRequest;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds staff make for complaints, through the billing SPI so that the money, the negative CDR
 * and the ledger's limits are exactly those of any other refund, and each one audit-logged.
 *
 * <p>The charge is looked up by its CDR first: a charge without one is unknown to settlement, and a
 * refund of it would move money no report shows. The billing system has the last word on amounts: a
 * refund beyond what is left of the charge is its refusal, passed on with its explanation.
 */
final class StaffRefunds {

  private static final Logger log = LoggerFactory.getLogger(StaffRefunds.class);

  private final CdrRepository cdrs;
  private final ChargingGateway charging;
  private final RefundAudit audit;
  private final Executor executor;

  /**
   * @param charging the CDR-recording billing gateway the pipeline charges through
   * @param executor runs the blocking reads and the audit write
   */
  StaffRefunds(CdrRepository cdrs, ChargingGateway charging, RefundAudit audit, Executor executor) {
    this.cdrs = Objects.requireNonNull(cdrs, "cdrs");
    this.charging = Objects.requireNonNull(charging, "charging");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  private record Prepared(
      RefundOrder order, Cdr charge, String refundKey, long refundedBefore, boolean replayed) {}

  /**
   * Refunds {@code order}.
   *
   * @return the outcome, whatever the billing system answered; fails with a 404 {@link
   *     ApiException} for an unknown charge and a 409 for a charge of another number or a free one
   */
  CompletableFuture<RefundOutcome> refund(RefundOrder order) {
    return CompletableFuture.supplyAsync(() -> prepare(order), executor)
        .thenCompose(
            p ->
                charging
                    .refund(
                        new RefundRequest(
                            p.refundKey(),
                            order.chargeKey(),
                            order.msisdn(),
                            order.amountFen(),
                            order.reason(),
                            order.actor()))
                    .thenApplyAsync(result -> finish(p, result), executor));
  }

  private Prepared prepare(RefundOrder order) {
    Cdr charge =
        cdrs.find(CdrType.CHARGE, order.chargeKey())
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        "not_found",
                        "no charge with key '" + order.chargeKey() + "' is on record",
                        "chargeKey"));
    if (!charge.billedNumber().equals(order.msisdn())) {
      throw ApiException.conflict(
          "msisdn",
          "charge " + order.chargeKey() + " billed another number, not " + order.msisdn());
    }
    if (charge.feeFen() == 0) {
      throw ApiException.conflict(
          "chargeKey", "charge " + order.chargeKey() + " was free: there is nothing to refund");
    }
    String key =
        RefundKeys.of(
            order.clientKey(),
            order.chargeKey(),
            order.msisdn(),
            order.amountFen(),
            order.reason());
    List<Cdr> records = cdrs.forBilledNumber(order.msisdn());
    boolean replayed =
        records.stream()
            .anyMatch(c -> c.type() == CdrType.REFUND && c.idempotencyKey().equals(key));
    return new Prepared(order, charge, key, refunded(records, order.chargeKey()), replayed);
  }

  private RefundOutcome finish(Prepared p, ChargeResult result) {
    long refundedAfter =
        result.succeeded()
            ? refunded(cdrs.forBilledNumber(p.order().msisdn()), p.order().chargeKey())
            : p.refundedBefore();
    audit.record(
        p.order().actor(),
        p.charge(),
        p.order(),
        p.refundKey(),
        p.refundedBefore(),
        refundedAfter,
        result,
        p.replayed());
    log.info(
        "refund - {} asked {} fen back of charge {} for {}: {} ({}){}",
        p.order().actor(),
        p.order().amountFen(),
        p.order().chargeKey(),
        MsisdnMask.mask(p.order().msisdn()),
        result.status(),
        result.detail(),
        p.replayed() ? ", a repeat of refund " + p.refundKey() : "");
    return new RefundOutcome(
        p.refundKey(), p.charge(), p.refundedBefore(), refundedAfter, result, p.replayed());
  }

  /** What the CDRs show refunded of {@code chargeKey}, positive. */
  private static long refunded(List<Cdr> records, String chargeKey) {
    long sum = 0;
    for (Cdr c : records) {
      if (c.type() == CdrType.REFUND && c.chargeKey().orElse("").equals(chargeKey)) {
        sum = Math.subtractExact(sum, c.feeFen());
      }
    }
    return sum;
  }
}
