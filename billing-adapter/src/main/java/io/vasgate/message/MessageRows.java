package io.vasgate.message;

import io.vasgate.persistence.MultiRowInsert;
import io.vasgate.persistence.MultiRowUpdate;
import io.vasgate.persistence.SqlErrors;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The statements that write MOs, MT parts and MO results, for the journal and command batches. */
final class MessageRows {

  /** An MO to insert: RECEIVED, or already done with when its result is known. */
  record NewMo(MoDraft draft, Optional<MoResult> result) {}

  /**
   * Checks that {@code result} is the result of {@code mo}, when the MO is written with it.
   *
   * @throws IllegalArgumentException if it is another MO's
   */
  static void requireResultOf(Optional<MoDraft> mo, MoResult result) {
    if (mo.isPresent() && mo.get().id() != result.moId()) {
      throw new IllegalArgumentException(
          "result of MO " + result.moId() + " given for MO " + mo.get().id());
    }
  }

  private static final MultiRowInsert INSERT_MO =
      new MultiRowInsert(
          "INSERT INTO mo_message (id, peer_system_id, session_id, source_addr, dest_addr,"
              + " data_coding, short_message, text, concat_ref, concat_total, concat_seq,"
              + " dedup_key, received_at, status, command, product_code, processed_at)"
              + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");

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

  /**
   * Inserts {@code mos} with their dedup keys, keys first: a key held by an MO within {@code
   * window} of the new one fails the statement before any MO is written; one held by an MO past it
   * is taken over.
   */
  static void insertMos(Connection c, List<NewMo> mos, Duration window) throws SQLException {
    if (mos.isEmpty()) {
      return;
    }
    List<MoDraft> drafts = new ArrayList<>(mos.size());
    List<MultiRowInsert.Row> rows = new ArrayList<>(mos.size());
    for (NewMo mo : mos) {
      drafts.add(mo.draft());
      rows.add((ps, first) -> bindMo(ps, first, mo));
    }
    try {
      MoDedup.insert(c, drafts);
    } catch (SQLException e) {
      if (!SqlErrors.isDuplicateKey(e)) {
        throw e;
      }
      // A key is held: by an MO past its window, whose row is deleted and the key taken over, or
      // by one within it, and then it is refused again. Only the statement that failed was undone:
      // the keys of the chunks before it stand, and are not inserted twice. Looking only when
      // refused keeps the common case to one statement per chunk.
      MoDedup.forgetLapsed(c, drafts, window);
      List<byte[]> keys = new ArrayList<>(drafts.size());
      for (MoDraft d : drafts) {
        keys.add(d.dedupKey());
      }
      Map<ByteBuffer, MoDedup.Seen> held = MoDedup.find(c, keys);
      List<MoDraft> missing = new ArrayList<>(drafts.size());
      for (MoDraft d : drafts) {
        MoDedup.Seen seen = held.get(ByteBuffer.wrap(d.dedupKey()));
        if (seen == null || seen.moId() != d.id()) {
          missing.add(d);
        }
      }
      MoDedup.insert(c, missing);
    }
    INSERT_MO.execute(c, rows);
  }

  private static void bindMo(PreparedStatement ps, int first, NewMo mo) throws SQLException {
    MoDraft d = mo.draft();
    ps.setLong(first, d.id());
    ps.setString(first + 1, d.peerSystemId());
    ps.setLong(first + 2, d.sessionId());
    ps.setString(first + 3, d.sourceAddr());
    ps.setString(first + 4, d.destAddr());
    ps.setInt(first + 5, d.dataCoding());
    ps.setBytes(first + 6, d.shortMessage());
    ps.setString(first + 7, d.text().orElse(null));
    if (d.part().isPresent()) {
      ps.setInt(first + 8, d.part().get().reference());
      ps.setInt(first + 9, d.part().get().total());
      ps.setInt(first + 10, d.part().get().seq());
    } else {
      ps.setNull(first + 8, Types.INTEGER);
      ps.setNull(first + 9, Types.SMALLINT);
      ps.setNull(first + 10, Types.SMALLINT);
    }
    ps.setBytes(first + 11, d.dedupKey());
    ps.setTimestamp(first + 12, Timestamp.from(d.receivedAt()));
    if (mo.result().isPresent()) {
      MoResult r = mo.result().get();
      ps.setString(first + 13, r.status());
      ps.setString(first + 14, r.command());
      ps.setString(first + 15, r.productCode());
      ps.setTimestamp(first + 16, Timestamp.from(r.at()));
    } else {
      ps.setString(first + 13, "RECEIVED");
      ps.setNull(first + 14, Types.VARCHAR);
      ps.setNull(first + 15, Types.VARCHAR);
      ps.setNull(first + 16, Types.TIMESTAMP);
    }
  }

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
