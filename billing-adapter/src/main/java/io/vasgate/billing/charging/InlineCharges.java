package io.vasgate.billing.charging;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Charges decided on the caller's open transaction, for a billing system that keeps its books in
 * the gateway's own database (the ledger).
 *
 * <p>The caller gains what a separate call cannot give: its order, the charge, the charge's record
 * and what it then makes of the answer commit together or not at all, in one round instead of three
 * (claim, charge, settle), and no charge is ever in flight with its outcome unknown.
 */
@FunctionalInterface
public interface InlineCharges {

  /**
   * Decides {@code request} on {@code c}, idempotently on its key like {@link
   * ChargingGateway#charge}: a key already decided answers its first outcome and moves no money,
   * once {@code c} commits. (Inside a group commit batch the decision's record may wait for the
   * batch's end, where a key decided meanwhile fails the batch, undoing what moved; each work is
   * then run again on its own and answered the first outcome.) Never commits or rolls back {@code
   * c}.
   *
   * @throws SQLException if the database fails; the caller's transaction must then not commit
   */
  ChargeResult chargeOn(Connection c, ChargeRequest request) throws SQLException;
}
