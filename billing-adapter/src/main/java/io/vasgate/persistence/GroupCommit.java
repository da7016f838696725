package io.vasgate.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs many callers' transactions as one: the work queued on a lane while its previous batch was
 * committing runs, in arrival order, on one connection in one transaction, with one commit (one
 * fsync) for all of it.
 *
 * <p>Work is routed to a lane by a key (the subscriber's number), so one number's work always runs
 * in one lane, in the order it was submitted, and two lanes never contend for one number's rows:
 * concurrent batches cannot deadlock on them. A later work in a batch sees what an earlier one
 * wrote, exactly as if the transactions had committed one after the other.
 *
 * <p>Failure is isolated: if any work of a batch throws, or the commit fails, the batch is rolled
 * back and each of its works runs again on its own transaction (deadlock and lock-wait victims
 * rerun up to {@link SqlTransactions#MAX_ATTEMPTS} times), so one bad command costs its neighbours
 * a rerun, never their outcome. Work must therefore be safe to run twice (see {@link SqlWork}).
 *
 * <p>A batch can do per-batch what each work would otherwise do per work (see {@link BatchScope}):
 * with a {@link Prologue}, it locks every key of the batch in one statement before the work runs
 * (and may read their rows in one more), and writes the rows work deferred in one statement per
 * table before it commits.
 *
 * <p>Each lane has one thread; callers get a future and never hold a connection while they wait.
 */
public final class GroupCommit implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /**
   * Locks a batch's keys, all at once, before its work runs, and may read for the whole batch what
   * each work would otherwise read on its own, attaching it to the batch's scope.
   */
  @FunctionalInterface
  public interface Prologue {
    /**
     * @param keys the batch's keys, sorted, so that concurrent batches lock in one order
     * @param scope the batch's scope, which already counts {@code keys} as locked
     */
    void open(Connection c, List<String> keys, BatchScope scope) throws SQLException;
  }

  private final DataSource dataSource;
  private final Optional<Prologue> prologue;
  private final ToIntFunction<String> spread;
  private final int maxBatch;
  private final long lingerNanos;
  private final Lane[] lanes;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final LongAdder batches = new LongAdder();
  private final LongAdder works = new LongAdder();
  private final LongAdder reruns = new LongAdder();

  /**
   * Starts the lanes' threads.
   *
   * @param dataSource where connections come from; a busy lane keeps one (see {@link
   *     HeldConnection}), an idle one gives it back after a second
   * @param lanes how many batches may run at once (each needs a pooled connection meanwhile)
   * @param maxBatch the most works one transaction takes
   * @param name names the threads ({@code name-commit-1})
   */
  public GroupCommit(DataSource dataSource, int lanes, int maxBatch, String name) {
    this(dataSource, lanes, maxBatch, name, Optional.empty());
  }

  /**
   * @param prologue locks each batch's keys before its work runs; the work then finds them
   *     {@linkplain BatchScope#locked locked}
   */
  public GroupCommit(
      DataSource dataSource, int lanes, int maxBatch, String name, Optional<Prologue> prologue) {
    this(dataSource, lanes, maxBatch, name, prologue, String::hashCode);
  }

  /**
   * @param spread picks a key's lane: keys it maps to one value share a lane, so work that would
   *     otherwise wait across lanes (for rows neighbouring in an index) can be kept in one; equal
   *     keys must map to equal values
   */
  public GroupCommit(
      DataSource dataSource,
      int lanes,
      int maxBatch,
      String name,
      Optional<Prologue> prologue,
      ToIntFunction<String> spread) {
    this(dataSource, lanes, maxBatch, name, prologue, spread, Duration.ZERO);
  }

  /**
   * @param linger how long a lane that found other work queued with its first waits for more before
   *     it starts the batch: that much latency under load for fewer statements and commits per
   *     command; zero starts at once. A lane that found fewer than {@link #LINGER_FROM} works
   *     queued starts at once (a lightly loaded gateway gains nothing by waiting).
   */
  public GroupCommit(
      DataSource dataSource,
      int lanes,
      int maxBatch,
      String name,
      Optional<Prologue> prologue,
      ToIntFunction<String> spread,
      Duration linger) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.prologue = Objects.requireNonNull(prologue, "prologue");
    this.spread = Objects.requireNonNull(spread, "spread");
    if (lanes < 1 || lanes > 64) {
      throw new IllegalArgumentException("lanes must be in 1..64 but was " + lanes);
    }
    if (maxBatch < 1 || maxBatch > 10_000) {
      throw new IllegalArgumentException("maxBatch must be in 1..10000 but was " + maxBatch);
    }
    Objects.requireNonNull(name, "name");
    this.maxBatch = maxBatch;
    if (linger.isNegative() || linger.compareTo(MAX_LINGER) > 0) {
      throw new IllegalArgumentException(
          "linger must be in 0.." + MAX_LINGER + " but was " + linger);
    }
    this.lingerNanos = linger.toNanos();
    this.lanes = new Lane[lanes];
    for (int i = 0; i < lanes; i++) {
      this.lanes[i] = new Lane(name + "-commit-" + (i + 1));
      this.lanes[i].thread.start();
    }
  }

  /**
   * Queues {@code work} on the lane of {@code key}.
   *
   * @param what names the work in logs
   * @return completes with the work's result once its transaction committed, or exceptionally with
   *     what the work threw (a {@link SQLException} as is) or why it could not commit
   */
  public <T> CompletableFuture<T> submit(String what, String key, SqlWork<T> work) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(work, "work");
    Entry<T> entry = new Entry<>(what, key, work);
    if (closed.get()) {
      entry.result.completeExceptionally(new IllegalStateException("group commit is closed"));
      return entry.result;
    }
    Lane lane = lanes[Math.floorMod(spread.applyAsInt(key), lanes.length)];
    lane.queue.add(entry);
    // Closed between the check and the add, after the lane's last look at its queue: nobody else
    // will ever run it.
    if (lane.exited && lane.queue.remove(entry)) {
      entry.result.completeExceptionally(new IllegalStateException("group commit is closed"));
    }
    return entry.result;
  }

  /**
   * {@link #submit} and wait: for callers on threads that may block.
   *
   * @throws SQLException what the work or the commit threw
   */
  public <T> T call(String what, String key, SqlWork<T> work) throws SQLException {
    try {
      return submit(what, key, work).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Counters since start, for metrics and tests. */
  public record Stats(long batches, long works, long reruns) {}

  public Stats stats() {
    return new Stats(batches.sum(), works.sum(), reruns.sum());
  }

  /** Refuses new work, finishes what is queued, and stops the lanes (waits up to 10 s). */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (Lane lane : lanes) {
      lane.queue.add(Entry.STOP);
    }
    for (Lane lane : lanes) {
      try {
        lane.thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** How long a lane keeps its connection with nothing to do before giving it back. */
  private static final long IDLE_RELEASE_MILLIS = 1_000;

  /**
   * How many works a lane must have found queued before it lingers for more: with two or three it
   * is only moderately busy, and waiting there cost more latency than the larger batch saved
   * (measured, loadtest/PIPELINE-BENCHMARK.md session 7: p50 at 2,500 commands/s 5.1-6.6 ms with a
   * linger from two, 3.8-4.9 from four; p99 at 5,000/s about the same).
   */
  static final int LINGER_FROM = 4;

  /** The longest {@code linger}: beyond it the wait is latency no batch size pays back. */
  public static final Duration MAX_LINGER = Duration.ofMillis(100);

  private final class Lane implements Runnable {
    final BlockingQueue<Entry<?>> queue = new LinkedBlockingQueue<>();
    final Thread thread;
    final HeldConnection connection = new HeldConnection(dataSource);
    volatile boolean exited;

    Lane(String name) {
      this.thread = new Thread(this, name);
      this.thread.setDaemon(true);
    }

    @Override
    public void run() {
      List<Entry<?>> batch = new ArrayList<>(maxBatch);
      boolean stopping = false;
      while (!stopping || !queue.isEmpty()) {
        try {
          Entry<?> first;
          if (stopping) {
            first = queue.poll();
            if (first == null) {
              break;
            }
          } else if (connection.holding()) {
            first = queue.poll(IDLE_RELEASE_MILLIS, TimeUnit.MILLISECONDS);
            if (first == null) {
              connection.release();
              continue;
            }
          } else {
            first = queue.take();
          }
          if (first == Entry.STOP) {
            stopping = true;
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, maxBatch - 1);
          if (lingerNanos > 0 && batch.size() >= LINGER_FROM && batch.size() < maxBatch) {
            // Several were queued already: the lane is busy and more are on their way. One wait,
            // not a wake-up per arrival, which would cost the CPU the wait is meant to save.
            LockSupport.parkNanos(lingerNanos);
            queue.drainTo(batch, maxBatch - batch.size());
          }
          if (batch.remove(Entry.STOP)) {
            stopping = true;
          }
          runBatch(batch, connection);
        } catch (InterruptedException e) {
          stopping = true;
        } catch (RuntimeException | Error e) {
          // runBatch completes every future itself; reaching here is a bug, and the lane must
          // not die of it or every later caller of its numbers would wait forever.
          log.error("group commit - lane {} failed a batch", thread.getName(), e);
          connection.discard();
          for (Entry<?> entry : batch) {
            entry.result.completeExceptionally(e);
          }
        } finally {
          batch.clear();
        }
      }
      connection.release();
      exited = true;
      List<Entry<?>> stranded = new ArrayList<>();
      queue.drainTo(stranded);
      stranded.remove(Entry.STOP);
      failAll(stranded, new IllegalStateException("group commit is closed"));
    }
  }

  private void runBatch(List<Entry<?>> batch, HeldConnection connection) {
    batches.increment();
    works.add(batch.size());
    Connection c;
    try {
      c = connection.get();
    } catch (SQLException e) {
      // No database to talk to: rerunning each work would only wait for it again, once per work.
      failAll(batch, e);
      return;
    }
    Throwable failure = null;
    BatchScope scope = null;
    try {
      scope = open(c, batch, true);
      Connection exposed = scope.expose(c);
      for (Entry<?> entry : batch) {
        entry.runOn(exposed);
      }
      scope.writeDeferred(c);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      failure = e;
      connection.discard();
    } catch (Error e) {
      connection.discard();
      throw e;
    }
    if (failure == null) {
      for (Entry<?> entry : batch) {
        entry.complete();
      }
      return;
    }
    // A row that waited failed (at the end, or written early by a work): its work, rerun alone,
    // writes it at once, where the work may know what to do with the failure.
    boolean waitingRowFailed = scope != null && scope.writeFailed();
    if (batch.size() == 1 && !waitingRowFailed && !SqlErrors.isTransient(failure)) {
      batch.get(0).result.completeExceptionally(failure);
      return;
    }
    log.debug(
        "group commit - batch of {} failed ({}); running each on its own",
        batch.size(),
        failure.toString());
    for (int i = 0; i < batch.size(); i++) {
      reruns.increment();
      SQLException unreachable = runAlone(batch.get(i));
      if (unreachable != null) {
        failAll(batch.subList(i + 1, batch.size()), unreachable);
        return;
      }
    }
  }

  /**
   * Runs {@code entry} in a transaction of its own and completes it.
   *
   * @return why no connection could be had, if so (the entry is then failed with it)
   */
  private SQLException runAlone(Entry<?> entry) {
    // Set once a connection was had: a failure before that means the database is out of reach.
    boolean[] connected = {false};
    try {
      SqlTransactions.run(
          dataSource,
          entry.what,
          c -> {
            connected[0] = true;
            BatchScope scope = open(c, List.of(entry), false);
            entry.runOn(scope.expose(c));
            scope.writeDeferred(c);
            return null;
          });
    } catch (SQLException e) {
      entry.result.completeExceptionally(e);
      return connected[0] ? null : e;
    } catch (RuntimeException | Error e) {
      entry.result.completeExceptionally(e);
      return null;
    }
    entry.complete();
    return null;
  }

  /** Starts a batch's scope on {@code c}: locks its keys first if there is a prologue. */
  private BatchScope open(Connection c, List<Entry<?>> batch, boolean deferring)
      throws SQLException {
    if (prologue.isEmpty()) {
      return new BatchScope(Set.of(), deferring);
    }
    TreeSet<String> keys = new TreeSet<>();
    for (Entry<?> entry : batch) {
      keys.add(entry.key);
    }
    BatchScope scope = new BatchScope(keys, deferring);
    prologue.get().open(c, List.copyOf(keys), scope);
    return scope;
  }

  private static void failAll(List<Entry<?>> entries, Throwable failure) {
    for (Entry<?> entry : entries) {
      entry.result.completeExceptionally(failure);
    }
  }

  private static final class Entry<T> {
    static final Entry<Object> STOP = new Entry<>("stop", "", c -> null);

    final String what;
    final String key;
    final SqlWork<T> work;
    final CompletableFuture<T> result = new CompletableFuture<>();
    private T value;

    Entry(String what, String key, SqlWork<T> work) {
      this.what = what;
      this.key = key;
      this.work = work;
    }

    void runOn(Connection c) throws SQLException {
      value = work.run(c);
    }

    /** After the commit: only now may the caller act on the result. */
    void complete() {
      result.complete(value);
    }
  }
}
