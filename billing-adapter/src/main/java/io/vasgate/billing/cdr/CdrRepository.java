package io.vasgate.billing.cdr;

import io.vasgate.command.catalog.ChargeType;
import io.vasgate.persistence.BatchScope;
import io.vasgate.persistence.GroupCommit;
import io.vasgate.persistence.MultiRowInsert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The {@code cdr} table. A record is unique per type and idempotency key, so writing the same
 * charge's record twice leaves one. Times are stored as UTC.
 */
public final class CdrRepository {

  /** MySQL's ER_DUP_ENTRY. */
  private static final int DUPLICATE_KEY = 1062;

  private static final String COLUMNS =
      "id, cdr_type, idempotency_key, charge_key, message_id, billed_number, partner_code,"
          + " service_number, product_code, charge_type, fee_fen, charged_at, recorded_at,"
          + " causing_mo_id, transaction_id";

  private final DataSource dataSource;
  private final Optional<GroupCommit> groupCommit;

  public CdrRepository(DataSource dataSource) {
    this(dataSource, Optional.empty());
  }

  /**
   * @param groupCommit shares the transactions of {@link #insertIfAbsent} with other work on the
   *     billed number; empty to commit each record on its own
   */
  public CdrRepository(DataSource dataSource, Optional<GroupCommit> groupCommit) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.groupCommit = Objects.requireNonNull(groupCommit, "groupCommit");
  }

  /**
   * Stores {@code cdr} (its id is ignored) unless a record of its type and key exists.
   *
   * @return the stored record: the new one with its id, or the one that was there
   * @throws IllegalStateException if the database cannot be used
   */
  public Cdr insertIfAbsent(Cdr cdr) {
    try {
      if (groupCommit.isPresent()) {
        return groupCommit
            .get()
            .call("cdr " + cdr.idempotencyKey(), cdr.billedNumber(), c -> insertRecord(c, cdr));
      }
      try (Connection c = dataSource.getConnection()) {
        return insertRecord(c, cdr);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cdr - cannot store a record: " + e.getMessage(), e);
    }
  }

  /**
   * {@link #insertIfAbsent(Cdr)} on the caller's connection and transaction (no group commit of its
   * own): for a billing system that records the CDR with the money move. Inside a group commit
   * batch the record goes out with the batch's others, in one statement before it commits.
   */
  public void recordOn(Connection c, Cdr cdr) throws SQLException {
    INSERT_OR_KEEP.writeOn(c, List.<MultiRowInsert.Row>of((ps, first) -> bind(ps, first, cdr)));
  }

  /** The record of this type and key, if any, read on the caller's connection. */
  public Optional<Cdr> find(Connection c, CdrType type, String idempotencyKey) throws SQLException {
    // A record this batch deferred must be found too.
    BatchScope.writeDeferredOf(c);
    return findRecord(c, type, idempotencyKey);
  }

  private static final String INSERT =
      "INSERT INTO cdr (cdr_type, idempotency_key, charge_key, message_id, billed_number,"
          + " partner_code, service_number, product_code, charge_type, fee_fen,"
          + " charged_at, recorded_at, causing_mo_id, transaction_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** The record unless one of its type and key is there: the unique key decides, no error. */
  private static final MultiRowInsert INSERT_OR_KEEP =
      new MultiRowInsert(INSERT + " ON DUPLICATE KEY UPDATE id = id");

  private static Cdr insertRecord(Connection c, Cdr cdr) throws SQLException {
    {
      try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
        bind(ps, 1, cdr);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          if (!keys.next()) {
            throw new SQLException("no generated id");
          }
          return cdr.withId(keys.getLong(1));
        }
      } catch (SQLException e) {
        if (e.getErrorCode() != DUPLICATE_KEY) {
          throw e;
        }
        return findRecord(c, cdr.type(), cdr.idempotencyKey())
            .orElseThrow(() -> new SQLException("duplicate key but no record", e));
      }
    }
  }

  private static void bind(PreparedStatement ps, int first, Cdr cdr) throws SQLException {
    ps.setString(first, cdr.type().name());
    ps.setString(first + 1, cdr.idempotencyKey());
    ps.setString(first + 2, cdr.chargeKey().orElse(null));
    ps.setString(first + 3, cdr.messageId().orElse(null));
    ps.setString(first + 4, cdr.billedNumber());
    ps.setString(first + 5, cdr.partnerCode());
    ps.setString(first + 6, cdr.serviceNumber());
    ps.setString(first + 7, cdr.productCode());
    ps.setString(first + 8, cdr.chargeType().name());
    ps.setLong(first + 9, cdr.feeFen());
    ps.setString(first + 10, UtcDateTime.bind(cdr.chargedAt()));
    ps.setString(first + 11, UtcDateTime.bind(cdr.recordedAt()));
    if (cdr.causingMoId().isPresent()) {
      ps.setLong(first + 12, cdr.causingMoId().get());
    } else {
      ps.setNull(first + 12, Types.BIGINT);
    }
    ps.setString(first + 13, cdr.transactionId());
  }

  /** The record of this type and key, if any. */
  public Optional<Cdr> find(CdrType type, String idempotencyKey) {
    try (Connection c = dataSource.getConnection()) {
      return findRecord(c, type, idempotencyKey);
    } catch (SQLException e) {
      throw new IllegalStateException("cdr - cannot read a record", e);
    }
  }

  /** Every record of {@code billedNumber}, in time order: its part of a subscriber's history. */
  public List<Cdr> forBilledNumber(String billedNumber) {
    List<Cdr> found = new ArrayList<>();
    query(
        "SELECT " + COLUMNS + " FROM cdr WHERE billed_number = ? ORDER BY charged_at, id",
        ps -> ps.setString(1, billedNumber),
        found::add,
        false);
    return found;
  }

  /**
   * Hands every record of {@code partnerCode} charged in {@code [from, to)} to {@code sink}, in
   * time order, streaming rather than loading a day's worth into memory.
   */
  public void forEachOfPartner(String partnerCode, Instant from, Instant to, Consumer<Cdr> sink) {
    query(
        "SELECT "
            + COLUMNS
            + " FROM cdr WHERE partner_code = ? AND charged_at >= ? AND charged_at < ?"
            + " ORDER BY charged_at, id",
        ps -> {
          ps.setString(1, partnerCode);
          ps.setString(2, UtcDateTime.bind(from));
          ps.setString(3, UtcDateTime.bind(to));
        },
        sink,
        true);
  }

  /**
   * The records charged in {@code [from, to)} with a non-zero fee, summed per partner, service
   * number, product and charge type.
   */
  public List<CdrAggregate> aggregate(Instant from, Instant to) {
    String sql =
        "SELECT partner_code, service_number, product_code, charge_type,"
            + " SUM(CASE WHEN cdr_type = 'CHARGE' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN cdr_type = 'CHARGE' THEN fee_fen ELSE 0 END),"
            + " SUM(CASE WHEN cdr_type = 'REFUND' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN cdr_type = 'REFUND' THEN -fee_fen ELSE 0 END)"
            + " FROM cdr WHERE charged_at >= ? AND charged_at < ? AND fee_fen <> 0"
            + " GROUP BY partner_code, service_number, product_code, charge_type"
            + " ORDER BY partner_code, service_number, product_code, charge_type";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, UtcDateTime.bind(from));
      ps.setString(2, UtcDateTime.bind(to));
      List<CdrAggregate> sums = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sums.add(
              new CdrAggregate(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  ChargeType.valueOf(rs.getString(4)),
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8)));
        }
      }
      return sums;
    } catch (SQLException e) {
      throw new IllegalStateException("cdr - cannot sum records", e);
    }
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private void query(String sql, Binder binder, Consumer<Cdr> sink, boolean stream) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      if (stream) {
        // Connector/J's signal to stream rows one by one instead of buffering the result.
        ps.setFetchSize(Integer.MIN_VALUE);
      }
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(cdr(rs));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cdr - cannot read records", e);
    }
  }

  private static Optional<Cdr> findRecord(Connection c, CdrType type, String key)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM cdr WHERE cdr_type = ? AND idempotency_key = ?")) {
      ps.setString(1, type.name());
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(cdr(rs)) : Optional.empty();
      }
    }
  }

  private static Cdr cdr(ResultSet rs) throws SQLException {
    long mo = rs.getLong(14);
    Optional<Long> causingMo = rs.wasNull() ? Optional.empty() : Optional.of(mo);
    return new Cdr(
        rs.getLong(1),
        CdrType.valueOf(rs.getString(2)),
        rs.getString(3),
        Optional.ofNullable(rs.getString(4)),
        Optional.ofNullable(rs.getString(5)),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        ChargeType.valueOf(rs.getString(10)),
        rs.getLong(11),
        UtcDateTime.read(rs, 12),
        UtcDateTime.read(rs, 13),
        causingMo,
        rs.getString(15));
  }
}
