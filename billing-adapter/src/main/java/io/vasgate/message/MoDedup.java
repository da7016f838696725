package io.vasgate.message;

import io.vasgate.persistence.MultiRowInsert;
import io.vasgate.persistence.PaddedList;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of the MOs recorded within the dedup window ({@code mo_dedup}): a key's row is written
 * with its MO, in the same transaction, and its primary key refuses a second MO under a key still
 * held. Rows past the window stay until {@link #purge}, or until a new MO under the same key
 * deletes the lapsed row ({@link #forgetLapsed}) and takes the key, so whoever reads a key decides
 * by its time whether it still counts.
 */
final class MoDedup {

  /** A key's row: the MO first recorded under it, and when that arrived. */
  record Seen(long moId, Instant receivedAt) {}

  private static final MultiRowInsert INSERT =
      new MultiRowInsert("INSERT INTO mo_dedup (dedup_key, mo_id, received_at) VALUES (?,?,?)");

  private MoDedup() {}

  /**
   * Writes the keys of {@code mos}; fails (duplicate key) if any key already has a row. Keys go in
   * key order, so two gateways writing overlapping keys wait for each other instead of deadlocking.
   */
  static void insert(Connection c, List<MoDraft> mos) throws SQLException {
    if (mos.isEmpty()) {
      return;
    }
    List<MoDraft> ordered = new ArrayList<>(mos);
    ordered.sort((a, b) -> Arrays.compareUnsigned(a.dedupKey(), b.dedupKey()));
    List<MultiRowInsert.Row> rows = new ArrayList<>(ordered.size());
    for (MoDraft mo : ordered) {
      rows.add(
          (ps, first) -> {
            ps.setBytes(first, mo.dedupKey());
            ps.setLong(first + 1, mo.id());
            ps.setTimestamp(first + 2, Timestamp.from(mo.receivedAt()));
          });
    }
    INSERT.execute(c, rows);
  }

  /** The rows of whichever of {@code keys} have one, however old. */
  static Map<ByteBuffer, Seen> find(Connection c, List<byte[]> keys) throws SQLException {
    Map<ByteBuffer, Seen> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    String sql =
        "SELECT dedup_key, mo_id, received_at FROM mo_dedup WHERE dedup_key IN ("
            + PaddedList.placeholders(PaddedList.shape(keys.size()))
            + ")";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindPadded(ps, keys);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(
              ByteBuffer.wrap(rs.getBytes(1)),
              new Seen(rs.getLong(2), rs.getTimestamp(3).toInstant()));
        }
      }
    }
    return found;
  }

  /**
   * Deletes the rows of the keys of {@code mos} whose MOs arrived more than {@code window} before
   * the new MO under that key (left its window), so that the new MOs may take those keys. A row
   * written meanwhile by another transaction is within the window and stays: its MO is the one the
   * key now belongs to, and the new MO's insert is refused.
   */
  static void forgetLapsed(Connection c, List<MoDraft> mos, Duration window) throws SQLException {
    if (mos.isEmpty()) {
      return;
    }
    int shape = PaddedList.shape(mos.size());
    StringBuilder sql = new StringBuilder("DELETE FROM mo_dedup WHERE ");
    for (int i = 0; i < shape; i++) {
      sql.append(i == 0 ? "" : " OR ").append("(dedup_key = ? AND received_at < ?)");
    }
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < shape; i++) {
        MoDraft mo = mos.get(Math.min(i, mos.size() - 1));
        ps.setBytes(2 * i + 1, mo.dedupKey());
        ps.setTimestamp(2 * i + 2, Timestamp.from(mo.receivedAt().minus(window)));
      }
      ps.executeUpdate();
    }
  }

  private static void bindPadded(PreparedStatement ps, List<byte[]> keys) throws SQLException {
    int shape = PaddedList.shape(keys.size());
    for (int i = 0; i < shape; i++) {
      ps.setBytes(i + 1, keys.get(Math.min(i, keys.size() - 1)));
    }
  }

  /** What one {@link #purge} statement did: rows deleted, and the latest receipt among them. */
  record Purged(int count, Optional<Instant> latest) {}

  /**
   * Deletes up to {@code limit} rows of MOs received before {@code before}, oldest first, from
   * {@code from} on (inclusive) or, without it, from the oldest row there is.
   *
   * <p>Where to start matters: InnoDB keeps a deleted row's index entries until its purge thread
   * removes them, seconds later under load, and a scan from the oldest row steps over every such
   * entry, checking each for a lock. Started from the table's beginning each time, these statements
   * took a fifth of MariaDB's CPU at 10,000 MOs a second.
   */
  static Purged purge(Connection c, Optional<Instant> from, Instant before, int limit)
      throws SQLException {
    if (from.isPresent() && !from.get().isBefore(before)) {
      // An empty range (the clock went back): MariaDB would answer it with no result set at all.
      return new Purged(0, Optional.empty());
    }
    String sql =
        "DELETE FROM mo_dedup WHERE "
            + (from.isPresent() ? "received_at >= ? AND " : "")
            + "received_at < ? ORDER BY received_at LIMIT ? RETURNING received_at";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (from.isPresent()) {
        ps.setTimestamp(i++, Timestamp.from(from.get()));
      }
      ps.setTimestamp(i++, Timestamp.from(before));
      ps.setInt(i, limit);
      ps.execute();
      int count = 0;
      Instant latest = null;
      try (ResultSet rs = ps.getResultSet()) {
        while (rs != null && rs.next()) {
          count++;
          Instant at = rs.getTimestamp(1).toInstant();
          if (latest == null || at.isAfter(latest)) {
            latest = at;
          }
        }
      }
      return new Purged(count, Optional.ofNullable(latest));
    }
  }
}
