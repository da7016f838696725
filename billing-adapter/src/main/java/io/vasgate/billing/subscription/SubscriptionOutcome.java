package io.vasgate.billing.subscription;

import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.command.catalog.Product;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a subscriber's command did, exactly, so the pipeline can pick the reply. Each operation of
 * {@link SubscriptionService} returns one of the nested {@code For*} interfaces, which list the
 * outcomes that operation can have; an outcome shared by several operations implements several.
 *
 * <p>Outcomes built from a stored order carry the product as {@code Optional}: the catalog may no
 * longer hold it.
 */
public sealed interface SubscriptionOutcome {

  /** Outcomes of {@link SubscriptionService#subscribe}. */
  sealed interface ForSubscribe extends SubscriptionOutcome {}

  /** Outcomes of {@link SubscriptionService#confirm}. */
  sealed interface ForConfirm extends SubscriptionOutcome {}

  /** Outcomes of {@link SubscriptionService#decline}. */
  sealed interface ForDecline extends SubscriptionOutcome {}

  /**
   * Outcomes of {@link SubscriptionService#unsubscribe} and {@link
   * SubscriptionService#unsubscribeAll}.
   */
  sealed interface ForUnsubscribe extends SubscriptionOutcome {}

  /** Outcomes of {@link SubscriptionService#cancelSelected}. */
  sealed interface ForSelect extends SubscriptionOutcome {}

  /** Outcomes of {@link SubscriptionService#use}. */
  sealed interface ForUse extends SubscriptionOutcome {}

  /** How sending the first charge of an order ended: a subscribe or confirm, or a later retry. */
  sealed interface ForOrderCharge extends ForSubscribe, ForConfirm {}

  /**
   * The order waits for the subscriber's confirmation: reply with the price, the confirming word
   * and the window. Nothing was charged.
   *
   * @param order the pending order
   * @param priceFen the monthly price to disclose
   * @param window how long a confirmation is accepted
   * @param deadline the first instant a confirmation is refused
   * @param resent true when the number already had this order pending (a repeated SUBSCRIBE): the
   *     same order, no new one; prompt again
   */
  record ConfirmationRequired(
      Subscription order,
      Product product,
      long priceFen,
      Duration window,
      Instant deadline,
      boolean resent)
      implements ForSubscribe {
    public ConfirmationRequired {
      Objects.requireNonNull(order, "order");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(deadline, "deadline");
    }
  }

  /**
   * The subscription is active.
   *
   * @param chargedFen what the first month cost: 0 for a free product or a free first month
   */
  record Subscribed(Subscription subscription, Product product, long chargedFen)
      implements ForOrderCharge {
    public Subscribed {
      Objects.requireNonNull(subscription, "subscription");
      Objects.requireNonNull(product, "product");
    }
  }

  /**
   * A free trial began; nothing was charged.
   *
   * @param firstChargeDate the day the trial ends and the first charge is due
   * @param firstChargeFen what that charge will be, under the product's first-month policy
   */
  record TrialStarted(
      Subscription subscription, Product product, LocalDate firstChargeDate, long firstChargeFen)
      implements ForSubscribe, ForConfirm {
    public TrialStarted {
      Objects.requireNonNull(subscription, "subscription");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(firstChargeDate, "firstChargeDate");
    }
  }

  /** The number already holds the product (trial, active or suspended). Nothing charged. */
  record AlreadySubscribed(Subscription subscription, Product product) implements ForSubscribe {
    public AlreadySubscribed {
      Objects.requireNonNull(subscription, "subscription");
      Objects.requireNonNull(product, "product");
    }
  }

  /**
   * The billing system refused the charge for good; nothing was activated or delivered. Tell the
   * subscriber why ({@code status}).
   *
   * @param order the order, now {@code CHARGE_FAILED}; empty for a use
   */
  record ChargeFailed(
      Optional<Subscription> order, Product product, ChargeStatus status, String detail)
      implements ForOrderCharge, ForUse {
    public ChargeFailed {
      Objects.requireNonNull(order, "order");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(detail, "detail");
      if (status != ChargeStatus.INSUFFICIENT_BALANCE && status != ChargeStatus.REJECTED) {
        throw new IllegalArgumentException(
            "a failed charge is insufficient or rejected: " + status);
      }
    }
  }

  /**
   * Whether the charge went through is not known yet (the billing system timed out or is being
   * asked by another process). Nothing was activated or delivered. Tell the subscriber the order is
   * being processed and that they will be told by SMS; the charge is retried with the same key, so
   * it is made at most once, and {@link SubscriptionService#retryPendingCharges} reports the final
   * outcome.
   *
   * @param order the order, {@code PENDING_CHARGE}; empty for a use
   */
  record ChargePending(Optional<Subscription> order, Product product)
      implements ForOrderCharge, ForUse {
    public ChargePending {
      Objects.requireNonNull(order, "order");
      Objects.requireNonNull(product, "product");
    }
  }

  /**
   * The subscriber cancelled the order while its charge was in flight and the charge then went
   * through: it is being refunded automatically. The order stays cancelled.
   */
  record CancelledWhileCharging(Subscription order, Product product) implements ForOrderCharge {
    public CancelledWhileCharging {
      Objects.requireNonNull(order, "order");
      Objects.requireNonNull(product, "product");
    }
  }

  /** The product is suspended: no order, no charge; reply with its suspended reply. */
  record ProductSuspended(Product product) implements ForSubscribe, ForConfirm, ForUse {
    public ProductSuspended {
      Objects.requireNonNull(product, "product");
    }
  }

  /** The product is withdrawn: no order, no charge. */
  record ProductRetired(Product product) implements ForSubscribe, ForConfirm, ForUse {
    public ProductRetired {
      Objects.requireNonNull(product, "product");
    }
  }

  /** The pending order's product is no longer in the catalog; the order was cancelled. */
  record ProductUnavailable(Subscription order) implements ForConfirm {
    public ProductUnavailable {
      Objects.requireNonNull(order, "order");
    }
  }

  /** A per-use product has no subscription: it is charged each time it is used. */
  record NoSubscriptionNeeded(Product product) implements ForSubscribe {
    public NoSubscriptionNeeded {
      Objects.requireNonNull(product, "product");
    }
  }

  /** The number has no order awaiting confirmation on that service number. */
  record NoPendingOrder() implements ForConfirm, ForDecline {}

  /** The order's confirmation window has closed; it was not (and will not be) charged. */
  record ConfirmationExpired(Subscription order, Optional<Product> product) implements ForConfirm {
    public ConfirmationExpired {
      Objects.requireNonNull(order, "order");
      Objects.requireNonNull(product, "product");
    }
  }

  /** The subscriber declined the pending order; nothing was charged. */
  record Declined(Subscription order, Optional<Product> product) implements ForDecline {
    public Declined {
      Objects.requireNonNull(order, "order");
      Objects.requireNonNull(product, "product");
    }
  }

  /**
   * These subscriptions (or pending orders) were cancelled now; nothing more will be charged for
   * them. Confirm by SMS, naming each.
   */
  record Unsubscribed(List<Cancelled> cancelled) implements ForUnsubscribe, ForSelect {
    public Unsubscribed {
      cancelled = List.copyOf(cancelled);
      if (cancelled.isEmpty()) {
        throw new IllegalArgumentException("nothing cancelled is NothingToUnsubscribe");
      }
    }
  }

  /** There was nothing live to cancel. */
  record NothingToUnsubscribe() implements ForUnsubscribe, ForSelect {}

  /** There is no list to select from: none was sent, or its window has closed. */
  record SelectionExpired() implements ForSelect {}

  /** Some item numbers are not on the list; nothing was cancelled. */
  record InvalidSelection(List<Integer> invalidItems, int listSize) implements ForSelect {
    public InvalidSelection {
      invalidItems = List.copyOf(invalidItems);
    }
  }

  /**
   * The product may be delivered.
   *
   * @param chargedFen what this use cost: 0 for a free product or one covered by a subscription
   */
  record Used(Product product, long chargedFen) implements ForUse {
    public Used {
      Objects.requireNonNull(product, "product");
    }
  }

  /** A monthly product is used without holding it: offer the subscription. Nothing charged. */
  record SubscriptionRequired(Product product) implements ForUse {
    public SubscriptionRequired {
      Objects.requireNonNull(product, "product");
    }
  }

  /**
   * One cancelled subscription or order.
   *
   * @param subscription as it is now, cancelled
   * @param previousState what it was before: a pending order or a subscription
   * @param product the product, if the catalog still holds it
   */
  record Cancelled(
      Subscription subscription, SubscriptionState previousState, Optional<Product> product) {
    public Cancelled {
      Objects.requireNonNull(subscription, "subscription");
      Objects.requireNonNull(previousState, "previousState");
      Objects.requireNonNull(product, "product");
    }
  }
}
