package io.vasgate.billing.subscription;

import java.util.List;

/**
 * Everything the subscription service recorded about one number, for the admin history and for
 * answering complaints: the orders, every state change with its cause, and every charge sent.
 *
 * @param subscriptions oldest first
 * @param transitions in the order they happened
 * @param charges oldest first
 */
public record SubscriptionHistory(
    List<Subscription> subscriptions,
    List<StateTransition> transitions,
    List<OrderCharge> charges) {

  public SubscriptionHistory {
    subscriptions = List.copyOf(subscriptions);
    transitions = List.copyOf(transitions);
    charges = List.copyOf(charges);
  }
}
