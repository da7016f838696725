package io.vasgate.billing.subscription;

import io.vasgate.billing.charging.ChargeReason;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.MsisdnMask;
import io.vasgate.billing.subscription.OrderChargeRepository.Claim;
import io.vasgate.billing.subscription.OrderChargeRepository.ClaimKind;
import io.vasgate.billing.subscription.SubscriptionOutcome.CancelledWhileCharging;
import io.vasgate.billing.subscription.SubscriptionOutcome.ChargeFailed;
import io.vasgate.billing.subscription.SubscriptionOutcome.ChargePending;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForOrderCharge;
import io.vasgate.billing.subscription.SubscriptionOutcome.Subscribed;
import io.vasgate.billing.subscription.SubscriptionRepository.Change;
import io.vasgate.command.catalog.ChargeType;
import io.vasgate.command.catalog.Product;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an order becomes a subscription once the subscriber consented: the plan (trial, free, charge
 * first), the claim of the first charge and the recording of its answer. Shared by SUBSCRIBE
 * (products without confirmation), CONFIRM and the retry of unknown charges.
 */
final class OrderFlows {

  /** The job name on expiries, whichever process noticed the closed window. */
  static final String EXPIRY_JOB = "confirmation-expiry";

  private static final Logger log = LoggerFactory.getLogger(OrderFlows.class);

  private final ServiceContext ctx;

  OrderFlows(ServiceContext ctx) {
    this.ctx = ctx;
  }

  /**
   * What consenting on {@code day} leads to.
   *
   * @param state TRIAL, ACTIVE (nothing to charge) or PENDING_CHARGE
   * @param chargeFen the first charge when PENDING_CHARGE, else 0
   */
  record Plan(
      SubscriptionState state,
      Optional<LocalDate> trialEnd,
      Optional<LocalDate> nextChargeDate,
      long chargeFen) {}

  /**
   * @param priceFen the monthly price disclosed when the order was made, which the first charge is
   *     computed from even if the catalog price changed before the confirmation
   */
  static Plan plan(Product product, long priceFen, LocalDate day) {
    if (product.chargeType() == ChargeType.FREE) {
      return new Plan(SubscriptionState.ACTIVE, Optional.empty(), Optional.empty(), 0);
    }
    if (product.trialDays() > 0) {
      LocalDate trialEnd = day.plusDays(product.trialDays());
      return new Plan(SubscriptionState.TRIAL, Optional.of(trialEnd), Optional.of(trialEnd), 0);
    }
    long fen = MonthlyBilling.firstMonthFen(product.firstMonthPolicy(), priceFen, day);
    if (fen == 0) {
      return new Plan(
          SubscriptionState.ACTIVE,
          Optional.empty(),
          Optional.of(MonthlyBilling.firstOfNextMonth(day)),
          0);
    }
    return new Plan(SubscriptionState.PENDING_CHARGE, Optional.empty(), Optional.empty(), fen);
  }

  /** {@code order} as the plan leaves it at {@code now}. */
  static Subscription apply(Subscription order, Plan plan, Instant now) {
    if (plan.state() == SubscriptionState.PENDING_CHARGE) {
      return order.withState(SubscriptionState.PENDING_CHARGE);
    }
    return order.activated(plan.state(), now, plan.trialEnd(), plan.nextChargeDate());
  }

  /** The new order a consented SUBSCRIBE (no confirmation needed) stores. */
  static NewOrder consentedOrder(
      String msisdn, Product product, Plan plan, Optional<Long> moId, Instant now) {
    boolean started = plan.state() != SubscriptionState.PENDING_CHARGE;
    return new NewOrder(
        msisdn,
        product.code(),
        product.servicePort(),
        plan.state(),
        product.priceFen(),
        now,
        Optional.empty(),
        started ? Optional.of(now) : Optional.empty(),
        plan.trialEnd(),
        plan.nextChargeDate(),
        moId);
  }

  /**
   * Claims the first charge of {@code order}, which has just entered PENDING_CHARGE in the caller's
   * transaction.
   */
  <T> Step<T> claimFirstCharge(
      Connection c,
      Subscription order,
      Product product,
      long amountFen,
      Optional<Long> moId,
      Instant now,
      TransitionCause cause,
      java.util.function.Function<ForOrderCharge, T> as)
      throws SQLException {
    OrderCharge proposed =
        OrderCharge.attempt(
            MonthlyBilling.orderKey(order.id()),
            order.msisdn(),
            product,
            amountFen,
            ChargeReason.ORDER,
            Optional.of(order.id()),
            moId,
            now,
            ctx.leaseEnd(now));
    if (order.state() != SubscriptionState.PENDING_CHARGE) {
      // Charged inline, a success for an order in any other state would have to be refunded, and
      // its record may still wait for the batch's end where a refund claim cannot find it.
      throw new IllegalStateException(
          "order " + order.id() + " is " + order.state() + ", not awaiting its first charge");
    }
    Optional<ChargeResult> charged = ctx.billing().chargeInline(c, proposed);
    if (charged.isPresent()) {
      // Books in our database: charged on this transaction, so its record is written once,
      // settled, instead of claimed and then settled.
      ChargeResult result = ctx.charges().recordDecided(c, proposed, charged.get(), now);
      return settledHere(
          order, applyFirstCharge(c, proposed, order, product, result, cause, now), as);
    }
    return toStep(
        c,
        ctx.charges().claim(c, proposed, now, ctx.leaseEnd(now)),
        order,
        product,
        now,
        cause,
        as);
  }

  /** Claims the first charge of {@code order}, PENDING_CHARGE, again: its outcome was unknown. */
  <T> Step<T> reclaimFirstCharge(
      Connection c,
      Subscription order,
      Product product,
      Instant now,
      TransitionCause cause,
      java.util.function.Function<ForOrderCharge, T> as)
      throws SQLException {
    Claim claim =
        ctx.charges().reclaim(c, MonthlyBilling.orderKey(order.id()), now, ctx.leaseEnd(now));
    return toStep(c, claim, order, product, now, cause, as);
  }

  /**
   * What to do with the claim of {@code order}'s first charge, made on {@code c}: with books in our
   * database, charge and settle right here; otherwise send it once {@code c} committed.
   */
  private <T> Step<T> toStep(
      Connection c,
      Claim claim,
      Subscription order,
      Product product,
      Instant now,
      TransitionCause cause,
      java.util.function.Function<ForOrderCharge, T> as)
      throws SQLException {
    if (claim.kind() == ClaimKind.IN_FLIGHT) {
      return new Step.Done<>(as.apply(new ChargePending(Optional.of(order), product)));
    }
    Optional<ChargeResult> charged = ctx.billing().chargeOn(c, claim);
    if (charged.isPresent()) {
      return settledHere(
          order,
          recordFirstCharge(c, claim.charge(), order, product, charged.get(), cause, now),
          as);
    }
    Optional<ChargeResult> recorded =
        claim.kind() == ClaimKind.SETTLED
            ? Optional.of(claim.charge().recordedResult())
            : Optional.empty();
    OrderCharge charge = claim.charge();
    return new Step.Send<>(
        charge,
        recorded,
        result -> {
          Step.Settled<ForOrderCharge> settled = settleFirstCharge(charge, product, result, cause);
          return new Step.Settled<>(as.apply(settled.outcome()), settled.refund());
        });
  }

  /** The outcome of a first charge decided on the order's own transaction. */
  private static <T> Step<T> settledHere(
      Subscription order,
      Step.Settled<ForOrderCharge> settled,
      java.util.function.Function<ForOrderCharge, T> as) {
    if (settled.refund().isPresent()) {
      // The order is locked by this transaction, so it cannot have ended meanwhile; if it did,
      // undoing the charge with the rest beats a refund.
      throw new IllegalStateException(
          "order " + order.id() + " ended while its charge was decided on its transaction");
    }
    return new Step.Done<>(as.apply(settled.outcome()));
  }

  /**
   * Records the answer to an order's first charge and moves the order on: ACTIVE on success,
   * CHARGE_FAILED on a final failure, still PENDING_CHARGE when unknown. A success for an order
   * cancelled meanwhile is claimed for refund.
   */
  Step.Settled<ForOrderCharge> settleFirstCharge(
      OrderCharge charge, Product product, ChargeResult result, TransitionCause cause) {
    Instant now = ctx.now();
    long orderId =
        charge
            .subscriptionId()
            .orElseThrow(() -> new IllegalArgumentException("not an order charge: " + charge));
    return ctx.tx()
        .forNumber(
            "settle " + charge.idempotencyKey(),
            charge.msisdn(),
            c -> {
              ctx.subscriptions().lockNumber(c, charge.msisdn());
              Subscription order =
                  ctx.subscriptions()
                      .findByIdForUpdate(c, orderId)
                      .orElseThrow(() -> new IllegalStateException("no order " + orderId));
              return recordFirstCharge(c, charge, order, product, result, cause, now);
            });
  }

  /**
   * Records {@code answer} for {@code charge} of {@code order}, locked on {@code c}, and applies
   * the outcome that holds (another process may have recorded one first).
   */
  private Step.Settled<ForOrderCharge> recordFirstCharge(
      Connection c,
      OrderCharge charge,
      Subscription order,
      Product product,
      ChargeResult answer,
      TransitionCause cause,
      Instant now)
      throws SQLException {
    ChargeResult result = ctx.charges().settleOrRecorded(c, charge.idempotencyKey(), answer, now);
    return applyFirstCharge(c, charge, order, product, result, cause, now);
  }

  /**
   * Moves {@code order}, locked on {@code c}, on by {@code result}, the outcome of {@code charge}
   * that holds (already recorded).
   */
  private Step.Settled<ForOrderCharge> applyFirstCharge(
      Connection c,
      OrderCharge charge,
      Subscription order,
      Product product,
      ChargeResult result,
      TransitionCause cause,
      Instant now)
      throws SQLException {
    ChargeStatus status = result.status();
    if (status == ChargeStatus.TEMPORARY_FAILURE) {
      log.info(
          "{} - outcome unknown for {} ({}); kept pending",
          charge.idempotencyKey(),
          MsisdnMask.mask(order.msisdn()),
          result.detail());
      return Step.Settled.of(new ChargePending(Optional.of(order), product));
    }
    boolean pending = order.state() == SubscriptionState.PENDING_CHARGE;
    if (status == ChargeStatus.SUCCESS) {
      if (pending) {
        // The month paid is the month of consent, when the amount was set, however late the
        // answer came.
        LocalDate consentDay = ctx.day(charge.createdAt());
        Subscription active =
            order.activated(
                SubscriptionState.ACTIVE,
                now,
                order.trialEnd(),
                Optional.of(MonthlyBilling.firstOfNextMonth(consentDay)));
        ctx.subscriptions()
            .change(
                c,
                new Change(
                    order,
                    active,
                    "charged "
                        + charge.amountFen()
                        + " fen, key "
                        + charge.idempotencyKey()
                        + ", transaction "
                        + result.transactionId()),
                cause,
                now);
        return Step.Settled.of(new Subscribed(active, product, charge.amountFen()));
      }
      if (order.state() == SubscriptionState.ACTIVE) {
        return Step.Settled.of(new Subscribed(order, product, charge.amountFen()));
      }
      String why = "order " + order.id() + " was " + order.state() + " when its charge succeeded";
      boolean claimed =
          ctx.charges().claimRefund(c, charge.idempotencyKey(), why, now, ctx.leaseEnd(now));
      log.warn(
          "{} - charge for {} succeeded after the order ended ({}); refunding",
          charge.idempotencyKey(),
          MsisdnMask.mask(order.msisdn()),
          order.state());
      return new Step.Settled<>(
          new CancelledWhileCharging(order, product),
          claimed ? ctx.charges().find(c, charge.idempotencyKey()) : Optional.empty());
    }
    Subscription failed = order;
    if (pending) {
      failed = order.ended(SubscriptionState.CHARGE_FAILED, now);
      ctx.subscriptions()
          .change(
              c,
              new Change(order, failed, "first charge failed: " + status + " " + result.detail()),
              cause,
              now);
    }
    return Step.Settled.of(new ChargeFailed(Optional.of(failed), product, status, result.detail()));
  }
}
