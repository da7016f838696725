package io.vasgate.billing.renewal;

import io.vasgate.billing.subscription.Subscription;
import io.vasgate.billing.subscription.SubscriptionRepository;
import io.vasgate.billing.subscription.SubscriptionState;
import io.vasgate.billing.subscription.Transactions;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reminders of a renewal run: one per charge date, for every charge due within the configured
 * days. Each batch is locked ({@code SKIP LOCKED}, so two nodes split the work), handed to the
 * notifier and marked as reminded for its charge date in one transaction, so a rerun does not
 * remind twice; a reminder whose notifier call throws stays unmarked and is tried again.
 */
final class ChargeReminders {

  private final Transactions tx;
  private final SubscriptionRepository subscriptions;
  private final Function<String, Optional<Product>> catalog;
  private final SubscriberNotifier notifier;
  private final RenewalConfig config;

  ChargeReminders(
      Transactions tx,
      SubscriptionRepository subscriptions,
      Function<String, Optional<Product>> catalog,
      SubscriberNotifier notifier,
      RenewalConfig config) {
    this.tx = tx;
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.notifier = notifier;
    this.config = config;
  }

  /** Sends the reminders due on {@code today}; returns how many were sent. */
  int send(LocalDate today) {
    if (config.reminderDaysBefore() == 0) {
      return 0;
    }
    LocalDate horizon = today.plusDays(config.reminderDaysBefore());
    int total = 0;
    long after = 0;
    while (true) {
      long afterId = after;
      Batch batch =
          tx.inTransaction(
              config.jobName() + " reminders",
              c -> {
                List<Subscription> found =
                    subscriptions.findToRemindForUpdate(
                        c, today, horizon, afterId, config.batchSize());
                List<Long> done = new ArrayList<>(found.size());
                int sent = 0;
                for (Subscription s : found) {
                  Decision decision = remind(s);
                  if (decision == Decision.SENT) {
                    sent++;
                  }
                  if (decision != Decision.NOT_NOW) {
                    done.add(s.id());
                  }
                }
                subscriptions.markReminded(c, done);
                return new Batch(found, sent);
              });
      total += batch.sent();
      if (batch.rows().size() < config.batchSize()) {
        return total;
      }
      after = batch.rows().get(batch.rows().size() - 1).id();
    }
  }

  private record Batch(List<Subscription> rows, int sent) {}

  private enum Decision {
    SENT,
    /** Nothing will be charged (a free first month): no reminder, and none later either. */
    NOTHING_TO_REMIND,
    /** The product is not on sale now: a later run reminds if it is again. */
    NOT_NOW
  }

  private Decision remind(Subscription s) {
    Optional<Product> product = catalog.apply(s.productCode());
    if (product.isEmpty() || product.get().status() != ProductStatus.ACTIVE) {
      return Decision.NOT_NOW;
    }
    LocalDate due = s.nextChargeDate().orElseThrow();
    long amount = RenewalJob.amountDue(s, product.get(), due);
    if (amount == 0) {
      return Decision.NOTHING_TO_REMIND;
    }
    notifier.remindCharge(
        new ChargeReminder(s, product.get(), due, amount, s.state() == SubscriptionState.TRIAL));
    return Decision.SENT;
  }
}
