package io.vasgate.billing.renewal;

import io.vasgate.billing.subscription.Subscription;
import io.vasgate.command.catalog.Product;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A charge due soon, for the subscriber's reminder.
 *
 * @param subscription the subscription to be charged
 * @param product its product
 * @param chargeDate the day it is due
 * @param amountFen what it will be
 * @param trialEnding whether it is the first charge after a free trial
 */
public record ChargeReminder(
    Subscription subscription,
    Product product,
    LocalDate chargeDate,
    long amountFen,
    boolean trialEnding) {

  public ChargeReminder {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(chargeDate, "chargeDate");
    if (amountFen <= 0) {
      throw new IllegalArgumentException("a reminder is for a charge: " + amountFen);
    }
  }
}
