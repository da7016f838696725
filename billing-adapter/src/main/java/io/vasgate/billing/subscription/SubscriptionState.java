package io.vasgate.billing.subscription;

/**
 * Where a subscription, or the order that may become one, is in its life.
 *
 * <p>One row of table {@code subscription} is one order: it is created by a SUBSCRIBE and either
 * becomes the subscription (PENDING_CONFIRMATION, PENDING_CHARGE, TRIAL, ACTIVE, SUSPENDED, then
 * CANCELLED) or ends without ever being one (DECLINED, EXPIRED, CHARGE_FAILED). A number holds at
 * most one <em>live</em> row per product, which the schema enforces with a unique key; a terminal
 * row is never changed again.
 *
 * <p>The live states are also spelled out in migration V300 (column {@code live_product}); a test
 * checks that the two agree.
 */
public enum SubscriptionState {
  /** Ordered; waiting for the subscriber's second confirmation. Nothing charged. */
  PENDING_CONFIRMATION(true),
  /**
   * Consented; the first charge was sent and its outcome is not yet known (in flight, or the
   * billing system answered {@code TEMPORARY_FAILURE}). Retried with the same idempotency key.
   */
  PENDING_CHARGE(true),
  /** In a free trial; the renewal job makes the first charge when the trial ends. */
  TRIAL(true),
  /** Paid and served; renewed monthly. */
  ACTIVE(true),
  /** The product is suspended: no service, no charges, until the product resumes. */
  SUSPENDED(true),
  /** Ended by the subscriber, by a final renewal failure or by the product's retirement. */
  CANCELLED(false),
  /** The subscriber answered the confirmation prompt with a declining word. */
  DECLINED(false),
  /** The confirmation window closed without a confirmation. Nothing was charged. */
  EXPIRED(false),
  /** The first charge failed for good (insufficient balance, rejected). Never activated. */
  CHARGE_FAILED(false);

  private final boolean live;

  SubscriptionState(boolean live) {
    this.live = live;
  }

  /** Whether the row still occupies the number's one slot for its product. */
  public boolean isLive() {
    return live;
  }

  /** Whether the subscriber holds the product: what a {@code 0000} query lists. */
  public boolean isSubscribed() {
    return this == TRIAL || this == ACTIVE || this == SUSPENDED;
  }

  /** Whether the lifecycle allows moving from this state to {@code next}. */
  public boolean canMoveTo(SubscriptionState next) {
    switch (this) {
      case PENDING_CONFIRMATION:
        return next == PENDING_CHARGE
            || next == TRIAL
            || next == ACTIVE
            || next == DECLINED
            || next == EXPIRED
            || next == CANCELLED;
      case PENDING_CHARGE:
        return next == ACTIVE || next == CHARGE_FAILED || next == CANCELLED;
      case TRIAL:
        return next == ACTIVE || next == SUSPENDED || next == CANCELLED;
      case ACTIVE:
        return next == SUSPENDED || next == CANCELLED;
      case SUSPENDED:
        return next == ACTIVE || next == TRIAL || next == CANCELLED;
      default:
        return false;
    }
  }

  /** The states a row may be created in. */
  public boolean isInitial() {
    return this == PENDING_CONFIRMATION
        || this == PENDING_CHARGE
        || this == TRIAL
        || this == ACTIVE;
  }
}
