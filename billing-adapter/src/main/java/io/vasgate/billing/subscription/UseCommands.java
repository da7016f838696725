package io.vasgate.billing.subscription;

import io.vasgate.billing.charging.ChargeReason;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.subscription.OrderChargeRepository.Claim;
import io.vasgate.billing.subscription.OrderChargeRepository.ClaimKind;
import io.vasgate.billing.subscription.SubscriptionOutcome.ChargeFailed;
import io.vasgate.billing.subscription.SubscriptionOutcome.ChargePending;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForUse;
import io.vasgate.billing.subscription.SubscriptionOutcome.ProductRetired;
import io.vasgate.billing.subscription.SubscriptionOutcome.ProductSuspended;
import io.vasgate.billing.subscription.SubscriptionOutcome.SubscriptionRequired;
import io.vasgate.billing.subscription.SubscriptionOutcome.Used;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * A use of a product: per-use products are charged once per MO (key {@code use-<moId>}, so a
 * re-delivered or retried command cannot charge twice), free ones never, monthly ones are covered
 * by a subscription.
 */
final class UseCommands {

  private final ServiceContext ctx;

  UseCommands(ServiceContext ctx) {
    this.ctx = ctx;
  }

  Step<ForUse> use(String msisdn, Product product, MoRef mo, Epilogue<? super ForUse> epilogue) {
    if (product.status() == ProductStatus.SUSPENDED) {
      return new Step.Done<>(new ProductSuspended(product));
    }
    if (product.status() == ProductStatus.RETIRED) {
      return new Step.Done<>(new ProductRetired(product));
    }
    switch (product.chargeType()) {
      case FREE:
        return new Step.Done<>(new Used(product, 0));
      case MONTHLY:
        ForUse outcome =
            ctx.tx()
                .forNumber(
                    "use " + product.code(),
                    msisdn,
                    Epilogues.onOutcome(
                        epilogue,
                        c ->
                            ctx.subscriptions()
                                    .findLive(c, msisdn, product.code())
                                    .filter(
                                        s ->
                                            s.state() == SubscriptionState.ACTIVE
                                                || s.state() == SubscriptionState.TRIAL)
                                    .isPresent()
                                ? new Used(product, 0)
                                : new SubscriptionRequired(product)));
        return new Step.Done<>(outcome);
      default:
        return perUse(msisdn, product, mo, epilogue);
    }
  }

  private Step<ForUse> perUse(
      String msisdn, Product product, MoRef mo, Epilogue<? super ForUse> epilogue) {
    Instant now = ctx.now();
    OrderCharge proposed =
        OrderCharge.attempt(
            MonthlyBilling.useKey(mo.moId()),
            msisdn,
            product,
            product.priceFen(),
            ChargeReason.PER_USE,
            Optional.empty(),
            Optional.of(mo.moId()),
            now,
            ctx.leaseEnd(now));
    return ctx.tx()
        .forNumber(
            "use " + product.code(),
            msisdn,
            Epilogues.onDone(
                epilogue,
                c -> {
                  Optional<ChargeResult> charged = ctx.billing().chargeInline(c, proposed);
                  if (charged.isEmpty()) {
                    return toStep(
                        ctx.charges().claim(c, proposed, now, ctx.leaseEnd(now)), product);
                  }
                  // Books in our database: charged and recorded, settled, in one transaction.
                  return new Step.Done<>(
                      outcome(
                          proposed,
                          product,
                          ctx.charges().recordDecided(c, proposed, charged.get(), now)));
                }));
  }

  /** The step that sends (or re-applies) the claimed use charge. */
  Step<ForUse> toStep(Claim claim, Product product) {
    if (claim.kind() == ClaimKind.IN_FLIGHT) {
      return new Step.Done<>(new ChargePending(Optional.empty(), product));
    }
    OrderCharge charge = claim.charge();
    Optional<ChargeResult> recorded =
        claim.kind() == ClaimKind.SETTLED ? Optional.of(charge.recordedResult()) : Optional.empty();
    return new Step.Send<>(
        charge, recorded, result -> Step.Settled.of(settle(charge, product, result)));
  }

  private ForUse settle(OrderCharge charge, Product product, ChargeResult result) {
    Instant now = ctx.now();
    ChargeResult effective =
        ctx.tx()
            .forNumber(
                "settle " + charge.idempotencyKey(),
                charge.msisdn(),
                c -> ctx.charges().settleOrRecorded(c, charge.idempotencyKey(), result, now));
    return outcome(charge, product, effective);
  }

  /** What the subscriber is told of a use whose charge came to {@code effective}. */
  private static ForUse outcome(OrderCharge charge, Product product, ChargeResult effective) {
    ChargeStatus status = effective.status();
    if (status == ChargeStatus.SUCCESS) {
      return new Used(product, charge.amountFen());
    }
    if (status == ChargeStatus.TEMPORARY_FAILURE) {
      return new ChargePending(Optional.empty(), product);
    }
    return new ChargeFailed(Optional.empty(), product, status, effective.detail());
  }
}
