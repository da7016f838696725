package io.vasgate.billing.subscription;

import static io.vasgate.billing.subscription.SqlValues.bounded;

import io.vasgate.billing.charging.ChargeReason;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.command.catalog.ChargeType;
import io.vasgate.persistence.BatchScope;
import io.vasgate.persistence.MultiRowInsert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The charges the subscription service sends, in table {@code order_charge} (migration V300), keyed
 * by idempotency key.
 *
 * <p>A charge is <em>claimed</em> before it is sent: the claim writes (or re-arms) the row with a
 * lease, in the same transaction as the state change that needs the money, so that exactly one
 * process sends it at a time, and a process that dies leaves a row that another sends again, with
 * the same key and amount, once the lease has passed. Refunds of a charge are claimed the same way
 * on the same row. A charge decided on the transaction that records it (books in our database) is
 * never sent anywhere: it is {@linkplain #recordDecided recorded} once, settled.
 *
 * <p>Inside a group commit batch, rows may wait for the batch's end (a decided charge's, a new
 * order's): every statement here that reads or changes the table first writes what waits, and one
 * that writes a row referring to an order new in the batch first writes that.
 */
public final class OrderChargeRepository {

  private static final String COLUMNS =
      "idempotency_key, msisdn, partner_code, service_number, product_code, charge_type,"
          + " amount_fen, reason, subscription_id, mo_id, status, attempts, claimed_until,"
          + " created_at, settled_at, transaction_id, detail, refund_key, refund_status, refund_reason";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM order_charge ";

  private static final String INSERT =
      "INSERT INTO order_charge (idempotency_key, msisdn, partner_code, service_number,"
          + " product_code, charge_type, amount_fen, reason, subscription_id, mo_id, status,"
          + " attempts, claimed_until, created_at, transaction_id, detail)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ATTEMPTED', 1, ?, ?, '', '')";

  /**
   * A charge decided in the transaction that records it: settled (or UNKNOWN) from the start, never
   * claimed, since nothing left the transaction that another process could finish.
   */
  private static final MultiRowInsert INSERT_DECIDED =
      new MultiRowInsert(
          "INSERT INTO order_charge (idempotency_key, msisdn, partner_code, service_number,"
              + " product_code, charge_type, amount_fen, reason, subscription_id, mo_id, status,"
              + " attempts, claimed_until, created_at, settled_at, transaction_id, detail)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, NULL, ?, ?, ?, ?)");

  private static final String RECLAIM =
      "UPDATE order_charge SET status = 'ATTEMPTED', attempts = attempts + 1, claimed_until = ?"
          + " WHERE idempotency_key = ?"
          + " AND (status = 'UNKNOWN' OR (status = 'ATTEMPTED' AND claimed_until <= ?))";

  private static final String SETTLE =
      "UPDATE order_charge SET status = ?, claimed_until = NULL, settled_at = ?,"
          + " transaction_id = ?, detail = ? WHERE idempotency_key = ?"
          + " AND status IN ('ATTEMPTED', 'UNKNOWN')";

  private static final String FIND = SELECT + "WHERE idempotency_key = ?";

  private static final String RETRYABLE =
      SELECT
          + "WHERE reason IN ('ORDER', 'PER_USE')"
          + " AND (status = 'UNKNOWN' OR (status = 'ATTEMPTED' AND claimed_until <= ?))"
          + " ORDER BY created_at LIMIT ?";

  private static final String CLAIM_REFUND =
      "UPDATE order_charge SET refund_key = ?, refund_status = 'ATTEMPTED', refund_reason = ?,"
          + " claimed_until = ? WHERE idempotency_key = ? AND status = 'SUCCESS'"
          + " AND (refund_status IS NULL OR refund_status = 'UNKNOWN'"
          + " OR (refund_status = 'ATTEMPTED' AND claimed_until <= ?))";

  private static final String SETTLE_REFUND =
      "UPDATE order_charge SET refund_status = ?, claimed_until = NULL"
          + " WHERE idempotency_key = ? AND refund_status IN ('ATTEMPTED', 'UNKNOWN')";

  private static final String REFUNDS_TO_RETRY =
      SELECT
          + "WHERE refund_status = 'UNKNOWN' OR (refund_status = 'ATTEMPTED' AND claimed_until <= ?)"
          + " ORDER BY created_at LIMIT ?";

  private static final String OF_MSISDN = SELECT + "WHERE msisdn = ? ORDER BY created_at";

  /** MySQL/MariaDB ER_DUP_ENTRY. */
  private static final int ER_DUP_ENTRY = 1062;

  /** What a claim found. */
  public enum ClaimKind {
    /** The caller owns the attempt: send it now. */
    CLAIMED,
    /** Another process is sending it and its lease has not passed: leave it. */
    IN_FLIGHT,
    /** Its outcome is final: use the recorded answer, send nothing. */
    SETTLED
  }

  /**
   * The result of a claim.
   *
   * @param kind what was found
   * @param charge the stored row: the amount and key to send are this row's, whatever the caller
   *     proposed
   */
  public record Claim(ClaimKind kind, OrderCharge charge) {
    public Claim {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(charge, "charge");
    }
  }

  /**
   * Claims the charge {@code proposed.idempotencyKey()} until {@code claimedUntil}: a new row from
   * {@code proposed}, or the stored row re-armed if its outcome is unknown and nobody holds it.
   */
  public Claim claim(Connection c, OrderCharge proposed, Instant now, Instant claimedUntil)
      throws SQLException {
    // A new key: only the order it refers to must be there. (A row of the same key waiting in
    // the batch would fail the batch at its end, whose works then rerun alone.)
    writeWaitingOrder(c, proposed.subscriptionId());
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, proposed.idempotencyKey());
      ps.setString(2, proposed.msisdn());
      ps.setString(3, proposed.partnerCode());
      ps.setString(4, proposed.serviceNumber());
      ps.setString(5, proposed.productCode());
      ps.setString(6, proposed.chargeType().name());
      ps.setLong(7, proposed.amountFen());
      ps.setString(8, proposed.reason().name());
      SqlValues.setLong(ps, 9, proposed.subscriptionId());
      SqlValues.setLong(ps, 10, proposed.moId());
      SqlValues.setInstant(ps, 11, claimedUntil);
      SqlValues.setInstant(ps, 12, now);
      ps.executeUpdate();
      return new Claim(ClaimKind.CLAIMED, proposed);
    } catch (SQLException e) {
      if (e.getErrorCode() != ER_DUP_ENTRY) {
        throw e;
      }
    }
    return reclaim(c, proposed.idempotencyKey(), now, claimedUntil);
  }

  /**
   * Records {@code charge}, decided on {@code c}'s transaction (books in our database) with {@code
   * result}: one row, already settled, where a claim would have written it and then settled it.
   * Inside a group commit batch a final answer's row goes out with the batch's other inserts (a key
   * taken after all fails the batch, which then reruns each work alone, here below); otherwise the
   * row is written now, and a row already there for the key is settled as {@link #settleOrRecorded}
   * would.
   *
   * @return the outcome that holds: {@code result}, or the final one recorded before
   */
  public ChargeResult recordDecided(
      Connection c, OrderCharge charge, ChargeResult result, Instant now) throws SQLException {
    OrderChargeStatus status = OrderChargeStatus.of(result.status());
    List<MultiRowInsert.Row> row =
        List.of(
            (ps, first) -> {
              ps.setString(first, charge.idempotencyKey());
              ps.setString(first + 1, charge.msisdn());
              ps.setString(first + 2, charge.partnerCode());
              ps.setString(first + 3, charge.serviceNumber());
              ps.setString(first + 4, charge.productCode());
              ps.setString(first + 5, charge.chargeType().name());
              ps.setLong(first + 6, charge.amountFen());
              ps.setString(first + 7, charge.reason().name());
              SqlValues.setLong(ps, first + 8, charge.subscriptionId());
              SqlValues.setLong(ps, first + 9, charge.moId());
              ps.setString(first + 10, status.name());
              SqlValues.setInstant(ps, first + 11, charge.createdAt());
              SqlValues.setInstant(
                  ps, first + 12, status.isSettled() ? Optional.of(now) : Optional.empty());
              ps.setString(first + 13, bounded(result.transactionId(), 128));
              ps.setString(first + 14, bounded(result.detail(), 255));
            });
    if (!status.isSettled()) {
      // An unknown answer is claimed again (and read back) by the same batch's later work or the
      // retry job: its row goes out at once, after what it refers to.
      BatchScope.writeDeferredOf(c);
    }
    try {
      if (status.isSettled()) {
        INSERT_DECIDED.writeOn(c, row);
      } else {
        INSERT_DECIDED.execute(c, row);
      }
      return result;
    } catch (SQLException e) {
      if (e.getErrorCode() != ER_DUP_ENTRY) {
        throw e;
      }
    }
    return settleOrRecorded(c, charge.idempotencyKey(), result, now);
  }

  /**
   * Inside a group commit batch, writes what waits for its end if {@code orderId} is among it (an
   * order new in the batch), before a row referring to it is written at once.
   */
  private static void writeWaitingOrder(Connection c, Optional<Long> orderId) throws SQLException {
    Optional<BatchScope> batch = BatchScope.of(c);
    if (orderId.isPresent()
        && batch.isPresent()
        && batch
            .get()
            .attachment(LiveRows.class)
            .map(rows -> rows.waitsToInsert(orderId.get()))
            .orElse(false)) {
      batch.get().writeDeferred(c);
    }
  }

  /** Re-arms the stored charge {@code key} if its outcome is unknown and nobody holds it. */
  public Claim reclaim(Connection c, String key, Instant now, Instant claimedUntil)
      throws SQLException {
    BatchScope.writeDeferredOf(c);
    boolean claimed;
    try (PreparedStatement ps = c.prepareStatement(RECLAIM)) {
      SqlValues.setInstant(ps, 1, claimedUntil);
      ps.setString(2, key);
      SqlValues.setInstant(ps, 3, now);
      claimed = ps.executeUpdate() == 1;
    }
    OrderCharge stored =
        find(c, key).orElseThrow(() -> new IllegalStateException("no charge " + key));
    if (claimed) {
      return new Claim(ClaimKind.CLAIMED, stored);
    }
    return new Claim(stored.status().isSettled() ? ClaimKind.SETTLED : ClaimKind.IN_FLIGHT, stored);
  }

  /**
   * Records the billing system's answer to charge {@code key}: final, or {@code UNKNOWN} for a
   * temporary failure (which releases the claim, so the charge may be sent again at once).
   *
   * @return false if the outcome was already final (another process recorded it)
   */
  public boolean settle(Connection c, String key, ChargeResult result, Instant now)
      throws SQLException {
    BatchScope.writeDeferredOf(c);
    OrderChargeStatus status = OrderChargeStatus.of(result.status());
    try (PreparedStatement ps = c.prepareStatement(SETTLE)) {
      ps.setString(1, status.name());
      SqlValues.setInstant(ps, 2, status.isSettled() ? Optional.of(now) : Optional.empty());
      ps.setString(3, bounded(result.transactionId(), 128));
      ps.setString(4, bounded(result.detail(), 255));
      ps.setString(5, key);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * {@link #settle}, answering the outcome that holds: {@code result}, or the final one another
   * process recorded first.
   */
  public ChargeResult settleOrRecorded(Connection c, String key, ChargeResult result, Instant now)
      throws SQLException {
    if (settle(c, key, result, now)) {
      return result;
    }
    return find(c, key)
        .orElseThrow(() -> new IllegalStateException("no charge " + key))
        .recordedResult();
  }

  /** The charge {@code key}. */
  public Optional<OrderCharge> find(Connection c, String key) throws SQLException {
    List<OrderCharge> rows = list(c, FIND, key);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /**
   * First charges and uses whose outcome is unknown and that nobody holds, oldest first, not locked
   * (the caller claims each before sending it). Renewals are the renewal job's.
   */
  public List<OrderCharge> findRetryable(Connection c, Instant now, int limit) throws SQLException {
    return list(c, RETRYABLE, now, limit);
  }

  /**
   * Claims the refund of the successful charge {@code key} until {@code claimedUntil}.
   *
   * @return false if the charge did not succeed, or its refund is settled or held by another
   */
  public boolean claimRefund(
      Connection c, String key, String reason, Instant now, Instant claimedUntil)
      throws SQLException {
    BatchScope.writeDeferredOf(c);
    try (PreparedStatement ps = c.prepareStatement(CLAIM_REFUND)) {
      ps.setString(1, MonthlyBilling.refundKey(key));
      ps.setString(2, bounded(reason, 255));
      SqlValues.setInstant(ps, 3, claimedUntil);
      ps.setString(4, key);
      SqlValues.setInstant(ps, 5, now);
      return ps.executeUpdate() == 1;
    }
  }

  /** Records the billing system's answer to the refund of charge {@code key}. */
  public void settleRefund(Connection c, String key, ChargeResult result) throws SQLException {
    BatchScope.writeDeferredOf(c);
    try (PreparedStatement ps = c.prepareStatement(SETTLE_REFUND)) {
      ps.setString(1, OrderChargeStatus.of(result.status()).name());
      ps.setString(2, key);
      ps.executeUpdate();
    }
  }

  /** Refunds whose outcome is unknown and that nobody holds, oldest first, not locked. */
  public List<OrderCharge> findRefundsToRetry(Connection c, Instant now, int limit)
      throws SQLException {
    return list(c, REFUNDS_TO_RETRY, now, limit);
  }

  /** Every charge of the number, oldest first. */
  public List<OrderCharge> findAllOf(Connection c, String msisdn) throws SQLException {
    return list(c, OF_MSISDN, msisdn);
  }

  private static List<OrderCharge> list(Connection c, String sql, Object... args)
      throws SQLException {
    BatchScope.writeDeferredOf(c);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof Instant instant) {
          SqlValues.setInstant(ps, i + 1, instant);
        } else {
          ps.setObject(i + 1, args[i]);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<OrderCharge> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(map(rs));
        }
        return rows;
      }
    }
  }

  private static OrderCharge map(ResultSet rs) throws SQLException {
    String refundStatus = rs.getString("refund_status");
    return new OrderCharge(
        rs.getString("idempotency_key"),
        rs.getString("msisdn"),
        rs.getString("partner_code"),
        rs.getString("service_number"),
        rs.getString("product_code"),
        ChargeType.valueOf(rs.getString("charge_type")),
        rs.getLong("amount_fen"),
        ChargeReason.valueOf(rs.getString("reason")),
        SqlValues.optionalLong(rs, "subscription_id"),
        SqlValues.optionalLong(rs, "mo_id"),
        OrderChargeStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        SqlValues.optionalInstant(rs, "claimed_until"),
        SqlValues.instant(rs, "created_at"),
        SqlValues.optionalInstant(rs, "settled_at"),
        rs.getString("transaction_id"),
        rs.getString("detail"),
        SqlValues.optionalString(rs, "refund_key"),
        refundStatus == null
            ? Optional.empty()
            : Optional.of(OrderChargeStatus.valueOf(refundStatus)),
        SqlValues.optionalString(rs, "refund_reason"));
  }
}
