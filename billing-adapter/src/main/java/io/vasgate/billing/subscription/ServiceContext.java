package io.vasgate.billing.subscription;

import io.vasgate.command.catalog.Product;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** What the parts of the subscription service share. */
record ServiceContext(
    Transactions tx,
    SubscriptionRepository subscriptions,
    LongSupplier orderIds,
    OrderChargeRepository charges,
    ListNumberingRepository lists,
    BillingCalls billing,
    Function<String, Optional<Product>> catalog,
    Clock clock,
    Executor executor,
    SubscriptionConfig config) {

  ServiceContext {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(subscriptions, "subscriptions");
    Objects.requireNonNull(orderIds, "orderIds");
    Objects.requireNonNull(charges, "charges");
    Objects.requireNonNull(lists, "lists");
    Objects.requireNonNull(billing, "billing");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(config, "config");
  }

  /** Now, to the millisecond the database keeps. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The billing day {@code at} falls on. */
  LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, config.zone());
  }

  /** When a charge claimed at {@code now} may be taken over by another process. */
  Instant leaseEnd(Instant now) {
    return now.plus(config.chargeLease());
  }

  /** The catalog's product {@code code}, if it still has it. */
  Optional<Product> product(String code) {
    Optional<Product> product = catalog.apply(code);
    return product == null ? Optional.empty() : product;
  }
}
