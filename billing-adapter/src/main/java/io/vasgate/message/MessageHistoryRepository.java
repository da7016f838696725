package io.vasgate.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The read side of the message journal: a subscriber's MOs and the messages sent to it, as evidence
 * for complaints. {@link MessageJournal} writes the tables; this only reads them, through the
 * indexes on the handset and time ({@code ix_mo_source}, {@code ix_mt_dest}).
 *
 * <p>Blocking JDBC: call from a thread that may block. Failures surface as {@link
 * IllegalStateException}.
 */
public final class MessageHistoryRepository {

  /** The most rows one read returns, whatever the caller asks: a bound on memory per request. */
  public static final int MAX_LIMIT = 10_000;

  /**
   * Instants are bound as UTC text: the pool's sessions run in UTC, and Connector/J has dropped the
   * milliseconds of bound temporal values on MariaDB.
   */
  private static final DateTimeFormatter SQL_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private static final String MO_COLUMNS =
      "id, peer_system_id, session_id, source_addr, dest_addr, data_coding, short_message, text,"
          + " concat_ref, concat_total, concat_seq, received_at, status, command, product_code,"
          + " processed_at";

  private static final String MT_COLUMNS =
      "id, mo_id, peer_system_id, source_addr, dest_addr, text, part_seq, part_total, data_coding,"
          + " created_at, state, resp_status, updated_at";

  private final DataSource dataSource;

  public MessageHistoryRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * The MOs {@code msisdn} sent that arrived in {@code [from, to)}, oldest first, at most {@code
   * limit} of them.
   *
   * @param from inclusive; empty for no lower bound
   * @param to exclusive; empty for no upper bound
   * @throws IllegalArgumentException for a limit outside 1..{@value #MAX_LIMIT}
   */
  public List<MoRecord> mosFrom(
      String msisdn, Optional<Instant> from, Optional<Instant> to, int limit) {
    List<MoRecord> found = new ArrayList<>();
    query(
        "SELECT " + MO_COLUMNS + " FROM mo_message WHERE source_addr = ?",
        "received_at",
        msisdn,
        from,
        to,
        limit,
        rs -> found.add(mo(rs)));
    return found;
  }

  /**
   * The message parts sent to {@code msisdn} in {@code [from, to)}, oldest first (parts of one
   * message in part order), at most {@code limit} of them.
   *
   * @param from inclusive; empty for no lower bound
   * @param to exclusive; empty for no upper bound
   * @throws IllegalArgumentException for a limit outside 1..{@value #MAX_LIMIT}
   */
  public List<MtRecord> mtsTo(
      String msisdn, Optional<Instant> from, Optional<Instant> to, int limit) {
    List<MtRecord> found = new ArrayList<>();
    query(
        "SELECT " + MT_COLUMNS + " FROM mt_message_state WHERE dest_addr = ?",
        "created_at",
        msisdn,
        from,
        to,
        limit,
        rs -> found.add(mt(rs)));
    return found;
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(
      String select,
      String timeColumn,
      String msisdn,
      Optional<Instant> from,
      Optional<Instant> to,
      int limit,
      RowReader reader) {
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
    StringBuilder sql = new StringBuilder(select);
    if (from.isPresent()) {
      sql.append(" AND ").append(timeColumn).append(" >= ?");
    }
    if (to.isPresent()) {
      sql.append(" AND ").append(timeColumn).append(" < ?");
    }
    sql.append(" ORDER BY ").append(timeColumn).append(", id LIMIT ").append(limit);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      ps.setString(i++, msisdn);
      if (from.isPresent()) {
        ps.setString(i++, SQL_TIMESTAMP.format(from.get()));
      }
      if (to.isPresent()) {
        ps.setString(i, SQL_TIMESTAMP.format(to.get()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "message-history - cannot read messages: " + e.getMessage(), e);
    }
  }

  private static MoRecord mo(ResultSet rs) throws SQLException {
    int ref = rs.getInt("concat_ref");
    boolean whole = rs.wasNull();
    Optional<PartInfo> part =
        whole
            ? Optional.empty()
            : Optional.of(new PartInfo(ref, rs.getInt("concat_total"), rs.getInt("concat_seq")));
    return new MoRecord(
        rs.getLong("id"),
        rs.getString("peer_system_id"),
        rs.getLong("session_id"),
        rs.getString("source_addr"),
        rs.getString("dest_addr"),
        rs.getInt("data_coding"),
        rs.getBytes("short_message"),
        Optional.ofNullable(rs.getString("text")),
        part,
        instant(rs, "received_at").orElseThrow(),
        rs.getString("status"),
        Optional.ofNullable(rs.getString("command")),
        Optional.ofNullable(rs.getString("product_code")),
        instant(rs, "processed_at"));
  }

  private static MtRecord mt(ResultSet rs) throws SQLException {
    long moId = rs.getLong("mo_id");
    Optional<Long> mo = rs.wasNull() ? Optional.empty() : Optional.of(moId);
    int resp = rs.getInt("resp_status");
    Optional<Integer> respStatus = rs.wasNull() ? Optional.empty() : Optional.of(resp);
    return new MtRecord(
        rs.getLong("id"),
        mo,
        rs.getString("peer_system_id"),
        rs.getString("source_addr"),
        rs.getString("dest_addr"),
        rs.getString("text"),
        rs.getInt("part_seq"),
        rs.getInt("part_total"),
        rs.getInt("data_coding"),
        instant(rs, "created_at").orElseThrow(),
        rs.getString("state"),
        respStatus,
        instant(rs, "updated_at"));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
    return utc == null ? Optional.empty() : Optional.of(utc.toInstant(ZoneOffset.UTC));
  }
}
