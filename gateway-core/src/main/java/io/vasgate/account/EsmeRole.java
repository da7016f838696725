package io.vasgate.account;

/** What an account's binds are for, which decides how the gateway treats what they submit. */
public enum EsmeRole {
  /** A content provider or partner: sends MT and bulk messages, receives receipts and MOs. */
  ESME,
  /**
   * The operator's MO router: what it submits are handset messages addressed to our service
   * numbers, routed to the command processor rather than delivered onward.
   */
  MO_SOURCE
}
