package io.vasgate.billing.renewal;

import io.vasgate.billing.charging.ChargeReason;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.ChargingGateway;
import io.vasgate.billing.charging.MsisdnMask;
import io.vasgate.billing.subscription.BillingCalls;
import io.vasgate.billing.subscription.MonthlyBilling;
import io.vasgate.billing.subscription.OrderCharge;
import io.vasgate.billing.subscription.OrderChargeRepository;
import io.vasgate.billing.subscription.OrderChargeRepository.Claim;
import io.vasgate.billing.subscription.OrderChargeRepository.ClaimKind;
import io.vasgate.billing.subscription.Subscription;
import io.vasgate.billing.subscription.SubscriptionRepository;
import io.vasgate.billing.subscription.SubscriptionRepository.Change;
import io.vasgate.billing.subscription.SubscriptionState;
import io.vasgate.billing.subscription.Transactions;
import io.vasgate.billing.subscription.TransitionCause;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly renewal: reminds subscribers of charges coming up, then charges every trial and
 * active subscription due on or before the given day, in batches.
 *
 * <p>Safe to run again, on any node, at any time:
 *
 * <ul>
 *   <li>A due subscription is claimed in a transaction that locks it ({@code FOR UPDATE SKIP
 *       LOCKED}, so two nodes take different rows) and writes its charge, keyed {@code
 *       renewal-<id>-<yyyy-MM>} with a lease, before anything is sent. Another node finds the
 *       charge claimed and leaves it.
 *   <li>The next charge date moves on only after the billing system answered SUCCESS, in the same
 *       transaction that records the answer; a second run the same day finds nothing due.
 *   <li>A run that dies after sending leaves the charge claimed; once the lease passes, the next
 *       run sends it again with the same key and amount, and the billing system's idempotency makes
 *       that one charge.
 *   <li>Only TRIAL and ACTIVE rows are selected, and the answer is applied only if the row is still
 *       live and due: a subscription cancelled while its charge was in flight is refunded.
 * </ul>
 *
 * <p>A trial's first charge follows the product's first-month policy for the month the trial ends
 * in; every later charge is the monthly price agreed at order, for the month it is due in. A final
 * failure cancels the subscription (and tells the subscriber); an unknown outcome is resent by the
 * next run. A run charges each subscription at most once: one that fell several months behind
 * catches up one month per run.
 */
public final class RenewalJob {

  private static final Logger log = LoggerFactory.getLogger(RenewalJob.class);

  private final Transactions tx;
  private final SubscriptionRepository subscriptions = new SubscriptionRepository();
  private final OrderChargeRepository charges = new OrderChargeRepository();
  private final BillingCalls billing;
  private final Function<String, Optional<Product>> catalog;
  private final SubscriberNotifier notifier;
  private final Clock clock;
  private final Executor executor;
  private final RenewalConfig config;
  private final TransitionCause cause;
  private final ChargeReminders reminders;

  /**
   * @param dataSource the gateway's pool, migrated
   * @param gateway where money moves
   * @param catalog the current catalog's product by code
   * @param notifier tells subscribers
   * @param clock the time, for records and leases (the day to bill is a parameter of each run)
   * @param executor runs the blocking work of a run
   * @param config validated settings
   */
  public RenewalJob(
      DataSource dataSource,
      ChargingGateway gateway,
      Function<String, Optional<Product>> catalog,
      SubscriberNotifier notifier,
      Clock clock,
      Executor executor,
      RenewalConfig config) {
    this.tx = new Transactions(Objects.requireNonNull(dataSource, "dataSource"));
    this.billing = new BillingCalls(gateway);
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.config = Objects.requireNonNull(config, "config");
    this.cause = TransitionCause.job(config.jobName());
    this.reminders = new ChargeReminders(tx, subscriptions, this::product, notifier, config);
  }

  /**
   * Reminds and charges for {@code today}. Blocks one executor thread for the whole run.
   *
   * @return what the run did; completes exceptionally if the database fails (what was committed
   *     stays, and the next run continues from there)
   */
  public CompletableFuture<RenewalReport> runOnce(LocalDate today) {
    Objects.requireNonNull(today, "today");
    return CompletableFuture.supplyAsync(() -> run(today), executor);
  }

  private RenewalReport run(LocalDate today) {
    Tally tally = new Tally();
    tally.remindersSent = reminders.send(today);
    charge(today, tally);
    RenewalReport report = tally.report();
    log.info("{} - run for {}: {}", config.jobName(), today, report);
    return report;
  }

  private void charge(LocalDate today, Tally tally) {
    long after = 0;
    while (true) {
      long afterId = after;
      Instant now = now();
      Claimed claimed =
          tx.inTransaction(config.jobName() + " claim", c -> claim(c, today, afterId, now));
      tally.apply(claimed);
      List<CompletableFuture<ChargeResult>> answers = new ArrayList<>(claimed.work().size());
      for (Due due : claimed.work()) {
        answers.add(
            due.recorded().isPresent()
                ? CompletableFuture.completedFuture(due.recorded().get())
                : billing.charge(due.charge().toRequest()));
      }
      for (int i = 0; i < answers.size(); i++) {
        settle(claimed.work().get(i), answers.get(i).join(), tally);
      }
      if (claimed.rows() < config.batchSize()) {
        return;
      }
      after = claimed.lastId();
    }
  }

  /**
   * A claimed charge of one subscription.
   *
   * @param recorded the final answer already recorded, if the charge was settled before (nothing is
   *     sent then)
   */
  private record Due(
      Subscription subscription,
      Product product,
      LocalDate due,
      OrderCharge charge,
      Optional<ChargeResult> recorded) {}

  /** What one claiming transaction decided. */
  private record Claimed(
      int rows,
      long lastId,
      List<Due> work,
      int convertedFree,
      int cancelledProductGone,
      int skipped) {}

  private Claimed claim(Connection c, LocalDate today, long afterId, Instant now)
      throws SQLException {
    List<Subscription> due = subscriptions.findDueForUpdate(c, today, afterId, config.batchSize());
    List<Due> work = new ArrayList<>();
    int convertedFree = 0;
    int gone = 0;
    int skipped = 0;
    for (Subscription s : due) {
      Optional<Product> found = product(s.productCode());
      if (found.isEmpty() || found.get().status() == ProductStatus.RETIRED) {
        subscriptions.change(
            c,
            new Change(
                s,
                s.ended(SubscriptionState.CANCELLED, now),
                "product " + s.productCode() + " withdrawn; no further charges"),
            cause,
            now);
        gone++;
        continue;
      }
      Product product = found.get();
      if (product.status() == ProductStatus.SUSPENDED) {
        skipped++;
        continue;
      }
      LocalDate dueDate = s.nextChargeDate().orElseThrow();
      long amount = amountDue(s, product, dueDate);
      if (amount == 0) {
        paid(c, s, dueDate, "first month free (" + product.firstMonthPolicy() + ")", now);
        convertedFree++;
        continue;
      }
      OrderCharge proposed =
          OrderCharge.attempt(
              MonthlyBilling.renewalKey(s.id(), dueDate),
              s.msisdn(),
              product,
              amount,
              ChargeReason.RENEWAL,
              Optional.of(s.id()),
              Optional.empty(),
              now,
              now.plus(config.chargeLease()));
      Claim claim = charges.claim(c, proposed, now, now.plus(config.chargeLease()));
      if (claim.kind() == ClaimKind.IN_FLIGHT) {
        skipped++;
      } else {
        Optional<ChargeResult> recorded =
            claim.kind() == ClaimKind.SETTLED
                ? Optional.of(claim.charge().recordedResult())
                : Optional.empty();
        work.add(new Due(s, product, dueDate, claim.charge(), recorded));
      }
    }
    long lastId = due.isEmpty() ? afterId : due.get(due.size() - 1).id();
    return new Claimed(due.size(), lastId, work, convertedFree, gone, skipped);
  }

  /** The charge due on {@code due}: a trial's first month by policy, else the agreed price. */
  static long amountDue(Subscription s, Product product, LocalDate due) {
    if (s.state() == SubscriptionState.TRIAL) {
      return MonthlyBilling.firstMonthFen(product.firstMonthPolicy(), s.priceFen(), due);
    }
    return s.priceFen();
  }

  /** Records the month starting on {@code due} as paid: the next charge moves to the next month. */
  private void paid(Connection c, Subscription s, LocalDate due, String detail, Instant now)
      throws SQLException {
    LocalDate next = MonthlyBilling.firstOfNextMonth(due);
    if (s.state() == SubscriptionState.TRIAL) {
      subscriptions.change(
          c,
          new Change(
              s,
              s.activated(
                  SubscriptionState.ACTIVE,
                  s.activatedAt().orElse(now),
                  s.trialEnd(),
                  Optional.of(next)),
              "trial ended; " + detail),
          cause,
          now);
    } else if (!subscriptions.advanceNextCharge(c, s.id(), due, next, now)) {
      throw new IllegalStateException("subscription " + s.id() + " changed under its lock");
    }
  }

  private enum Settlement {
    RENEWED,
    TRIAL_CONVERTED,
    ALREADY_APPLIED,
    CANCELLED,
    REFUND,
    UNKNOWN,
    FAILED_ALREADY_ENDED
  }

  private void settle(Due due, ChargeResult result, Tally tally) {
    Instant now = now();
    String key = due.charge().idempotencyKey();
    ChargeResult[] effective = {result};
    Subscription[] latest = {due.subscription()};
    Settlement settlement =
        tx.inTransaction(
            config.jobName() + " settle " + key,
            c -> {
              Subscription s =
                  subscriptions
                      .findByIdForUpdate(c, due.subscription().id())
                      .orElseThrow(() -> new IllegalStateException("no subscription " + key));
              latest[0] = s;
              effective[0] = result;
              if (due.recorded().isEmpty() && !charges.settle(c, key, result, now)) {
                effective[0] = charges.find(c, key).orElseThrow().recordedResult();
              }
              return apply(c, s, due, effective[0], now);
            });
    ChargeStatus status = effective[0].status();
    switch (settlement) {
      case RENEWED:
      case TRIAL_CONVERTED:
        boolean trial = settlement == Settlement.TRIAL_CONVERTED;
        if (trial) {
          tally.trialsConverted++;
        } else {
          tally.renewed++;
        }
        tally.chargedFen += due.charge().amountFen();
        notifyQuietly(
            () ->
                notifier.renewed(
                    latest[0],
                    due.product(),
                    due.charge().amountFen(),
                    YearMonth.from(due.due()),
                    trial));
        break;
      case CANCELLED:
        tally.cancelledForNonPayment++;
        notifyQuietly(() -> notifier.cancelledForNonPayment(latest[0], due.product(), status));
        break;
      case REFUND:
        tally.refunded++;
        refund(key);
        break;
      case UNKNOWN:
        tally.unknown++;
        break;
      default:
        break;
    }
  }

  private Settlement apply(Connection c, Subscription s, Due due, ChargeResult result, Instant now)
      throws SQLException {
    boolean stillDue =
        (s.state() == SubscriptionState.ACTIVE || s.state() == SubscriptionState.TRIAL)
            && s.nextChargeDate().equals(Optional.of(due.due()));
    String key = due.charge().idempotencyKey();
    switch (result.status()) {
      case SUCCESS:
        if (stillDue) {
          boolean trial = s.state() == SubscriptionState.TRIAL;
          paid(
              c,
              s,
              due.due(),
              "charged "
                  + due.charge().amountFen()
                  + " fen, key "
                  + key
                  + ", transaction "
                  + result.transactionId(),
              now);
          return trial ? Settlement.TRIAL_CONVERTED : Settlement.RENEWED;
        }
        if (s.state().isLive() && s.state() != SubscriptionState.SUSPENDED) {
          return Settlement.ALREADY_APPLIED;
        }
        String why = "subscription " + s.id() + " was " + s.state() + " when its renewal succeeded";
        log.warn("{} - {} for {}; refunding", key, why, MsisdnMask.mask(s.msisdn()));
        return charges.claimRefund(c, key, why, now, now.plus(config.chargeLease()))
            ? Settlement.REFUND
            : Settlement.ALREADY_APPLIED;
      case INSUFFICIENT_BALANCE:
      case REJECTED:
        if (!stillDue) {
          return Settlement.FAILED_ALREADY_ENDED;
        }
        subscriptions.change(
            c,
            new Change(
                s,
                s.ended(SubscriptionState.CANCELLED, now),
                "charge for "
                    + YearMonth.from(due.due())
                    + " failed: "
                    + result.status()
                    + " "
                    + result.detail()),
            cause,
            now);
        return Settlement.CANCELLED;
      default:
        log.info("{} - outcome unknown ({}); the next run resends it", key, result.detail());
        return Settlement.UNKNOWN;
    }
  }

  private void refund(String key) {
    OrderCharge charge = tx.autoCommit("refund " + key, c -> charges.find(c, key)).orElseThrow();
    ChargeResult result =
        billing.refund(charge.toRefund(charge.refundReason().orElse("automatic refund"))).join();
    tx.autoCommit(
        "refund " + key,
        c -> {
          charges.settleRefund(c, key, result);
          return null;
        });
    log.info("{} - refund to {}: {}", key, MsisdnMask.mask(charge.msisdn()), result.status());
  }

  private void notifyQuietly(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("{} - notifier failed", config.jobName(), e);
    }
  }

  private Optional<Product> product(String code) {
    Optional<Product> product = catalog.apply(code);
    return product == null ? Optional.empty() : product;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Counts of one run. */
  private static final class Tally {
    int remindersSent;
    int renewed;
    int trialsConverted;
    long chargedFen;
    int cancelledForNonPayment;
    int cancelledProductGone;
    int unknown;
    int skipped;
    int refunded;

    void apply(Claimed claimed) {
      trialsConverted += claimed.convertedFree();
      cancelledProductGone += claimed.cancelledProductGone();
      skipped += claimed.skipped();
    }

    RenewalReport report() {
      return new RenewalReport(
          remindersSent,
          renewed,
          trialsConverted,
          chargedFen,
          cancelledForNonPayment,
          cancelledProductGone,
          unknown,
          skipped,
          refunded);
    }
  }
}
