package io.vasgate.billing.charging.ledger;

/** What a ledger entry records. Charge and refund keys are separate namespaces. */
public enum LedgerEntryType {
  CHARGE,
  REFUND
}
