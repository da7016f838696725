package io.vasgate.message;

import io.vasgate.persistence.MultiRowUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/** The statements that write MT parts and MO results, for the journal and for command batches. */
final class MessageRows {

  private static final String INSERT_MT =
      "INSERT INTO mt_message (id, mo_id, peer_system_id, source_addr, dest_addr, text, part_seq,"
          + " part_total, data_coding, created_at, state) VALUES (?,?,?,?,?,?,?,?,?,?,'SENT')";

  private static final MultiRowUpdate<MoResult> MO_RESULTS =
      new MultiRowUpdate<>(
          "mo_message",
          MoResult::moId,
          List.of(
              new MultiRowUpdate.Column<>("status", (ps, i, r) -> ps.setString(i, r.status())),
              new MultiRowUpdate.Column<>("command", (ps, i, r) -> ps.setString(i, r.command())),
              new MultiRowUpdate.Column<>(
                  "product_code", (ps, i, r) -> ps.setString(i, r.productCode())),
              new MultiRowUpdate.Column<>(
                  "processed_at", (ps, i, r) -> ps.setTimestamp(i, Timestamp.from(r.at())))));

  private MessageRows() {}

  /** Inserts {@code parts} in state SENT, one JDBC batch (a multi-row INSERT when rewritten). */
  static void insertMts(Connection c, List<MtDraft> parts) throws SQLException {
    if (parts.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_MT)) {
      for (MtDraft d : parts) {
        ps.setLong(1, d.id());
        if (d.moId().isPresent()) {
          ps.setLong(2, d.moId().get());
        } else {
          ps.setNull(2, Types.BIGINT);
        }
        ps.setString(3, d.peerSystemId());
        ps.setString(4, d.sourceAddr());
        ps.setString(5, d.destAddr());
        ps.setString(6, d.text());
        ps.setInt(7, d.partSeq());
        ps.setInt(8, d.partTotal());
        ps.setInt(9, d.dataCoding());
        ps.setTimestamp(10, Timestamp.from(d.createdAt()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Writes what became of each MO, a few multi-row statements for all of them. */
  static void updateMos(Connection c, List<MoResult> results) throws SQLException {
    MO_RESULTS.execute(c, results);
  }
}
