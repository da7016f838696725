package io.vasgate.billing.charging.ledger;

import io.vasgate.billing.charging.ChargeRequest;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.RefundRequest;
import io.vasgate.persistence.BatchScope;
import io.vasgate.persistence.GroupCommit;
import io.vasgate.persistence.MultiRowInsert;
import io.vasgate.persistence.SqlTransactions;
import io.vasgate.persistence.SqlWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * The {@code ledger_entry} rows, and the transactions that decide a charge or refund and move the
 * balance together.
 *
 * <p>Exactly-once per key rests on the unique index on {@code (entry_type, idempotency_key)}: a
 * transaction locks what it decides on, decides, moves the money and inserts its decision, all or
 * nothing. A second transaction with the same key blocks on the first one's uncommitted index
 * entry, gets a duplicate key error once it commits (only that INSERT is undone when it is written
 * at once; nothing had moved yet), and reads the first decision back. That holds for postpaid
 * numbers too, where there is no account row to lock. In a group commit batch a charge's entry is
 * written at the batch's end, after its money moved: a key taken meanwhile then fails the whole
 * batch, undoing that, and its works rerun alone, writing at once, and find the first decision as
 * above.
 */
public final class LedgerRepository {

  /** MySQL's ER_DUP_ENTRY. */
  private static final int DUPLICATE_KEY = 1062;

  private static final String COLUMNS =
      "id, entry_type, idempotency_key, msisdn, amount_fen, status, detail, balance_after_fen,"
          + " product_code, charge_key, refunded_fen, created_at";

  /** Runs on the transaction that decided an entry, before it commits. */
  @FunctionalInterface
  public interface EntryHook {
    void decided(Connection c, LedgerEntry entry) throws SQLException;
  }

  /**
   * A charge's entry. Its id is ours, not the table's AUTO_INCREMENT: the reference it gives the
   * charge must be known before the row is written, so that inside a group commit batch the row can
   * wait for the batch's other inserts instead of costing a statement of its own.
   */
  private static final MultiRowInsert INSERT_CHARGE =
      new MultiRowInsert(
          "INSERT INTO ledger_entry (id, entry_type, idempotency_key, msisdn, amount_fen, status,"
              + " detail, balance_after_fen, partner_code, service_number, product_code,"
              + " charge_type, charge_reason, causing_mo_id, created_at)"
              + " VALUES (?, 'CHARGE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

  private final DataSource dataSource;
  private final Optional<GroupCommit> groupCommit;
  private final LongSupplier ids;

  /**
   * @param groupCommit shares the transactions of charges and refunds with other work on the same
   *     number; empty for a transaction of their own each
   * @param ids the entries' ids: unique among every process writing this ledger (the gateway's
   *     message ids, which carry its node id)
   */
  public LedgerRepository(
      DataSource dataSource, Optional<GroupCommit> groupCommit, LongSupplier ids) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.groupCommit = Objects.requireNonNull(groupCommit, "groupCommit");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /** The entry with this type and key, if any. */
  public Optional<LedgerEntry> find(LedgerEntryType type, String idempotencyKey) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, type, idempotencyKey, false);
    } catch (SQLException e) {
      throw new IllegalStateException("ledger - cannot read entry", e);
    }
  }

  /** Every entry of {@code msisdn}, oldest first: the ledger's part of a subscriber's history. */
  public List<LedgerEntry> entriesOf(String msisdn) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM ledger_entry WHERE msisdn = ? ORDER BY created_at, id")) {
      ps.setString(1, msisdn);
      List<LedgerEntry> entries = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(entry(rs));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("ledger - cannot read entries", e);
    }
  }

  /**
   * Decides and records a charge, debiting a prepaid balance on success; or returns the entry an
   * earlier call with the same key recorded, whatever its request was.
   *
   * @throws IllegalStateException if the database cannot be used
   */
  public LedgerEntry recordCharge(ChargeRequest request, Instant now) {
    return recordCharge(request, now, (c, entry) -> {});
  }

  /**
   * {@link #recordCharge(ChargeRequest, Instant)}, then {@code hook} on the same transaction with
   * the entry decided (new or earlier): a throw from it rolls the whole decision back.
   */
  public LedgerEntry recordCharge(ChargeRequest request, Instant now, EntryHook hook) {
    return inTransaction(
        "charge " + request.idempotencyKey(),
        request.msisdn(),
        c -> recordChargeOn(c, request, now, hook));
  }

  /**
   * {@link #recordCharge(ChargeRequest, Instant, EntryHook)} on the caller's transaction {@code c},
   * which it neither commits nor rolls back.
   */
  public LedgerEntry recordChargeOn(
      Connection c, ChargeRequest request, Instant now, EntryHook hook) throws SQLException {
    LedgerEntry entry = decideCharge(c, request, now);
    hook.decided(c, entry);
    return entry;
  }

  private LedgerEntry decideCharge(Connection c, ChargeRequest request, Instant now)
      throws SQLException {
    // No look for an earlier entry first: the unique key finds it (below), and the common
    // case, a new key, then costs one round trip less.
    Optional<SubscriberAccount> account = SubscriberAccountRepository.lock(c, request.msisdn());
    ChargeDecision decision = ChargeDecision.forCharge(request, account);
    boolean debit = decision.succeeded() && account.map(SubscriberAccount::prepaid).orElse(false);
    Optional<Long> balanceAfter =
        account
            .filter(SubscriberAccount::prepaid)
            .map(a -> debit ? a.balanceFen() - request.amountFen() : a.balanceFen());
    long id;
    try {
      id = insertCharge(c, request, decision, balanceAfter, now);
    } catch (SQLException e) {
      if (e.getErrorCode() != DUPLICATE_KEY) {
        throw e;
      }
      // Only the failed INSERT is undone; nothing had moved yet, and the transaction may be
      // shared with other numbers' work (group commit), so it must not be rolled back.
      return find(c, LedgerEntryType.CHARGE, request.idempotencyKey(), false)
          .orElseThrow(() -> new SQLException("duplicate key but no entry", e));
    }
    if (debit) {
      SubscriberAccountRepository.move(c, request.msisdn(), -request.amountFen(), now);
    }
    return new LedgerEntry(
        id,
        LedgerEntryType.CHARGE,
        request.idempotencyKey(),
        request.msisdn(),
        request.amountFen(),
        decision.status(),
        decision.detail(),
        balanceAfter,
        Optional.of(request.productCode()),
        Optional.empty(),
        0,
        now);
  }

  /**
   * Decides and records a refund of an earlier charge, crediting a prepaid balance on success; or
   * returns the entry an earlier call with the same key recorded.
   *
   * @throws IllegalStateException if the database cannot be used
   */
  public LedgerEntry recordRefund(RefundRequest request, Instant now) {
    return recordRefund(request, now, (c, entry) -> {});
  }

  /**
   * {@link #recordRefund(RefundRequest, Instant)}, then {@code hook} on the same transaction with
   * the entry decided (new or earlier): a throw from it rolls the whole decision back.
   */
  public LedgerEntry recordRefund(RefundRequest request, Instant now, EntryHook hook) {
    return inTransaction(
        "refund " + request.idempotencyKey(),
        request.msisdn(),
        c -> {
          LedgerEntry entry = decideRefund(c, request, now);
          hook.decided(c, entry);
          return entry;
        });
  }

  private LedgerEntry decideRefund(Connection c, RefundRequest request, Instant now)
      throws SQLException {
    // The charge refunded may be an entry still waiting for the batch's end.
    BatchScope.writeDeferredOf(c);
    Optional<LedgerEntry> earlier =
        find(c, LedgerEntryType.REFUND, request.idempotencyKey(), false);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    // The charge row is the lock that serialises refunds of one charge.
    Optional<LedgerEntry> charge =
        find(c, LedgerEntryType.CHARGE, request.chargeIdempotencyKey(), true);
    ChargeDecision decision = ChargeDecision.forRefund(request, charge);
    Optional<SubscriberAccount> account =
        decision.succeeded()
            ? SubscriberAccountRepository.lock(c, request.msisdn())
            : Optional.empty();
    boolean credit = decision.succeeded() && account.map(SubscriberAccount::prepaid).orElse(false);
    Optional<Long> balanceAfter =
        account
            .filter(SubscriberAccount::prepaid)
            .map(a -> credit ? a.balanceFen() + request.amountFen() : a.balanceFen());
    long id;
    try {
      id = insertRefund(c, request, decision, balanceAfter, now);
    } catch (SQLException e) {
      if (e.getErrorCode() != DUPLICATE_KEY) {
        throw e;
      }
      return find(c, LedgerEntryType.REFUND, request.idempotencyKey(), false)
          .orElseThrow(() -> new SQLException("duplicate key but no entry", e));
    }
    if (decision.succeeded()) {
      addRefunded(c, charge.get().id(), request.amountFen());
    }
    if (credit) {
      SubscriberAccountRepository.move(c, request.msisdn(), request.amountFen(), now);
    }
    return new LedgerEntry(
        id,
        LedgerEntryType.REFUND,
        request.idempotencyKey(),
        request.msisdn(),
        request.amountFen(),
        decision.status(),
        decision.detail(),
        balanceAfter,
        Optional.empty(),
        Optional.of(request.chargeIdempotencyKey()),
        0,
        now);
  }

  /**
   * Writes the entry of a charge: now, or inside a group commit batch with the batch's other
   * inserts (a key taken after all then fails the batch, which reruns each work alone, here).
   *
   * @return the entry's id
   */
  private long insertCharge(
      Connection c,
      ChargeRequest r,
      ChargeDecision decision,
      Optional<Long> balanceAfter,
      Instant now)
      throws SQLException {
    long id = ids.getAsLong();
    String createdAt = UtcDateTime.bind(now);
    INSERT_CHARGE.writeOn(
        c,
        List.of(
            (ps, first) -> {
              ps.setLong(first, id);
              ps.setString(first + 1, r.idempotencyKey());
              ps.setString(first + 2, r.msisdn());
              ps.setLong(first + 3, r.amountFen());
              ps.setString(first + 4, decision.status().name());
              ps.setString(first + 5, decision.detail());
              setOptionalLong(ps, first + 6, balanceAfter);
              ps.setString(first + 7, r.partnerCode());
              ps.setString(first + 8, r.serviceNumber());
              ps.setString(first + 9, r.productCode());
              ps.setString(first + 10, r.chargeType().name());
              ps.setString(first + 11, r.reason().name());
              setOptionalLong(ps, first + 12, r.causingMoId());
              ps.setString(first + 13, createdAt);
            }));
    return id;
  }

  private long insertRefund(
      Connection c,
      RefundRequest r,
      ChargeDecision decision,
      Optional<Long> balanceAfter,
      Instant now)
      throws SQLException {
    long id = ids.getAsLong();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ledger_entry (id, entry_type, idempotency_key, msisdn, amount_fen,"
                + " status, detail, balance_after_fen, charge_key, refund_reason, requested_by,"
                + " created_at) VALUES (?, 'REFUND', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, r.idempotencyKey());
      ps.setString(3, r.msisdn());
      ps.setLong(4, r.amountFen());
      ps.setString(5, decision.status().name());
      ps.setString(6, decision.detail());
      setOptionalLong(ps, 7, balanceAfter);
      ps.setString(8, r.chargeIdempotencyKey());
      ps.setString(9, r.reason());
      ps.setString(10, r.requestedBy());
      ps.setString(11, UtcDateTime.bind(now));
      ps.executeUpdate();
      return id;
    }
  }

  private static void addRefunded(Connection c, long chargeId, long fen) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE ledger_entry SET refunded_fen = refunded_fen + ? WHERE id = ?")) {
      ps.setLong(1, fen);
      ps.setLong(2, chargeId);
      ps.executeUpdate();
    }
  }

  private static Optional<LedgerEntry> find(
      Connection c, LedgerEntryType type, String key, boolean forUpdate) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM ledger_entry WHERE entry_type = ? AND idempotency_key = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      ps.setString(1, type.name());
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
      }
    }
  }

  private static LedgerEntry entry(ResultSet rs) throws SQLException {
    long balance = rs.getLong(8);
    Optional<Long> balanceAfter = rs.wasNull() ? Optional.empty() : Optional.of(balance);
    return new LedgerEntry(
        rs.getLong(1),
        LedgerEntryType.valueOf(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        ChargeStatus.valueOf(rs.getString(6)),
        rs.getString(7),
        balanceAfter,
        Optional.ofNullable(rs.getString(9)),
        Optional.ofNullable(rs.getString(10)),
        rs.getLong(11),
        UtcDateTime.read(rs, 12));
  }

  private static void setOptionalLong(PreparedStatement ps, int index, Optional<Long> value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setLong(index, value.get());
    } else {
      ps.setNull(index, Types.BIGINT);
    }
  }

  /**
   * Runs {@code work} in a transaction (shared with other work on {@code msisdn} when group commit
   * is on) and commits it, rerunning deadlock victims.
   */
  private <T> T inTransaction(String what, String msisdn, SqlWork<T> work) {
    if (groupCommit.isPresent()) {
      try {
        return groupCommit.get().call("ledger " + what, msisdn, work);
      } catch (SQLException e) {
        throw new IllegalStateException("ledger - transaction failed: " + e.getMessage(), e);
      }
    }
    try {
      return SqlTransactions.run(dataSource, "ledger " + what, work);
    } catch (SQLException e) {
      throw new IllegalStateException("ledger - transaction failed: " + e.getMessage(), e);
    }
  }
}
