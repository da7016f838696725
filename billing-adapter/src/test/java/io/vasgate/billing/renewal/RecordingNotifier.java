package io.vasgate.billing.renewal;

import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.subscription.Subscription;
import io.vasgate.command.catalog.Product;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A notifier that remembers what it was told. */
final class RecordingNotifier implements SubscriberNotifier {

  record Renewed(
      Subscription subscription, long chargedFen, YearMonth period, boolean trialEnded) {}

  record Cancelled(Subscription subscription, ChargeStatus status) {}

  final List<ChargeReminder> reminders = new CopyOnWriteArrayList<>();
  final List<Renewed> renewed = new CopyOnWriteArrayList<>();
  final List<Cancelled> cancelled = new CopyOnWriteArrayList<>();

  @Override
  public void remindCharge(ChargeReminder reminder) {
    reminders.add(reminder);
  }

  @Override
  public void renewed(
      Subscription subscription,
      Product product,
      long chargedFen,
      YearMonth period,
      boolean trialEnded) {
    renewed.add(new Renewed(subscription, chargedFen, period, trialEnded));
  }

  @Override
  public void cancelledForNonPayment(
      Subscription subscription, Product product, ChargeStatus status) {
    cancelled.add(new Cancelled(subscription, status));
  }
}
