package io.vasgate.command.catalog;

/** How a product is billed. */
public enum ChargeType {
  /** A monthly subscription (包月): charged once per month while subscribed. */
  MONTHLY,
  /** Charged each time it is used (点播). */
  PER_USE,
  /** Never charged; its price is 0. */
  FREE
}
