package io.vasgate.billing.subscription;

import io.vasgate.billing.subscription.SubscriptionOutcome.AlreadySubscribed;
import io.vasgate.billing.subscription.SubscriptionOutcome.ConfirmationExpired;
import io.vasgate.billing.subscription.SubscriptionOutcome.ConfirmationRequired;
import io.vasgate.billing.subscription.SubscriptionOutcome.Declined;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForConfirm;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForDecline;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForSubscribe;
import io.vasgate.billing.subscription.SubscriptionOutcome.NoPendingOrder;
import io.vasgate.billing.subscription.SubscriptionOutcome.NoSubscriptionNeeded;
import io.vasgate.billing.subscription.SubscriptionOutcome.ProductRetired;
import io.vasgate.billing.subscription.SubscriptionOutcome.ProductSuspended;
import io.vasgate.billing.subscription.SubscriptionOutcome.ProductUnavailable;
import io.vasgate.billing.subscription.SubscriptionOutcome.Subscribed;
import io.vasgate.billing.subscription.SubscriptionOutcome.TrialStarted;
import io.vasgate.billing.subscription.SubscriptionRepository.Change;
import io.vasgate.command.catalog.ChargeType;
import io.vasgate.command.catalog.ConfirmationPolicy;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SUBSCRIBE, CONFIRM, DECLINE and the expiry of unconfirmed orders: the first transaction of each,
 * which either answers or hands back the charge to send.
 */
final class OrderCommands {

  /**
   * How many times a SUBSCRIBE re-reads after losing a race for the number's one live slot: each
   * lost race means another order committed or ended, which the next read sees.
   */
  private static final int MAX_SLOT_RACES = 3;

  private final ServiceContext ctx;
  private final OrderFlows flows;

  OrderCommands(ServiceContext ctx, OrderFlows flows) {
    this.ctx = ctx;
    this.flows = flows;
  }

  Step<ForSubscribe> subscribe(
      String msisdn, Product product, MoRef mo, Epilogue<? super ForSubscribe> epilogue) {
    if (product.status() == ProductStatus.SUSPENDED) {
      return new Step.Done<>(new ProductSuspended(product));
    }
    if (product.status() == ProductStatus.RETIRED) {
      return new Step.Done<>(new ProductRetired(product));
    }
    if (product.chargeType() == ChargeType.PER_USE) {
      return new Step.Done<>(new NoSubscriptionNeeded(product));
    }
    Instant now = ctx.now();
    TransitionCause cause = TransitionCause.of(mo);
    return ctx.tx()
        .forNumber(
            "subscribe " + product.code(),
            msisdn,
            Epilogues.onDone(
                epilogue,
                c -> {
                  ctx.subscriptions().lockNumber(c, msisdn);
                  for (int race = 0; race < MAX_SLOT_RACES; race++) {
                    Optional<Subscription> created = create(c, msisdn, product, mo, now);
                    if (created.isPresent()) {
                      return afterCreate(c, created.get(), product, mo, now);
                    }
                    Optional<Subscription> existing =
                        ctx.subscriptions().findLiveForUpdate(c, msisdn, product.code());
                    if (existing.isEmpty()) {
                      continue;
                    }
                    Subscription live = existing.get();
                    switch (live.state()) {
                      case PENDING_CONFIRMATION:
                        Instant deadline = live.confirmDeadline().orElseThrow();
                        if (now.isBefore(deadline)) {
                          return new Step.Done<>(
                              new ConfirmationRequired(
                                  live,
                                  product,
                                  live.priceFen(),
                                  product.confirmation().window(),
                                  deadline,
                                  true));
                        }
                        expire(c, List.of(live), now);
                        continue;
                      case PENDING_CHARGE:
                        return flows.reclaimFirstCharge(c, live, product, now, cause, o -> o);
                      default:
                        return new Step.Done<>(new AlreadySubscribed(live, product));
                    }
                  }
                  throw new IllegalStateException(
                      "subscribe "
                          + product.code()
                          + " lost the race for its live slot "
                          + MAX_SLOT_RACES
                          + " times");
                }));
  }

  private Optional<Subscription> create(
      Connection c, String msisdn, Product product, MoRef mo, Instant now) throws SQLException {
    ConfirmationPolicy confirmation = product.confirmation();
    NewOrder order;
    if (confirmation.required()) {
      order =
          new NewOrder(
              msisdn,
              product.code(),
              product.servicePort(),
              SubscriptionState.PENDING_CONFIRMATION,
              product.priceFen(),
              now,
              Optional.of(now.plus(confirmation.window())),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.of(mo.moId()));
    } else {
      OrderFlows.Plan plan = OrderFlows.plan(product, product.priceFen(), ctx.day(now));
      order = OrderFlows.consentedOrder(msisdn, product, plan, Optional.of(mo.moId()), now);
    }
    return ctx.subscriptions()
        .insert(
            c,
            order,
            ctx.orderIds().getAsLong(),
            TransitionCause.of(mo),
            "ordered by " + mo.quoted());
  }

  private Step<ForSubscribe> afterCreate(
      Connection c, Subscription order, Product product, MoRef mo, Instant now)
      throws SQLException {
    switch (order.state()) {
      case PENDING_CONFIRMATION:
        return new Step.Done<>(
            new ConfirmationRequired(
                order,
                product,
                order.priceFen(),
                product.confirmation().window(),
                order.confirmDeadline().orElseThrow(),
                false));
      case TRIAL:
        return new Step.Done<>(trialStarted(order, product));
      case ACTIVE:
        return new Step.Done<>(new Subscribed(order, product, 0));
      default:
        long fen = OrderFlows.plan(product, order.priceFen(), ctx.day(now)).chargeFen();
        return flows.claimFirstCharge(
            c, order, product, fen, Optional.of(mo.moId()), now, TransitionCause.of(mo), o -> o);
    }
  }

  Step<ForConfirm> confirm(
      String msisdn, String servicePort, MoRef mo, Epilogue<? super ForConfirm> epilogue) {
    Instant now = ctx.now();
    TransitionCause cause = TransitionCause.of(mo);
    return ctx.tx()
        .forNumber(
            "confirm",
            msisdn,
            Epilogues.onDone(
                epilogue,
                c -> {
                  ctx.subscriptions().lockNumber(c, msisdn);
                  Pending pending = pendingOnPort(c, msisdn, servicePort, now);
                  if (pending.chosen().isEmpty()) {
                    return new Step.Done<>(noPendingOrder(c, msisdn, servicePort, pending, now));
                  }
                  Subscription order = pending.chosen().get();
                  Optional<Product> found = ctx.product(order.productCode());
                  if (found.isEmpty()) {
                    Subscription cancelled = order.ended(SubscriptionState.CANCELLED, now);
                    ctx.subscriptions()
                        .change(
                            c,
                            new Change(
                                order,
                                cancelled,
                                "product no longer offered; confirmation " + mo.quoted()),
                            cause,
                            now);
                    return new Step.Done<>(new ProductUnavailable(cancelled));
                  }
                  Product product = found.get();
                  if (order.state() == SubscriptionState.PENDING_CHARGE) {
                    return flows.reclaimFirstCharge(c, order, product, now, cause, o -> o);
                  }
                  if (product.status() != ProductStatus.ACTIVE) {
                    ctx.subscriptions()
                        .change(
                            c,
                            new Change(
                                order,
                                order.ended(SubscriptionState.CANCELLED, now),
                                "product " + product.status() + "; confirmation " + mo.quoted()),
                            cause,
                            now);
                    return new Step.Done<>(
                        product.status() == ProductStatus.SUSPENDED
                            ? new ProductSuspended(product)
                            : new ProductRetired(product));
                  }
                  OrderFlows.Plan plan = OrderFlows.plan(product, order.priceFen(), ctx.day(now));
                  Subscription consented = OrderFlows.apply(order, plan, now);
                  ctx.subscriptions()
                      .change(
                          c,
                          new Change(order, consented, "confirmed by " + mo.quoted()),
                          cause,
                          now);
                  switch (consented.state()) {
                    case TRIAL:
                      return new Step.Done<>(trialStarted(consented, product));
                    case ACTIVE:
                      return new Step.Done<>(new Subscribed(consented, product, 0));
                    default:
                      return flows.claimFirstCharge(
                          c,
                          consented,
                          product,
                          plan.chargeFen(),
                          Optional.of(mo.moId()),
                          now,
                          cause,
                          o -> o);
                  }
                }));
  }

  Step<ForDecline> decline(
      String msisdn, String servicePort, MoRef mo, Epilogue<? super ForDecline> epilogue) {
    Instant now = ctx.now();
    return ctx.tx()
        .forNumber(
            "decline",
            msisdn,
            Epilogues.onDone(
                epilogue,
                c -> {
                  ctx.subscriptions().lockNumber(c, msisdn);
                  Pending pending = pendingOnPort(c, msisdn, servicePort, now);
                  Optional<Subscription> chosen =
                      pending
                          .chosen()
                          .filter(s -> s.state() == SubscriptionState.PENDING_CONFIRMATION);
                  if (chosen.isEmpty()) {
                    return new Step.Done<>(new NoPendingOrder());
                  }
                  Subscription order = chosen.get();
                  Subscription declined = order.ended(SubscriptionState.DECLINED, now);
                  ctx.subscriptions()
                      .change(
                          c,
                          new Change(order, declined, "declined by " + mo.quoted()),
                          TransitionCause.of(mo),
                          now);
                  return new Step.Done<>(new Declined(declined, ctx.product(order.productCode())));
                }));
  }

  /** Expires every order whose window closed by {@code now}, a batch per transaction. */
  int expirePending(Instant now) {
    int batch = ctx.config().batchSize();
    int total = 0;
    while (true) {
      int expired =
          ctx.tx()
              .inTransaction(
                  "expire pending orders",
                  c -> {
                    List<Subscription> due =
                        ctx.subscriptions().findExpiredPendingForUpdate(c, now, batch);
                    expire(c, due, now);
                    return due.size();
                  });
      total += expired;
      if (expired < batch) {
        return total;
      }
    }
  }

  /**
   * The number's pending orders on the port, with those whose window has closed expired now.
   *
   * @param chosen the newest order still awaiting confirmation within its window, or awaiting the
   *     outcome of its first charge
   * @param justExpired the orders expired now, newest first
   */
  private record Pending(Optional<Subscription> chosen, List<Subscription> justExpired) {}

  private Pending pendingOnPort(Connection c, String msisdn, String port, Instant now)
      throws SQLException {
    List<Subscription> rows = ctx.subscriptions().findPendingOnPortForUpdate(c, msisdn, port);
    List<Subscription> closed = new ArrayList<>();
    Optional<Subscription> chosen = Optional.empty();
    for (Subscription row : rows) {
      boolean open =
          row.state() == SubscriptionState.PENDING_CHARGE
              || now.isBefore(row.confirmDeadline().orElseThrow());
      if (!open) {
        closed.add(row);
      } else if (chosen.isEmpty()) {
        chosen = Optional.of(row);
      }
    }
    List<Subscription> expired = expire(c, closed, now);
    return new Pending(chosen, expired);
  }

  private ForConfirm noPendingOrder(
      Connection c, String msisdn, String port, Pending pending, Instant now) throws SQLException {
    Optional<Subscription> expired =
        pending.justExpired().isEmpty()
            ? ctx.subscriptions()
                .findLatestExpiredOnPort(c, msisdn, port, now.minus(ConfirmationPolicy.MAX_WINDOW))
            : Optional.of(pending.justExpired().get(0));
    if (expired.isPresent()) {
      return new ConfirmationExpired(expired.get(), ctx.product(expired.get().productCode()));
    }
    return new NoPendingOrder();
  }

  private List<Subscription> expire(Connection c, List<Subscription> orders, Instant now)
      throws SQLException {
    List<Change> changes = new ArrayList<>(orders.size());
    List<Subscription> expired = new ArrayList<>(orders.size());
    for (Subscription order : orders) {
      Subscription ended = order.ended(SubscriptionState.EXPIRED, now);
      changes.add(
          new Change(
              order,
              ended,
              "confirmation window closed at "
                  + order.confirmDeadline().orElseThrow()
                  + "; not charged"));
      expired.add(ended);
    }
    ctx.subscriptions().changeAll(c, changes, TransitionCause.job(OrderFlows.EXPIRY_JOB), now);
    return expired;
  }

  private TrialStarted trialStarted(Subscription subscription, Product product) {
    java.time.LocalDate firstCharge = subscription.trialEnd().orElseThrow();
    return new TrialStarted(
        subscription,
        product,
        firstCharge,
        MonthlyBilling.firstMonthFen(
            product.firstMonthPolicy(), subscription.priceFen(), firstCharge));
  }
}
