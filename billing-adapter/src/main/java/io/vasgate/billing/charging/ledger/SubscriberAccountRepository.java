package io.vasgate.billing.charging.ledger;

import io.vasgate.persistence.BatchScope;
import io.vasgate.persistence.PaddedList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The {@code subscriber_account} rows: opening, topping up and barring accounts. The ledger moves
 * balances inside its own charge and refund transactions through the package-private {@link #lock}
 * and {@link #move}, so every statement on the table lives here.
 */
public final class SubscriberAccountRepository {

  private static final String COLUMNS = "msisdn, prepaid, balance_fen, barred";

  private final DataSource dataSource;

  public SubscriberAccountRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Creates or replaces the account of {@code account.msisdn()}. */
  public void save(SubscriberAccount account, Instant now) {
    String sql =
        "INSERT INTO subscriber_account ("
            + COLUMNS
            + ", updated_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
            + " prepaid = VALUES(prepaid), balance_fen = VALUES(balance_fen),"
            + " barred = VALUES(barred), updated_at = VALUES(updated_at)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, account.msisdn());
      ps.setBoolean(2, account.prepaid());
      ps.setLong(3, account.balanceFen());
      ps.setBoolean(4, account.barred());
      ps.setString(5, UtcDateTime.bind(now));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("ledger - cannot save account", e);
    }
  }

  /** The account of {@code msisdn}; empty for a postpaid number without one. */
  public Optional<SubscriberAccount> find(String msisdn) {
    try (Connection c = dataSource.getConnection()) {
      return read(c, msisdn, false);
    } catch (SQLException e) {
      throw new IllegalStateException("ledger - cannot read account", e);
    }
  }

  /**
   * Adds {@code fen} to a prepaid balance.
   *
   * @return the account after the top-up
   * @throws IllegalArgumentException if {@code fen} is not positive
   * @throws IllegalStateException if the number has no account
   */
  public SubscriberAccount topUp(String msisdn, long fen, Instant now) {
    if (fen <= 0) {
      throw new IllegalArgumentException("a top-up must be positive: " + fen);
    }
    try (Connection c = dataSource.getConnection()) {
      if (move(c, msisdn, fen, now) == 0) {
        throw new IllegalStateException("ledger - no account to top up");
      }
      return read(c, msisdn, false).orElseThrow();
    } catch (SQLException e) {
      throw new IllegalStateException("ledger - cannot top up", e);
    }
  }

  /**
   * Bars or unbars a number, creating a postpaid account if it has none.
   *
   * @return the account afterwards
   */
  public SubscriberAccount setBarred(String msisdn, boolean barred, Instant now) {
    String sql =
        "INSERT INTO subscriber_account ("
            + COLUMNS
            + ", updated_at) VALUES (?, FALSE, 0, ?, ?)"
            + " ON DUPLICATE KEY UPDATE barred = VALUES(barred), updated_at = VALUES(updated_at)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, msisdn);
      ps.setBoolean(2, barred);
      ps.setString(3, UtcDateTime.bind(now));
      ps.executeUpdate();
      return read(c, msisdn, false).orElseThrow();
    } catch (SQLException e) {
      throw new IllegalStateException("ledger - cannot bar or unbar", e);
    }
  }

  /**
   * Reads and row-locks the account, inside the caller's transaction; inside a group commit batch,
   * with the accounts of all the batch's numbers the first time, then from those.
   */
  static Optional<SubscriberAccount> lock(Connection c, String msisdn) throws SQLException {
    Optional<BatchScope> batch = BatchScope.of(c);
    if (batch.isEmpty() || !batch.get().locked(msisdn)) {
      return read(c, msisdn, true);
    }
    Optional<BatchAccounts> read = batch.get().attachment(BatchAccounts.class);
    if (read.isEmpty()) {
      read = Optional.of(lockAll(c, batch.get().lockedKeys()));
      batch.get().attach(BatchAccounts.class, read.get());
    }
    return read.get().of(msisdn);
  }

  private static BatchAccounts lockAll(Connection c, Set<String> numbers) throws SQLException {
    List<String> keys = List.copyOf(numbers);
    int shape = PaddedList.shape(keys.size());
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM subscriber_account WHERE msisdn IN ("
            + PaddedList.placeholders(shape)
            + ") FOR UPDATE";
    List<SubscriberAccount> found = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      PaddedList.bind(ps, keys, shape);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(account(rs));
        }
      }
    }
    return new BatchAccounts(numbers, found);
  }

  /**
   * Adds {@code deltaFen} (negative to debit) to the balance, inside the caller's transaction.
   *
   * @return the number of rows changed: 0 when the number has no account
   */
  static int move(Connection c, String msisdn, long deltaFen, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE subscriber_account SET balance_fen = balance_fen + ?, updated_at = ?"
                + " WHERE msisdn = ?")) {
      ps.setLong(1, deltaFen);
      ps.setString(2, UtcDateTime.bind(now));
      ps.setString(3, msisdn);
      int moved = ps.executeUpdate();
      Optional<BatchScope> batch = BatchScope.of(c);
      if (moved > 0 && batch.isPresent()) {
        batch.get().attachment(BatchAccounts.class).ifPresent(read -> read.moved(msisdn, deltaFen));
      }
      return moved;
    }
  }

  private static Optional<SubscriberAccount> read(Connection c, String msisdn, boolean forUpdate)
      throws SQLException {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM subscriber_account WHERE msisdn = ?"
            + (forUpdate ? " FOR UPDATE" : "");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, msisdn);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(account(rs));
      }
    }
  }

  private static SubscriberAccount account(ResultSet rs) throws SQLException {
    return new SubscriberAccount(
        rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getBoolean(4));
  }
}
