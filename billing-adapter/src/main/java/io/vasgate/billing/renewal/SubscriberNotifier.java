package io.vasgate.billing.renewal;

import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.subscription.Subscription;
import io.vasgate.command.catalog.Product;
import java.time.YearMonth;

/**
 * Tells subscribers about their renewals; the pipeline implements it by queueing an SMS.
 *
 * <p>{@link #remindCharge} is called inside the transaction that records the reminder as sent, so
 * it must be quick (queue, do not deliver) and a reminder that throws is not recorded and is tried
 * again by the next run. The other callbacks run after their change committed and default to doing
 * nothing.
 */
public interface SubscriberNotifier {

  /** A charge is coming: who, what, when, how much, and (the pipeline adds) how to cancel. */
  void remindCharge(ChargeReminder reminder);

  /**
   * A renewal (or the first charge after a trial) went through.
   *
   * @param period the month paid for
   * @param trialEnded whether this was the first charge after a free trial
   */
  default void renewed(
      Subscription subscription,
      Product product,
      long chargedFen,
      YearMonth period,
      boolean trialEnded) {}

  /** A renewal failed for good, so the subscription was cancelled; nothing was charged. */
  default void cancelledForNonPayment(
      Subscription subscription, Product product, ChargeStatus status) {}
}
