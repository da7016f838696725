package io.vasgate.billing.subscription;

import io.vasgate.command.catalog.Product;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@code 0000} query: the number's subscriptions, numbered from 1. The numbering is
 * stored, so a reply of item numbers before {@code selectableUntil} cancels exactly the items
 * shown, on whichever gateway node it arrives.
 *
 * @param items numbered from 1, oldest subscription first; empty if the number holds nothing
 * @param selectableUntil the first instant a reply of item numbers is refused
 */
public record SubscriptionList(List<Item> items, Instant selectableUntil) {

  public SubscriptionList {
    items = List.copyOf(items);
    Objects.requireNonNull(selectableUntil, "selectableUntil");
  }

  /**
   * One listed subscription.
   *
   * @param number its item number, from 1
   * @param product the product, if the catalog still holds it
   */
  public record Item(int number, Subscription subscription, Optional<Product> product) {
    public Item {
      if (number < 1) {
        throw new IllegalArgumentException("items are numbered from 1: " + number);
      }
      Objects.requireNonNull(subscription, "subscription");
      Objects.requireNonNull(product, "product");
    }

    /** The monthly price the subscriber agreed to; 0 for a free product. */
    public long priceFen() {
      return subscription.priceFen();
    }

    /** When the next charge is due; empty for a free product or a suspended one. */
    public Optional<LocalDate> nextChargeDate() {
      return subscription.state() == SubscriptionState.SUSPENDED
          ? Optional.empty()
          : subscription.nextChargeDate();
    }
  }
}
