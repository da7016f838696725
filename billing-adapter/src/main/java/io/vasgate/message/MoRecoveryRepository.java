package io.vasgate.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Finds acknowledged MOs that nobody processed, because the gateway that took them stopped between
 * writing and acting on them, and claims them so that exactly one gateway processes each.
 *
 * <p>Only whole single-part messages are recovered: a part of a long message cannot be acted on
 * alone, and the parts that did arrive are kept as evidence.
 */
public final class MoRecoveryRepository {

  private final DataSource dataSource;

  public MoRecoveryRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Claims up to {@code limit} MOs still RECEIVED that arrived before {@code before}, moving them
   * to RECOVERING in the same transaction; a concurrent claimer skips the rows this one locked.
   */
  public List<StaleMo> claimStale(Instant before, int limit) throws SQLException {
    List<StaleMo> claimed = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, peer_system_id, session_id, source_addr, dest_addr, text, received_at"
                    + " FROM mo_message WHERE status = 'RECEIVED' AND received_at < ?"
                    + " AND concat_total IS NULL AND text IS NOT NULL"
                    + " ORDER BY received_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
          ps.setTimestamp(1, Timestamp.from(before));
          ps.setInt(2, limit);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              claimed.add(
                  new StaleMo(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getLong(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getTimestamp(7).toInstant()));
            }
          }
        }
        if (!claimed.isEmpty()) {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE mo_message SET status = 'RECOVERING' WHERE id = ?")) {
            for (StaleMo mo : claimed) {
              ps.setLong(1, mo.id());
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    return claimed;
  }
}
