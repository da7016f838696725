package io.vasgate.billing.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A {@link Subscription} before the database gave it an id. */
public record NewOrder(
    String msisdn,
    String productCode,
    String servicePort,
    SubscriptionState state,
    long priceFen,
    Instant createdAt,
    Optional<Instant> confirmDeadline,
    Optional<Instant> activatedAt,
    Optional<LocalDate> trialEnd,
    Optional<LocalDate> nextChargeDate,
    Optional<Long> orderMoId) {

  public NewOrder {
    Subscription.requireMsisdn(msisdn);
    Objects.requireNonNull(state, "state");
    if (!state.isInitial()) {
      throw new IllegalArgumentException("an order cannot start " + state);
    }
  }

  /** The order as stored under {@code id}. */
  public Subscription withId(long id) {
    return new Subscription(
        id,
        msisdn,
        productCode,
        servicePort,
        state,
        priceFen,
        createdAt,
        confirmDeadline,
        activatedAt,
        trialEnd,
        nextChargeDate,
        Optional.empty(),
        orderMoId);
  }
}
