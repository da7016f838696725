package io.vasgate.message;

import io.vasgate.persistence.HeldConnection;
import io.vasgate.persistence.MultiRowInsert;
import io.vasgate.persistence.SqlErrors;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 *
 * <p>A peer's answer to a reply part ({@link #mtAnswered}) is the one write nobody waits for: a
 * batch of nothing but answers waits up to {@code answerWait} for more before its transaction,
 * unless a write someone waits for arrives meanwhile. Without that wait the writer committed every
 * millisecond or so under load, most commits carrying only answers: at the benchmark's 5,000
 * commands a second about as many commits and INSERTs again as the commands' own. An answer still
 * waiting when the gateway dies is lost, as one in the queue always could be; the part then reads
 * SENT, not ACKED.
 */
public final class MessageJournal implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MessageJournal.class);

  /** One queued write and the future its caller waits on. */
  private sealed interface Op permits RecordMo, RecordMt, MtAnswered, RecordOutcome {}

  private record RecordMo(MoDraft draft, CompletableFuture<MoRecorded> done) implements Op {}

  private record RecordMt(MtDraft draft, CompletableFuture<Void> done) implements Op {}

  private record MtAnswered(long id, int status, Instant at, CompletableFuture<Void> done)
      implements Op {}

  /** What a command came to: its MO if not yet recorded, the MO's result, the reply's parts. */
  private record RecordOutcome(
      Optional<MoDraft> mo,
      MoResult result,
      List<MtDraft> parts,
      CompletableFuture<MoRecorded> done)
      implements Op {}

  private static final Op STOP = new MtAnswered(0, 0, Instant.EPOCH, new CompletableFuture<>());

  /** A part's answer; a second answer to one part (none is expected) replaces the first. */
  private static final MultiRowInsert ANSWER_MTS =
      new MultiRowInsert(
          "INSERT INTO mt_answer (mt_id, resp_status, answered_at) VALUES (?,?,?)"
              + " ON DUPLICATE KEY UPDATE resp_status = VALUES(resp_status),"
              + " answered_at = VALUES(answered_at)");

  private final DataSource dataSource;
  private final int maxBatch;
  private final Duration dedupWindow;
  private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
  private final Thread writer;

  /** The writer's connection, kept between batches while it is busy (writer thread only). */
  private final HeldConnection connection;

  /** Idle polls (100 ms each) after which the writer gives its connection back. */
  private static final int IDLE_POLLS_BEFORE_RELEASE = 10;

  /** How long a batch of nothing but answers waits for more before it is written. */
  public static final Duration ANSWER_WAIT = Duration.ofMillis(20);

  private final long answerWaitNanos;

  private int idlePolls;
  private volatile boolean closed;

  /** Set while the writer waits for more answers: a write someone waits for then wakes it. */
  private volatile boolean waitingForAnswers;

  /**
   * @param maxBatch the most operations one transaction carries
   * @param dedupWindow how long a re-sent MO is recognised as the same message
   */
  public MessageJournal(DataSource dataSource, int maxBatch, Duration dedupWindow) {
    this(dataSource, maxBatch, dedupWindow, ANSWER_WAIT);
  }

  /**
   * @param maxBatch the most operations one transaction carries
   * @param dedupWindow how long a re-sent MO is recognised as the same message
   * @param answerWait how long a batch of nothing but answers waits for more; zero writes at once
   */
  public MessageJournal(
      DataSource dataSource, int maxBatch, Duration dedupWindow, Duration answerWait) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive: " + maxBatch);
    }
    if (answerWait.isNegative()) {
      throw new IllegalArgumentException("answerWait must not be negative: " + answerWait);
    }
    this.dataSource = dataSource;
    this.maxBatch = maxBatch;
    this.dedupWindow = dedupWindow;
    this.answerWaitNanos = answerWait.toNanos();
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

  /**
   * Records the peer's answer to an MT part ({@code mt_answer}): the part reads ACKED for status 0,
   * else FAILED ({@code mt_message_state}).
   */
  public CompletableFuture<Void> mtAnswered(long mtId, int commandStatus, Instant at) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new MtAnswered(mtId, commandStatus, at, done), done);
    return done;
  }

  /** Records what became of an MO: PROCESSED or FAILED, with the command and product it named. */
  public CompletableFuture<Void> moProcessed(
      long moId, String status, String command, String productCode, Instant at) {
    return recordOutcome(
            Optional.empty(), new MoResult(moId, status, command, productCode, at), List.of())
        .thenApply(recorded -> null);
  }

  /**
   * Records what a command came to, in one transaction: the MO itself when {@code mo} is given (it
   * was not recorded on arrival) or else the result of the one recorded, and the parts of its reply
   * (in state SENT), so the reply may go out once this completes.
   *
   * <p>An MO given here is deduplicated as {@link #recordMo} does: if it is a re-send of one
   * recorded within the window, nothing is written (neither it nor its reply's parts) and the
   * future completes with the first copy's id, marked duplicate; the reply must then not be sent.
   */
  public CompletableFuture<MoRecorded> recordOutcome(
      Optional<MoDraft> mo, MoResult result, List<MtDraft> parts) {
    MessageRows.requireResultOf(mo, result);
    CompletableFuture<MoRecorded> done = new CompletableFuture<>();
    enqueue(new RecordOutcome(mo, result, List.copyOf(parts), done), done);
    return done;
  }

  private void enqueue(Op op, CompletableFuture<?> done) {
    if (closed) {
      done.completeExceptionally(new IllegalStateException("message journal is closed"));
      return;
    }
    queue.add(op);
    if (waitingForAnswers && !(op instanceof MtAnswered)) {
      LockSupport.unpark(writer);
    }
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
        if (answerWaitNanos > 0 && onlyAnswers(batch)) {
          waitForMoreAnswers(batch, System.nanoTime() + answerWaitNanos);
        }
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

  /**
   * While {@code batch} holds nothing but answers, and has room, sleeps until {@code deadline} and
   * takes what queued meanwhile: one wake-up, not one per arrival, unless a write someone waits for
   * (or the close) arrives first and wakes the writer at once.
   */
  private void waitForMoreAnswers(List<Op> batch, long deadline) {
    // The flag goes up before the queue is looked at again: a write enqueued after that look sees
    // it and wakes the writer, one enqueued before it is found by the look.
    waitingForAnswers = true;
    try {
      while (true) {
        queue.drainTo(batch, maxBatch - batch.size());
        long left = deadline - System.nanoTime();
        if (batch.size() >= maxBatch
            || !onlyAnswers(batch)
            || left <= 0
            || Thread.currentThread().isInterrupted()) {
          return;
        }
        LockSupport.parkNanos(this, left);
      }
    } finally {
      waitingForAnswers = false;
    }
  }

  private static boolean onlyAnswers(List<Op> batch) {
    for (Op op : batch) {
      if (!(op instanceof MtAnswered) || op == STOP) {
        return false;
      }
    }
    return true;
  }

  /** Writes of one batch before its failure is final (a deadlock may abort it more than once). */
  private static final int MAX_ATTEMPTS = 3;

  private void write(List<Op> batch) {
    for (int attempt = 1; ; attempt++) {
      Map<Op, MoRecorded> results = new HashMap<>();
      try {
        Connection c = connection.get();
        try {
          writeMos(c, batch, results);
          writeMts(c, batch, results);
          writeUpdates(c, batch);
          c.commit();
        } catch (SQLException | RuntimeException e) {
          connection.discard();
          throw e;
        }
      } catch (SQLException e) {
        if (attempt == 1 && SqlErrors.isDuplicateKey(e)) {
          // A dedup key another transaction committed after this batch read the keys (a re-send
          // on another gateway): read again, and the copy is answered as the re-send it is.
          log.info("message-journal - a dedup key was taken meanwhile; writing the batch again");
          continue;
        }
        if (attempt < MAX_ATTEMPTS && SqlErrors.isTransient(e)) {
          // Two transactions taking over one lapsed key can deadlock; the batch did nothing.
          log.info("message-journal - batch aborted ({}); writing it again", e.getMessage());
          continue;
        }
        log.error(
            "message-journal - commit of {} operation(s) failed: {}", batch.size(), e.getMessage());
        fail(batch, e);
        return;
      }
      complete(batch, results);
      return;
    }
  }

  private static void complete(List<Op> batch, Map<Op, MoRecorded> results) {
    for (Op op : batch) {
      if (op instanceof RecordMo mo) {
        mo.done().complete(results.get(op));
      } else if (op instanceof RecordMt mt) {
        mt.done().complete(null);
      } else if (op instanceof MtAnswered a) {
        a.done().complete(null);
      } else if (op instanceof RecordOutcome o) {
        o.done().complete(results.get(op));
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
    return ((RecordOutcome) op).done();
  }

  /**
   * Inserts the batch's new MOs but re-sends: one recorded within the window (an earlier MO of this
   * batch included) answers for its copy, which is then not written, nor is its reply.
   */
  private void writeMos(Connection c, List<Op> batch, Map<Op, MoRecorded> results)
      throws SQLException {
    List<Op> ops = new ArrayList<>();
    List<byte[]> keys = new ArrayList<>();
    for (Op op : batch) {
      Optional<MoDraft> draft = newMo(op);
      if (draft.isPresent()) {
        ops.add(op);
        keys.add(draft.get().dedupKey());
      } else if (op instanceof RecordOutcome o) {
        results.put(op, new MoRecorded(o.result().moId(), false));
      }
    }
    if (ops.isEmpty()) {
      return;
    }
    Map<ByteBuffer, MoDedup.Seen> held = MoDedup.find(c, keys);
    Map<ByteBuffer, Long> taken = new HashMap<>();
    List<MessageRows.NewMo> fresh = new ArrayList<>();
    for (Op op : ops) {
      MoDraft draft = newMo(op).orElseThrow();
      ByteBuffer key = ByteBuffer.wrap(draft.dedupKey());
      Long earlier = taken.get(key);
      if (earlier != null) {
        results.put(op, new MoRecorded(earlier, true));
        continue;
      }
      MoDedup.Seen seen = held.get(key);
      if (seen != null && !seen.receivedAt().isBefore(draft.receivedAt().minus(dedupWindow))) {
        results.put(op, new MoRecorded(seen.moId(), true));
        continue;
      }
      // A key held by an MO past the window, not purged yet, is taken over by insertMos.
      taken.put(key, draft.id());
      results.put(op, new MoRecorded(draft.id(), false));
      fresh.add(
          new MessageRows.NewMo(
              draft, op instanceof RecordOutcome o ? Optional.of(o.result()) : Optional.empty()));
    }
    MessageRows.insertMos(c, fresh, dedupWindow);
  }

  /** The MO {@code op} writes, if it writes one. */
  private static Optional<MoDraft> newMo(Op op) {
    if (op instanceof RecordMo mo) {
      return Optional.of(mo.draft());
    }
    if (op instanceof RecordOutcome o) {
      return o.mo();
    }
    return Optional.empty();
  }

  private static void writeMts(Connection c, List<Op> batch, Map<Op, MoRecorded> results)
      throws SQLException {
    List<MtDraft> parts = new ArrayList<>();
    for (Op op : batch) {
      if (op instanceof RecordMt mt) {
        parts.add(mt.draft());
      } else if (op instanceof RecordOutcome o && !results.get(op).duplicate()) {
        parts.addAll(o.parts());
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
      } else if (op instanceof RecordOutcome o && o.mo().isEmpty()) {
        processed.add(o.result());
      }
    }
    List<MultiRowInsert.Row> answers = new ArrayList<>(answered.size());
    for (MtAnswered a : answered) {
      answers.add(
          (ps, first) -> {
            ps.setLong(first, a.id());
            ps.setInt(first + 1, a.status());
            ps.setTimestamp(first + 2, Timestamp.from(a.at()));
          });
    }
    ANSWER_MTS.execute(c, answers);
    MessageRows.updateMos(c, processed);
  }

  /** Rows one purge statement deletes: short transactions, so MOs never wait long behind them. */
  private static final int PURGE_CHUNK = 1_000;

  /**
   * How far before the bound of the last purge the next one starts: it deletes the keys of MOs
   * committed up to that long after they arrived, and steps over the deleted entries of that span
   * only (InnoDB's purge thread has removed most of them by then).
   */
  static final Duration PURGE_OVERLAP = Duration.ofSeconds(10);

  /**
   * How often a purge starts from the oldest key instead: it catches keys committed later still
   * (another gateway's clock behind this one's, a batch retried for long), and the first purge
   * after a start, which knows no bound yet, is one too.
   */
  static final Duration FULL_PURGE_INTERVAL = Duration.ofMinutes(10);

  /** The bound of the last purge, and when the last full one ran (guarded by this). */
  private Instant purgedBefore;

  private Instant lastFullPurge;

  /**
   * Deletes the dedup keys of MOs that left the window by {@code now}, so the table holds about a
   * window's worth of MOs however many went before. Runs on the caller's thread and connection, a
   * chunk per transaction, each starting where the one before stopped.
   *
   * @return how many keys were deleted
   */
  public synchronized int purgeDedupKeys(Instant now) throws SQLException {
    Instant before = now.minus(dedupWindow);
    boolean full = purgedBefore == null || !now.isBefore(lastFullPurge.plus(FULL_PURGE_INTERVAL));
    Optional<Instant> from =
        full ? Optional.empty() : Optional.of(purgedBefore.minus(PURGE_OVERLAP));
    int purged = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      MoDedup.Purged chunk;
      do {
        chunk = MoDedup.purge(c, from, before, PURGE_CHUNK);
        purged += chunk.count();
        if (chunk.latest().isPresent()) {
          from = chunk.latest();
        }
      } while (chunk.count() == PURGE_CHUNK && !closed);
    }
    purgedBefore = before;
    if (full) {
      lastFullPurge = now;
    }
    return purged;
  }

  /** Writes what is queued, then stops the writer. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(STOP);
    LockSupport.unpark(writer);
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
