package io.vasgate.message;

import io.vasgate.persistence.MultiRowInsert;
import io.vasgate.persistence.MultiRowUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The statements that write MT parts and MO results, for the journal and for command batches. */
final class MessageRows {

  private static final MultiRowInsert INSERT_MT =
      new MultiRowInsert(
          "INSERT INTO mt_message (id, mo_id, peer_system_id, source_addr, dest_addr, text,"
              + " part_seq, part_total, data_coding, created_at, state)"
              + " VALUES (?,?,?,?,?,?,?,?,?,?,'SENT')");

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

  /** Inserts {@code parts} in state SENT, a few multi-row statements for all of them. */
  static void insertMts(Connection c, List<MtDraft> parts) throws SQLException {
    List<MultiRowInsert.Row> rows = new ArrayList<>(parts.size());
    for (MtDraft part : parts) {
      rows.add((ps, first) -> bindMt(ps, first, part));
    }
    INSERT_MT.execute(c, rows);
  }

  private static void bindMt(PreparedStatement ps, int first, MtDraft d) throws SQLException {
    ps.setLong(first, d.id());
    if (d.moId().isPresent()) {
      ps.setLong(first + 1, d.moId().get());
    } else {
      ps.setNull(first + 1, Types.BIGINT);
    }
    ps.setString(first + 2, d.peerSystemId());
    ps.setString(first + 3, d.sourceAddr());
    ps.setString(first + 4, d.destAddr());
    ps.setString(first + 5, d.text());
    ps.setInt(first + 6, d.partSeq());
    ps.setInt(first + 7, d.partTotal());
    ps.setInt(first + 8, d.dataCoding());
    ps.setTimestamp(first + 9, Timestamp.from(d.createdAt()));
  }

  /** Writes what became of each MO, a few multi-row statements for all of them. */
  static void updateMos(Connection c, List<MoResult> results) throws SQLException {
    MO_RESULTS.execute(c, results);
  }
}
