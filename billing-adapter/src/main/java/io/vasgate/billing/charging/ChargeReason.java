package io.vasgate.billing.charging;

/** Why a subscriber is charged. */
public enum ChargeReason {
  /** The first charge of a confirmed monthly order. */
  ORDER,
  /** A monthly renewal. */
  RENEWAL,
  /** One use of a per-use product. */
  PER_USE
}
