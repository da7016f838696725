package io.vasgate.billing.subscription;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored change of a subscription's state, the evidence for "I never ordered this" and "charged
 * after unsubscribing" complaints.
 *
 * @param id ascending in the order the changes were stored
 * @param subscriptionId the order/subscription changed
 * @param msisdn its number (kept here so a subscriber's history is one indexed read)
 * @param productCode its product
 * @param from the state before; empty when the row was created
 * @param to the state after
 * @param at when
 * @param cause the MO or job that caused it
 * @param detail why, in words; consent records quote the MO
 */
public record StateTransition(
    long id,
    long subscriptionId,
    String msisdn,
    String productCode,
    Optional<SubscriptionState> from,
    SubscriptionState to,
    Instant at,
    TransitionCause cause,
    String detail) {

  /** Longest detail stored. */
  public static final int MAX_DETAIL_LENGTH = 500;

  public StateTransition {
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(productCode, "productCode");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(detail, "detail");
  }
}
