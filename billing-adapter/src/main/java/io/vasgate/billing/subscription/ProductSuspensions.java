package io.vasgate.billing.subscription;

import io.vasgate.billing.subscription.SubscriptionRepository.Change;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a product's subscribers to SUSPENDED when the product is suspended, and back when it
 * resumes. A suspended subscription is neither served nor charged; on resumption the month already
 * begun is free and charging resumes on the first of the next month (a trial keeps its end date, or
 * ends on the day of resumption if that passed meanwhile).
 */
final class ProductSuspensions {

  private static final Logger log = LoggerFactory.getLogger(ProductSuspensions.class);

  private final ServiceContext ctx;

  ProductSuspensions(ServiceContext ctx) {
    this.ctx = ctx;
  }

  int suspend(String productCode, String job) {
    Instant now = ctx.now();
    int total = 0;
    for (SubscriptionState from : List.of(SubscriptionState.TRIAL, SubscriptionState.ACTIVE)) {
      total +=
          sweep(
              productCode,
              from,
              job,
              now,
              s -> s.withState(SubscriptionState.SUSPENDED),
              "product suspended");
    }
    return total;
  }

  int resume(String productCode, String job) {
    Instant now = ctx.now();
    LocalDate today = ctx.day(now);
    return sweep(
        productCode,
        SubscriptionState.SUSPENDED,
        job,
        now,
        s -> resumed(s, today),
        "product resumed");
  }

  private static Subscription resumed(Subscription s, LocalDate today) {
    boolean inTrial = s.trialEnd().isPresent() && s.trialEnd().equals(s.nextChargeDate());
    if (inTrial) {
      LocalDate end = s.trialEnd().get().isBefore(today) ? today : s.trialEnd().get();
      return s.withState(SubscriptionState.TRIAL).withNextChargeDate(Optional.of(end));
    }
    LocalDate next = MonthlyBilling.firstOfNextMonth(today);
    Optional<LocalDate> due = s.nextChargeDate().map(d -> d.isAfter(next) ? d : next);
    return s.withState(SubscriptionState.ACTIVE).withNextChargeDate(due);
  }

  /** Passes over the product's rows before rows still held by commands are given up on. */
  private static final int MAX_PASSES = 100;

  /**
   * Moves every row of the product in state {@code from}: in passes over the rows in id order that
   * skip rows a batch of commands holds for the moment, until none is left.
   */
  private int sweep(
      String productCode,
      SubscriptionState from,
      String job,
      Instant now,
      java.util.function.UnaryOperator<Subscription> to,
      String detail) {
    int total = 0;
    for (int pass = 1; pass <= MAX_PASSES; pass++) {
      total += pass(productCode, from, job, now, to, detail);
      long left =
          ctx.tx()
              .inTransaction(
                  "count " + productCode,
                  c -> ctx.subscriptions().countOfProduct(c, productCode, from));
      if (left == 0) {
        return total;
      }
      try {
        Thread.sleep(Math.min(pass * 10L, 200L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    log.warn(
        "{} {}: rows still {} after {} passes (held by commands); run it again to finish",
        detail,
        productCode,
        from,
        MAX_PASSES);
    return total;
  }

  private int pass(
      String productCode,
      SubscriptionState from,
      String job,
      Instant now,
      java.util.function.UnaryOperator<Subscription> to,
      String detail) {
    int batch = ctx.config().batchSize();
    int total = 0;
    long after = 0;
    while (true) {
      long afterId = after;
      List<Subscription> rows =
          ctx.tx()
              .inTransaction(
                  detail + " " + productCode,
                  c -> {
                    List<Subscription> found =
                        ctx.subscriptions()
                            .findOfProductForUpdate(c, productCode, from, afterId, batch);
                    List<Change> changes = new ArrayList<>(found.size());
                    for (Subscription s : found) {
                      changes.add(new Change(s, to.apply(s), detail));
                    }
                    ctx.subscriptions().changeAll(c, changes, TransitionCause.job(job), now);
                    return found;
                  });
      total += rows.size();
      if (rows.size() < batch) {
        return total;
      }
      after = rows.get(rows.size() - 1).id();
    }
  }
}
