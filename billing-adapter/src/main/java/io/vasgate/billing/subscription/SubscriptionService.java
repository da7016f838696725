package io.vasgate.billing.subscription;

import io.vasgate.billing.charging.ChargingGateway;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForConfirm;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForDecline;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForSelect;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForSubscribe;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForUnsubscribe;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForUse;
import io.vasgate.command.catalog.Product;
import io.vasgate.persistence.GroupCommit;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The subscription lifecycle behind every handset command: orders, second confirmation, charges,
 * cancellations, the {@code 0000} list and per-use charges.
 *
 * <p>The guarantees, each held by the database rather than by this process:
 *
 * <ul>
 *   <li>Nothing is charged before consent: an order that needs confirmation stays
 *       PENDING_CONFIRMATION, uncharged, until a CONFIRM from the same number on the same service
 *       number within the window; expiry and DECLINE end it uncharged.
 *   <li>One number holds at most one live order/subscription per product (a unique key), so a
 *       repeated or concurrent SUBSCRIBE re-prompts or answers "already subscribed" and never makes
 *       a second order.
 *   <li>An order's first charge is claimed in the transaction that moves it to PENDING_CHARGE,
 *       under the key {@code order-<id>}; only the claimant sends it, a duplicate CONFIRM gets
 *       {@code ChargePending}, and a retry (of an unknown outcome, or after a crash once the
 *       claim's lease passed) resends the same key and amount. The billing SPI's idempotency does
 *       the rest: one order, at most one charge.
 *   <li>A charge that fails never activates; a charge whose outcome is unknown leaves the order
 *       PENDING_CHARGE (the subscriber is told it is being processed) until a retry settles it.
 *   <li>A cancellation ends the row at once, in one transaction; a charge already in flight for it
 *       that then succeeds is refunded automatically.
 * </ul>
 *
 * <p>Every operation runs its database work on the injected executor (JDBC blocks) and never holds
 * a transaction across a call to the billing system. Time comes from the injected clock.
 */
public final class SubscriptionService {

  private final ServiceContext ctx;
  private final OrderCommands orders;
  private final CancelCommands cancels;
  private final UseCommands uses;
  private final ChargeRunner runner;
  private final ProductSuspensions suspensions;

  /**
   * @param dataSource the gateway's pool, migrated
   * @param gateway where money moves
   * @param catalog the current catalog's product by code (the service stores no products)
   * @param clock the time
   * @param executor runs the blocking database work
   * @param config validated settings
   * @param orderIds ids of new orders (see below)
   */
  public SubscriptionService(
      DataSource dataSource,
      ChargingGateway gateway,
      Function<String, Optional<Product>> catalog,
      Clock clock,
      Executor executor,
      SubscriptionConfig config,
      LongSupplier orderIds) {
    this(dataSource, Optional.empty(), gateway, catalog, clock, executor, config, orderIds);
  }

  /**
   * @param groupCommit shares transactions among concurrent commands; empty for one transaction per
   *     command
   * @param orderIds ids of new orders: unique among every process writing the subscription table
   *     (the gateway's message ids, which carry its node id)
   */
  public SubscriptionService(
      DataSource dataSource,
      Optional<GroupCommit> groupCommit,
      ChargingGateway gateway,
      Function<String, Optional<Product>> catalog,
      Clock clock,
      Executor executor,
      SubscriptionConfig config,
      LongSupplier orderIds) {
    this.ctx =
        new ServiceContext(
            new Transactions(dataSource, groupCommit),
            new SubscriptionRepository(),
            orderIds,
            new OrderChargeRepository(),
            new ListNumberingRepository(),
            new BillingCalls(gateway),
            catalog,
            clock,
            executor,
            config);
    OrderFlows flows = new OrderFlows(ctx);
    this.orders = new OrderCommands(ctx, flows);
    this.cancels = new CancelCommands(ctx);
    this.uses = new UseCommands(ctx);
    this.runner = new ChargeRunner(ctx, flows, uses);
    this.suspensions = new ProductSuspensions(ctx);
  }

  /**
   * SUBSCRIBE: orders {@code product} for {@code msisdn}. A product needing confirmation gets a
   * pending order and {@code ConfirmationRequired}; otherwise a trial starts, a free product
   * starts, or the first month is charged.
   */
  public CompletableFuture<ForSubscribe> subscribe(String msisdn, Product product, MoRef mo) {
    return subscribe(msisdn, product, mo, Epilogue.none());
  }

  /** {@link #subscribe}, with the caller's work in the transaction deciding the outcome. */
  public CompletableFuture<ForSubscribe> subscribe(
      String msisdn, Product product, MoRef mo, Epilogue<? super ForSubscribe> epilogue) {
    check(msisdn, mo);
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(epilogue, "epilogue");
    return run(() -> orders.subscribe(msisdn, product, mo, epilogue));
  }

  /**
   * CONFIRM: consents to the newest order of {@code msisdn} on {@code servicePort} still within its
   * window, and charges it (or starts its trial).
   */
  public CompletableFuture<ForConfirm> confirm(String msisdn, String servicePort, MoRef mo) {
    return confirm(msisdn, servicePort, mo, Epilogue.none());
  }

  /** {@link #confirm}, with the caller's work in the transaction deciding the outcome. */
  public CompletableFuture<ForConfirm> confirm(
      String msisdn, String servicePort, MoRef mo, Epilogue<? super ForConfirm> epilogue) {
    check(msisdn, mo);
    Objects.requireNonNull(servicePort, "servicePort");
    Objects.requireNonNull(epilogue, "epilogue");
    return run(() -> orders.confirm(msisdn, servicePort, mo, epilogue));
  }

  /** DECLINE: ends the newest order awaiting confirmation on {@code servicePort}, uncharged. */
  public CompletableFuture<ForDecline> decline(String msisdn, String servicePort, MoRef mo) {
    return decline(msisdn, servicePort, mo, Epilogue.none());
  }

  /** {@link #decline}, with the caller's work in the transaction deciding the outcome. */
  public CompletableFuture<ForDecline> decline(
      String msisdn, String servicePort, MoRef mo, Epilogue<? super ForDecline> epilogue) {
    check(msisdn, mo);
    Objects.requireNonNull(servicePort, "servicePort");
    Objects.requireNonNull(epilogue, "epilogue");
    return run(() -> orders.decline(msisdn, servicePort, mo, epilogue));
  }

  /** UNSUBSCRIBE: cancels the number's subscription to (or pending order of) {@code product}. */
  public CompletableFuture<ForUnsubscribe> unsubscribe(String msisdn, Product product, MoRef mo) {
    return unsubscribe(msisdn, product, mo, Epilogue.none());
  }

  /** {@link #unsubscribe}, with the caller's work in the transaction deciding the outcome. */
  public CompletableFuture<ForUnsubscribe> unsubscribe(
      String msisdn, Product product, MoRef mo, Epilogue<? super ForUnsubscribe> epilogue) {
    check(msisdn, mo);
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(epilogue, "epilogue");
    return CompletableFuture.supplyAsync(
        () -> cancels.unsubscribe(msisdn, product, mo, epilogue), ctx.executor());
  }

  /** UNSUBSCRIBE_ALL: cancels everything live of the number on {@code servicePort}. */
  public CompletableFuture<ForUnsubscribe> unsubscribeAll(
      String msisdn, String servicePort, MoRef mo) {
    return unsubscribeAll(msisdn, servicePort, mo, Epilogue.none());
  }

  /** {@link #unsubscribeAll}, with the caller's work in the transaction deciding the outcome. */
  public CompletableFuture<ForUnsubscribe> unsubscribeAll(
      String msisdn, String servicePort, MoRef mo, Epilogue<? super ForUnsubscribe> epilogue) {
    check(msisdn, mo);
    Objects.requireNonNull(servicePort, "servicePort");
    Objects.requireNonNull(epilogue, "epilogue");
    return CompletableFuture.supplyAsync(
        () -> cancels.unsubscribeAll(msisdn, servicePort, mo, epilogue), ctx.executor());
  }

  /**
   * QUERY ({@code 0000}): the number's subscriptions, numbered; the numbering is stored for the
   * SELECT window. Free: nothing is charged.
   */
  public CompletableFuture<SubscriptionList> listActive(String msisdn) {
    return listActive(msisdn, Epilogue.none());
  }

  /** {@link #listActive}, with the caller's work in the transaction that stores the list. */
  public CompletableFuture<SubscriptionList> listActive(
      String msisdn, Epilogue<? super SubscriptionList> epilogue) {
    Subscription.requireMsisdn(msisdn);
    Objects.requireNonNull(epilogue, "epilogue");
    return CompletableFuture.supplyAsync(() -> cancels.list(msisdn, epilogue), ctx.executor());
  }

  /**
   * SELECT: cancels items of the number's latest list, if its window is open and every item is on
   * it.
   *
   * @param items item numbers as the subscriber typed them, from 1; not empty
   */
  public CompletableFuture<ForSelect> cancelSelected(String msisdn, List<Integer> items, MoRef mo) {
    return cancelSelected(msisdn, items, mo, Epilogue.none());
  }

  /** {@link #cancelSelected}, with the caller's work in the transaction deciding the outcome. */
  public CompletableFuture<ForSelect> cancelSelected(
      String msisdn, List<Integer> items, MoRef mo, Epilogue<? super ForSelect> epilogue) {
    check(msisdn, mo);
    Objects.requireNonNull(epilogue, "epilogue");
    List<Integer> copy = List.copyOf(items);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a selection names at least one item");
    }
    return CompletableFuture.supplyAsync(
        () -> cancels.cancelSelected(msisdn, copy, mo, epilogue), ctx.executor());
  }

  /**
   * A use of {@code product}: per use, charged once per MO; free, never charged; monthly, allowed
   * while subscribed.
   */
  public CompletableFuture<ForUse> use(String msisdn, Product product, MoRef mo) {
    return use(msisdn, product, mo, Epilogue.none());
  }

  /** {@link #use}, with the caller's work in the transaction deciding the outcome. */
  public CompletableFuture<ForUse> use(
      String msisdn, Product product, MoRef mo, Epilogue<? super ForUse> epilogue) {
    check(msisdn, mo);
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(epilogue, "epilogue");
    return run(() -> uses.use(msisdn, product, mo, epilogue));
  }

  /**
   * Expires, silently and uncharged, every order whose confirmation window closed by {@code now}.
   *
   * @return how many expired
   */
  public CompletableFuture<Integer> expirePending(Instant now) {
    Objects.requireNonNull(now, "now");
    return CompletableFuture.supplyAsync(() -> orders.expirePending(now), ctx.executor());
  }

  /**
   * Sends again (same key, same amount) one batch of first charges and uses whose outcome is
   * unknown and that no process holds, and refunds likewise. Run it periodically; tell each
   * subscriber the outcome returned.
   */
  public CompletableFuture<List<PendingChargeSettlement>> retryPendingCharges(Instant now) {
    Objects.requireNonNull(now, "now");
    return CompletableFuture.supplyAsync(() -> now, ctx.executor())
        .thenCompose(runner::retryPending);
  }

  /**
   * Suspends every trial and active subscription of {@code productCode}: no service, no charges.
   *
   * @param job who did it, for the transitions ({@code admin:alice})
   * @return how many were suspended
   */
  public CompletableFuture<Integer> suspendProduct(String productCode, String job) {
    Objects.requireNonNull(productCode, "productCode");
    return CompletableFuture.supplyAsync(
        () -> suspensions.suspend(productCode, job), ctx.executor());
  }

  /**
   * Resumes every suspended subscription of {@code productCode}; charging resumes on the first of
   * next month.
   *
   * @return how many were resumed
   */
  public CompletableFuture<Integer> resumeProduct(String productCode, String job) {
    Objects.requireNonNull(productCode, "productCode");
    return CompletableFuture.supplyAsync(
        () -> suspensions.resume(productCode, job), ctx.executor());
  }

  /** Everything recorded about {@code msisdn}: orders, transitions, charges. */
  public CompletableFuture<SubscriptionHistory> history(String msisdn) {
    Subscription.requireMsisdn(msisdn);
    return CompletableFuture.supplyAsync(
        () ->
            ctx.tx()
                .autoCommit(
                    "history",
                    c ->
                        new SubscriptionHistory(
                            ctx.subscriptions().findAllOf(c, msisdn),
                            ctx.subscriptions().transitionsOf(c, msisdn),
                            ctx.charges().findAllOf(c, msisdn))),
        ctx.executor());
  }

  private <T> CompletableFuture<T> run(Supplier<Step<T>> first) {
    return CompletableFuture.supplyAsync(first, ctx.executor()).thenCompose(runner::finish);
  }

  private static void check(String msisdn, MoRef mo) {
    Subscription.requireMsisdn(msisdn);
    Objects.requireNonNull(mo, "mo");
  }
}
