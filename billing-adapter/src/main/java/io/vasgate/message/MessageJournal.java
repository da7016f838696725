package io.vasgate.message;

import io.vasgate.persistence.HeldConnection;
import io.vasgate.persistence.MultiRowInsert;
import io.vasgate.persistence.MultiRowUpdate;
import io.vasgate.persistence.PaddedList;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record of every MO and MT, written with group commit: one writer thread takes
 * whatever has queued up since its last commit, writes all of it in one transaction and only then
 * completes the callers' futures. Under load a commit carries hundreds of messages, so durability
 * does not cost a round trip per message; when idle a lone message is committed at once.
 *
 * <p>A failed transaction fails every future in it and changes nothing, so a caller that answers
 * the peer only after its future completes never acknowledges a message that was not written.
 */
public final class MessageJournal implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MessageJournal.class);

  /** One queued write and the future its caller waits on. */
  private sealed interface Op permits RecordMo, RecordMt, MtAnswered, MoProcessed {}

  private record RecordMo(MoDraft draft, CompletableFuture<MoRecorded> done) implements Op {}

  private record RecordMt(MtDraft draft, CompletableFuture<Void> done) implements Op {}

  private record MtAnswered(long id, int status, Instant at, CompletableFuture<Void> done)
      implements Op {}

  private record MoProcessed(MoResult result, CompletableFuture<Void> done) implements Op {}

  private static final Op STOP = new MtAnswered(0, 0, Instant.EPOCH, new CompletableFuture<>());

  private static final MultiRowUpdate<MtAnswered> ANSWER_MTS =
      new MultiRowUpdate<>(
          "mt_message",
          MtAnswered::id,
          List.of(
              new MultiRowUpdate.Column<>(
                  "state", (ps, i, a) -> ps.setString(i, a.status() == 0 ? "ACKED" : "FAILED")),
              new MultiRowUpdate.Column<>("resp_status", (ps, i, a) -> ps.setInt(i, a.status())),
              new MultiRowUpdate.Column<>(
                  "updated_at", (ps, i, a) -> ps.setTimestamp(i, Timestamp.from(a.at())))));

  private final int maxBatch;
  private final Duration dedupWindow;
  private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
  private final Thread writer;

  /** The writer's connection, kept between batches while it is busy (writer thread only). */
  private final HeldConnection connection;

  /** Idle polls (100 ms each) after which the writer gives its connection back. */
  private static final int IDLE_POLLS_BEFORE_RELEASE = 10;

  private int idlePolls;
  private volatile boolean closed;

  /**
   * @param maxBatch the most operations one transaction carries
   * @param dedupWindow how long a re-sent MO is recognised as the same message
   */
  public MessageJournal(DataSource dataSource, int maxBatch, Duration dedupWindow) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive: " + maxBatch);
    }
    this.maxBatch = maxBatch;
    this.dedupWindow = dedupWindow;
    this.connection = new HeldConnection(dataSource);
    this.writer = new Thread(this::run, "message-journal");
    writer.setDaemon(true);
    writer.start();
  }

  /** Writes an MO unless the same message was recorded within the dedup window. */
  public CompletableFuture<MoRecorded> recordMo(MoDraft draft) {
    CompletableFuture<MoRecorded> done = new CompletableFuture<>();
    enqueue(new RecordMo(draft, done), done);
    return done;
  }

  /** Writes one sent MT part in state SENT. */
  public CompletableFuture<Void> recordMt(MtDraft draft) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new RecordMt(draft, done), done);
    return done;
  }

  /** Records the peer's answer to an MT part: ACKED for status 0, else FAILED. */
  public CompletableFuture<Void> mtAnswered(long mtId, int commandStatus, Instant at) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new MtAnswered(mtId, commandStatus, at, done), done);
    return done;
  }

  /** Records what became of an MO: PROCESSED or FAILED, with the command and product it named. */
  public CompletableFuture<Void> moProcessed(
      long moId, String status, String command, String productCode, Instant at) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new MoProcessed(new MoResult(moId, status, command, productCode, at), done), done);
    return done;
  }

  private void enqueue(Op op, CompletableFuture<?> done) {
    if (closed) {
      done.completeExceptionally(new IllegalStateException("message journal is closed"));
      return;
    }
    queue.add(op);
  }

  private void run() {
    List<Op> batch = new ArrayList<>(maxBatch);
    while (true) {
      try {
        Op first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          idlePolls++;
          if (idlePolls >= IDLE_POLLS_BEFORE_RELEASE) {
            connection.release();
          }
          if (closed && queue.isEmpty()) {
            connection.release();
            return;
          }
          continue;
        }
        idlePolls = 0;
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        boolean stop = batch.remove(STOP);
        if (!batch.isEmpty()) {
          write(batch);
        }
        batch.clear();
        if (stop && queue.isEmpty()) {
          connection.release();
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        connection.release();
        return;
      } catch (RuntimeException e) {
        log.error("message-journal - unexpected failure", e);
        fail(batch, e);
        batch.clear();
      }
    }
  }

  private void write(List<Op> batch) {
    Map<Op, Object> results = new HashMap<>();
    try {
      Connection c = connection.get();
      try {
        writeMos(c, batch, results);
        writeMts(c, batch);
        writeUpdates(c, batch);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        connection.discard();
        throw e;
      }
    } catch (SQLException e) {
      log.error(
          "message-journal - commit of {} operation(s) failed: {}", batch.size(), e.getMessage());
      fail(batch, e);
      return;
    }
    complete(batch, results);
  }

  @SuppressWarnings("unchecked")
  private static void complete(List<Op> batch, Map<Op, Object> results) {
    for (Op op : batch) {
      if (op instanceof RecordMo mo) {
        mo.done().complete((MoRecorded) results.get(op));
      } else if (op instanceof RecordMt mt) {
        mt.done().complete(null);
      } else if (op instanceof MtAnswered a) {
        a.done().complete(null);
      } else if (op instanceof MoProcessed p) {
        p.done().complete(null);
      }
    }
  }

  private static void fail(List<Op> batch, Throwable cause) {
    for (Op op : batch) {
      future(op).completeExceptionally(cause);
    }
  }

  private static CompletableFuture<?> future(Op op) {
    if (op instanceof RecordMo mo) {
      return mo.done();
    } else if (op instanceof RecordMt mt) {
      return mt.done();
    } else if (op instanceof MtAnswered a) {
      return a.done();
    }
    return ((MoProcessed) op).done();
  }

  private void writeMos(Connection c, List<Op> batch, Map<Op, Object> results) throws SQLException {
    List<RecordMo> mos = new ArrayList<>();
    for (Op op : batch) {
      if (op instanceof RecordMo mo) {
        mos.add(mo);
      }
    }
    if (mos.isEmpty()) {
      return;
    }
    Map<ByteBuffer, Long> known = recentlySeen(c, mos);
    List<RecordMo> fresh = new ArrayList<>();
    for (RecordMo mo : mos) {
      ByteBuffer key = ByteBuffer.wrap(mo.draft().dedupKey());
      Long original = known.get(key);
      if (original != null) {
        results.put(mo, new MoRecorded(original, true));
      } else {
        known.put(key, mo.draft().id());
        fresh.add(mo);
        results.put(mo, new MoRecorded(mo.draft().id(), false));
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    List<MultiRowInsert.Row> rows = new ArrayList<>(fresh.size());
    for (RecordMo mo : fresh) {
      rows.add((ps, first) -> bindMo(ps, first, mo.draft()));
    }
    INSERT_MO.execute(c, rows);
  }

  private static final MultiRowInsert INSERT_MO =
      new MultiRowInsert(
          "INSERT INTO mo_message (id, peer_system_id, session_id, source_addr, dest_addr,"
              + " data_coding, short_message, text, concat_ref, concat_total, concat_seq,"
              + " dedup_key, received_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'RECEIVED')");

  private static void bindMo(PreparedStatement ps, int first, MoDraft d) throws SQLException {
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
  }

  /** The MOs recorded within the dedup window whose keys match any in {@code mos}. */
  private Map<ByteBuffer, Long> recentlySeen(Connection c, List<RecordMo> mos) throws SQLException {
    Map<ByteBuffer, Long> known = new HashMap<>();
    Instant oldest = Instant.MAX;
    for (RecordMo mo : mos) {
      if (mo.draft().receivedAt().isBefore(oldest)) {
        oldest = mo.draft().receivedAt();
      }
    }
    String sql =
        "SELECT dedup_key, id FROM mo_message WHERE received_at >= ? AND dedup_key IN ("
            + PaddedList.placeholders(mos.size())
            + ") ORDER BY received_at";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(oldest.minus(dedupWindow)));
      for (int i = 0; i < mos.size(); i++) {
        ps.setBytes(i + 2, mos.get(i).draft().dedupKey());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          known.putIfAbsent(ByteBuffer.wrap(rs.getBytes(1)), rs.getLong(2));
        }
      }
    }
    return known;
  }

  private static void writeMts(Connection c, List<Op> batch) throws SQLException {
    List<MtDraft> parts = new ArrayList<>();
    for (Op op : batch) {
      if (op instanceof RecordMt mt) {
        parts.add(mt.draft());
      }
    }
    MessageRows.insertMts(c, parts);
  }

  private static void writeUpdates(Connection c, List<Op> batch) throws SQLException {
    List<MtAnswered> answered = new ArrayList<>();
    List<MoResult> processed = new ArrayList<>();
    for (Op op : batch) {
      if (op instanceof MtAnswered a) {
        answered.add(a);
      } else if (op instanceof MoProcessed p) {
        processed.add(p.result());
      }
    }
    ANSWER_MTS.execute(c, answered);
    MessageRows.updateMos(c, processed);
  }

  /** Writes what is queued, then stops the writer. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(STOP);
    try {
      writer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Op> left = new ArrayList<>();
    queue.drainTo(left);
    left.remove(STOP);
    fail(left, new IllegalStateException("message journal closed before writing"));
  }
}
