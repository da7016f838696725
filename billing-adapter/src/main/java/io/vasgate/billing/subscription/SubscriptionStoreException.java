package io.vasgate.billing.subscription;

/** The subscription store failed (database unreachable, a statement failed). */
public final class SubscriptionStoreException extends RuntimeException {

  public SubscriptionStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
