package io.vasgate.billing.subscription;

import io.vasgate.billing.charging.ChargeReason;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.MsisdnMask;
import io.vasgate.billing.subscription.OrderChargeRepository.Claim;
import io.vasgate.billing.subscription.OrderChargeRepository.ClaimKind;
import io.vasgate.command.catalog.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the charges the commands claimed, records the answers on the executor, sends refunds, and
 * retries what is left unknown.
 */
final class ChargeRunner {

  /** The job name on transitions made by a retried charge. */
  static final String RETRY_JOB = "charge-retry";

  private static final Logger log = LoggerFactory.getLogger(ChargeRunner.class);

  private final ServiceContext ctx;
  private final OrderFlows orders;
  private final UseCommands uses;

  ChargeRunner(ServiceContext ctx, OrderFlows orders, UseCommands uses) {
    this.ctx = ctx;
    this.orders = orders;
    this.uses = uses;
  }

  /** Completes {@code step}: sends its charge, if any, and records the answer. */
  <T> CompletableFuture<T> finish(Step<T> step) {
    if (step instanceof Step.Done<T> done) {
      return CompletableFuture.completedFuture(done.outcome());
    }
    Step.Send<T> send = (Step.Send<T>) step;
    CompletableFuture<ChargeResult> answer =
        send.recorded().isPresent()
            ? CompletableFuture.completedFuture(send.recorded().get())
            : ctx.billing().charge(send.charge().toRequest());
    return answer
        .thenApplyAsync(result -> send.settle().apply(result), ctx.executor())
        .thenCompose(
            settled -> {
              if (settled.refund().isEmpty()) {
                return CompletableFuture.completedFuture(settled.outcome());
              }
              return refund(settled.refund().get()).thenApply(status -> settled.outcome());
            });
  }

  /**
   * Sends the refund of {@code charge}, claimed for refund by the caller, and records the answer.
   */
  CompletableFuture<ChargeStatus> refund(OrderCharge charge) {
    String reason = charge.refundReason().orElse("automatic refund");
    return ctx.billing()
        .refund(charge.toRefund(reason))
        .thenApplyAsync(
            result -> {
              ctx.tx()
                  .forNumber(
                      "refund " + charge.idempotencyKey(),
                      charge.msisdn(),
                      c -> {
                        ctx.charges().settleRefund(c, charge.idempotencyKey(), result);
                        return null;
                      });
              log.info(
                  "{} - refund of {} fen to {}: {} ({})",
                  charge.idempotencyKey(),
                  charge.amountFen(),
                  MsisdnMask.mask(charge.msisdn()),
                  result.status(),
                  result.detail());
              return result.status();
            },
            ctx.executor());
  }

  /**
   * Sends again every first charge and use whose outcome is unknown and that nobody holds, and
   * every refund likewise; one batch.
   */
  CompletableFuture<List<PendingChargeSettlement>> retryPending(Instant now) {
    int batch = ctx.config().batchSize();
    List<OrderCharge> candidates =
        ctx.tx()
            .autoCommit("find unknown charges", c -> ctx.charges().findRetryable(c, now, batch));
    List<CompletableFuture<Optional<PendingChargeSettlement>>> retries = new ArrayList<>();
    for (OrderCharge candidate : candidates) {
      retries.add(retry(candidate, now));
    }
    List<OrderCharge> refunds =
        ctx.tx()
            .autoCommit(
                "find unknown refunds", c -> ctx.charges().findRefundsToRetry(c, now, batch));
    List<CompletableFuture<ChargeStatus>> refunding = new ArrayList<>();
    for (OrderCharge charge : refunds) {
      boolean claimed =
          ctx.tx()
              .autoCommit(
                  "claim refund " + charge.idempotencyKey(),
                  c ->
                      ctx.charges()
                          .claimRefund(
                              c,
                              charge.idempotencyKey(),
                              charge.refundReason().orElse("automatic refund"),
                              now,
                              ctx.leaseEnd(now)));
      if (claimed) {
        refunding.add(refund(charge));
      }
    }
    return CompletableFuture.allOf(refunding.toArray(CompletableFuture[]::new))
        .thenCompose(ignored -> CompletableFuture.allOf(retries.toArray(CompletableFuture[]::new)))
        .thenApply(
            ignored ->
                retries.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
  }

  private CompletableFuture<Optional<PendingChargeSettlement>> retry(
      OrderCharge candidate, Instant now) {
    Optional<Product> product = ctx.product(candidate.productCode());
    if (product.isEmpty()) {
      log.warn(
          "{} - product {} is not in the catalog; its unknown charge waits",
          candidate.idempotencyKey(),
          candidate.productCode());
      return CompletableFuture.completedFuture(Optional.empty());
    }
    Step<? extends SubscriptionOutcome> step =
        ctx.tx()
            .forNumber(
                "retry " + candidate.idempotencyKey(),
                candidate.msisdn(),
                c -> {
                  if (candidate.reason() == ChargeReason.ORDER) {
                    ctx.subscriptions().lockNumber(c, candidate.msisdn());
                    Optional<Subscription> order =
                        ctx.subscriptions()
                            .findByIdForUpdate(c, candidate.subscriptionId().orElseThrow());
                    if (order.isEmpty()) {
                      return null;
                    }
                  }
                  Claim claim =
                      ctx.charges().reclaim(c, candidate.idempotencyKey(), now, ctx.leaseEnd(now));
                  if (claim.kind() != ClaimKind.CLAIMED) {
                    return null;
                  }
                  if (candidate.reason() == ChargeReason.PER_USE) {
                    return uses.toStep(claim, product.get());
                  }
                  OrderCharge charge = claim.charge();
                  return new Step.Send<SubscriptionOutcome>(
                      charge,
                      Optional.empty(),
                      result -> {
                        Step.Settled<SubscriptionOutcome.ForOrderCharge> settled =
                            orders.settleFirstCharge(
                                charge, product.get(), result, TransitionCause.job(RETRY_JOB));
                        return new Step.Settled<>(settled.outcome(), settled.refund());
                      });
                });
    if (step == null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return finish(step)
        .thenApply(
            outcome ->
                Optional.of(
                    new PendingChargeSettlement(
                        candidate, product.get(), (SubscriptionOutcome) outcome)));
  }
}
