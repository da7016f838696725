package io.vasgate.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The audit trail in table {@code audit_log} (migration V210): append-only, queried newest first.
 *
 * <p>A change and its audit entry belong together: a repository that changes data appends through
 * {@link #append(Connection, AuditEvent)} inside its own transaction, so an entry exists exactly
 * when its change was committed. Instants are stored as UTC; the pool's sessions run in UTC.
 *
 * <p>Blocking JDBC: call from a thread that may block. Failures surface as {@link
 * AuditStoreException}.
 */
public final class AuditLog {

  private static final String INSERT =
      "INSERT INTO audit_log (actor, at, action, entity_type, entity_id, before_json, after_json)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";

  private static final String SELECT =
      "SELECT id, actor, at, action, entity_type, entity_id, before_json, after_json"
          + " FROM audit_log";

  /**
   * Instants go to the database as text: Connector/J drops the fraction of a bound temporal value
   * on MariaDB, whose handshake reports server version 5.5.5, older than fractional seconds.
   */
  private static final DateTimeFormatter SQL_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final DataSource dataSource;

  /**
   * @param dataSource the gateway's pool, migrated
   */
  public AuditLog(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Records {@code event} on its own connection, committed at once. */
  public AuditEntry append(AuditEvent event) {
    try (Connection c = dataSource.getConnection()) {
      return append(c, event);
    } catch (SQLException e) {
      throw new AuditStoreException("audit_log - cannot open a connection", e);
    }
  }

  /**
   * Records {@code event} on {@code connection}, inside whatever transaction it has open: the entry
   * commits or rolls back with the caller's change.
   */
  public AuditEntry append(Connection connection, AuditEvent event) {
    Objects.requireNonNull(event, "event");
    try (PreparedStatement ps =
        connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, event.actor());
      ps.setString(2, timestamp(event.at()));
      ps.setString(3, event.action());
      ps.setString(4, event.entityType());
      ps.setString(5, event.entityId());
      ps.setString(6, event.beforeJson().orElse(null));
      ps.setString(7, event.afterJson().orElse(null));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no id generated");
        }
        return new AuditEntry(keys.getLong(1), event);
      }
    } catch (SQLException e) {
      throw new AuditStoreException(
          "audit_log - cannot record "
              + event.action()
              + " "
              + event.entityType()
              + " "
              + event.entityId(),
          e);
    }
  }

  /** The entries {@code query} selects, newest (highest id) first. */
  public AuditPage query(AuditQuery query) {
    Objects.requireNonNull(query, "query");
    StringBuilder sql = new StringBuilder(SELECT);
    List<Object> args = new ArrayList<>();
    String joiner = " WHERE ";
    if (query.entityType().isPresent()) {
      sql.append(joiner).append("entity_type = ?");
      args.add(query.entityType().get());
      joiner = " AND ";
    }
    if (query.entityId().isPresent()) {
      sql.append(joiner).append("entity_id = ?");
      args.add(query.entityId().get());
      joiner = " AND ";
    }
    if (query.actor().isPresent()) {
      sql.append(joiner).append("actor = ?");
      args.add(query.actor().get());
      joiner = " AND ";
    }
    if (query.from().isPresent()) {
      sql.append(joiner).append("at >= ?");
      args.add(timestamp(query.from().get()));
      joiner = " AND ";
    }
    if (query.to().isPresent()) {
      sql.append(joiner).append("at < ?");
      args.add(timestamp(query.to().get()));
      joiner = " AND ";
    }
    if (query.beforeId().isPresent()) {
      sql.append(joiner).append("id < ?");
      args.add(query.beforeId().getAsLong());
    }
    // One more than asked tells whether a next page exists without a count query.
    sql.append(" ORDER BY id DESC LIMIT ").append(query.limit() + 1);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      List<AuditEntry> entries = new ArrayList<>();
      boolean more = false;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (entries.size() == query.limit()) {
            more = true;
            break;
          }
          entries.add(map(rs));
        }
      }
      OptionalLong next =
          more ? OptionalLong.of(entries.get(entries.size() - 1).id()) : OptionalLong.empty();
      return new AuditPage(entries, next);
    } catch (SQLException e) {
      throw new AuditStoreException("audit_log - cannot query " + query, e);
    }
  }

  private static String timestamp(Instant instant) {
    return SQL_TIMESTAMP.format(instant);
  }

  private static AuditEntry map(ResultSet rs) throws SQLException {
    Instant at = rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
    AuditEvent event =
        new AuditEvent(
            rs.getString("actor"),
            at,
            rs.getString("action"),
            rs.getString("entity_type"),
            rs.getString("entity_id"),
            Optional.ofNullable(rs.getString("before_json")),
            Optional.ofNullable(rs.getString("after_json")));
    return new AuditEntry(rs.getLong("id"), event);
  }
}
