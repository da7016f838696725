package io.vasgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shared transactions on the real database: batching, isolation of failures, order per key. */
class GroupCommitTest {

  private static Database db;

  @BeforeAll
  static void start() throws SQLException {
    db = TestDatabases.newDatabase("group_commit");
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE gc_probe (id INT AUTO_INCREMENT PRIMARY KEY, k VARCHAR(20) NOT NULL,"
              + " v INT NOT NULL, UNIQUE KEY uk (k, v)) ENGINE=InnoDB");
    }
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @BeforeEach
  void empty() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM gc_probe");
    }
  }

  private static SqlWork<Integer> insert(String k, int v) {
    return c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO gc_probe (k, v) VALUES (?, ?)")) {
        ps.setString(1, k);
        ps.setInt(2, v);
        return ps.executeUpdate();
      }
    };
  }

  private static List<Integer> values(String k) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT v FROM gc_probe WHERE k = ? ORDER BY id")) {
      ps.setString(1, k);
      List<Integer> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
      return out;
    }
  }

  /** Holds the lane in its first work until released, so later submissions queue behind it. */
  private static SqlWork<Integer> gate(CountDownLatch entered, CountDownLatch release) {
    return c -> {
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    };
  }

  @Test
  void workQueuedWhileABatchRunsCommitsTogetherInOneTransaction() throws Exception {
    try (GroupCommit gc = new GroupCommit(db.dataSource(), 1, 64, "t")) {
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Integer> first = gc.submit("gate", "a", gate(entered, release));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      List<CompletableFuture<Integer>> queued = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        queued.add(gc.submit("insert", "k" + i, insert("together", i)));
      }
      release.countDown();
      first.join();
      CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).join();

      assertThat(values("together")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
      assertThat(gc.stats().works()).isEqualTo(11);
      assertThat(gc.stats().batches()).isEqualTo(2);
    }
  }

  @Test
  void aLaneThatFoundSeveralWorksQueuedLingersForMoreBeforeItStartsTheirBatch() throws Exception {
    try (GroupCommit gc = lingering(GroupCommit.MAX_LINGER)) {
      List<CompletableFuture<Integer>> early = new ArrayList<>();
      try (LaneGate gate = LaneGate.hold(gc, "a")) {
        for (int i = 0; i < GroupCommit.LINGER_FROM; i++) {
          early.add(gc.submit("insert", "k" + i, insert("lingered", i)));
        }
      }
      // Submitted after the gate's batch ended: the lane is lingering over the queued works.
      Thread.sleep(40);
      CompletableFuture<Integer> late = gc.submit("insert", "late", insert("lingered", 99));
      CompletableFuture.allOf(early.toArray(CompletableFuture[]::new)).join();
      late.join();

      assertThat(values("lingered")).hasSize(GroupCommit.LINGER_FROM + 1).contains(99);
      assertThat(gc.stats().batches()).isEqualTo(2);
    }
  }

  @Test
  void aLaneThatFoundFewWorksQueuedStartsAtOnceWhateverItsLinger() throws Exception {
    try (GroupCommit gc = lingering(GroupCommit.MAX_LINGER)) {
      gc.submit("insert", "k0", insert("few", 0)).join(); // the lane's connection, once
      List<CompletableFuture<Integer>> few = new ArrayList<>();
      long released;
      try (LaneGate gate = LaneGate.hold(gc, "a")) {
        for (int i = 1; i < GroupCommit.LINGER_FROM; i++) {
          few.add(gc.submit("insert", "k" + i, insert("few", i)));
        }
        released = System.nanoTime();
      }
      CompletableFuture.allOf(few.toArray(CompletableFuture[]::new)).join();
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released);

      assertThat(values("few")).hasSize(GroupCommit.LINGER_FROM);
      assertThat(tookMillis).isLessThan(GroupCommit.MAX_LINGER.toMillis());
    }
  }

  @Test
  void aLingerBeyondTheLimitIsRefused() {
    assertThatThrownBy(() -> lingering(GroupCommit.MAX_LINGER.plusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("linger");
  }

  private static GroupCommit lingering(Duration linger) {
    return new GroupCommit(db.dataSource(), 1, 64, "t", Optional.empty(), String::hashCode, linger);
  }

  @Test
  void aFailingWorkFailsAloneAndItsNeighboursStillCommit() throws Exception {
    try (GroupCommit gc = new GroupCommit(db.dataSource(), 1, 64, "t")) {
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      gc.submit("gate", "a", gate(entered, release));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Integer> before = gc.submit("ok", "a", insert("iso", 1));
      CompletableFuture<Integer> bad =
          gc.submit(
              "bad",
              "a",
              c -> {
                insert("iso", 2).run(c); // written, then the work fails: must not be kept
                throw new SQLException("boom");
              });
      CompletableFuture<Integer> after = gc.submit("ok", "a", insert("iso", 3));
      release.countDown();

      assertThat(before.join()).isEqualTo(1);
      assertThat(after.join()).isEqualTo(1);
      assertThatThrownBy(bad::join)
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(SQLException.class)
          .hasRootCauseMessage("boom");
      assertThat(values("iso")).containsExactly(1, 3);
      assertThat(gc.stats().reruns()).isEqualTo(3);
    }
  }

  @Test
  void callRethrowsTheWorksOwnSqlException() {
    try (GroupCommit gc = new GroupCommit(db.dataSource(), 2, 64, "t")) {
      gc.call("first", "dup", insert("dup", 1));
      assertThatThrownBy(() -> gc.call("again", "dup", insert("dup", 1)))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1062));
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void oneKeysWorkRunsInSubmissionOrderAcrossBatches() throws Exception {
    try (GroupCommit gc = new GroupCommit(db.dataSource(), 4, 3, "t")) {
      List<CompletableFuture<Integer>> all = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        all.add(gc.submit("ordered", "same-number", insert("ordered", i)));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        expected.add(i);
      }
      assertThat(values("ordered")).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void keysTheSpreadMapsToOneValueShareALane() throws Exception {
    try (GroupCommit gc =
        new GroupCommit(
            db.dataSource(), 4, 64, "spread", java.util.Optional.empty(), key -> key.charAt(0))) {
      List<CompletableFuture<String>> lanes = new ArrayList<>();
      for (String key : List.of("a1", "a2", "a3", "b1", "b2", "a4")) {
        lanes.add(gc.submit("where", key, c -> Thread.currentThread().getName()));
      }
      List<String> threads = lanes.stream().map(CompletableFuture::join).toList();
      assertThat(List.of(threads.get(0), threads.get(1), threads.get(2), threads.get(5)))
          .containsOnly(threads.get(0));
      assertThat(threads.get(4)).isEqualTo(threads.get(3));
      // 'a' (97) and 'b' (98) fall in neighbouring lanes of four.
      assertThat(threads.get(3)).isNotEqualTo(threads.get(0));
    }
  }

  @Test
  void aResultIsHandedOverOnlyOnceOtherConnectionsCanSeeIt() throws Exception {
    try (GroupCommit gc = new GroupCommit(db.dataSource(), 1, 64, "t")) {
      for (int i = 0; i < 20; i++) {
        gc.call("visible", "v", insert("visible", i));
        assertThat(values("visible")).hasSize(i + 1);
      }
    }
  }

  @Test
  void noDatabaseFailsEveryQueuedWorkWithoutWaitingOncePerWork() throws Exception {
    HikariDataSource broken = new HikariDataSource();
    broken.setJdbcUrl("jdbc:mysql://127.0.0.1:1/none");
    broken.setConnectionTimeout(250);
    broken.setInitializationFailTimeout(-1);
    try (broken;
        GroupCommit gc = new GroupCommit(broken, 1, 64, "t")) {
      List<CompletableFuture<Integer>> all = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        all.add(gc.submit("doomed", "x", insert("doomed", i)));
      }
      for (CompletableFuture<Integer> f : all) {
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
            .hasCauseInstanceOf(SQLException.class);
      }
      // One connection attempt per batch, not per work: 20 works cannot need 20 timeouts.
      assertThat(gc.stats().batches()).isLessThan(20);
    }
  }

  @Test
  void workSubmittedAfterCloseIsRefusedAndQueuedWorkIsFinished() throws Exception {
    GroupCommit gc = new GroupCommit(db.dataSource(), 1, 64, "t");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    gc.submit("gate", "a", gate(entered, release));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Integer> queued = gc.submit("queued", "a", insert("closing", 1));
    Thread closer = new Thread(gc::close);
    closer.start();
    release.countDown();
    closer.join(10_000);
    assertThat(queued.join()).isEqualTo(1);
    assertThat(values("closing")).containsExactly(1);
    assertThatThrownBy(() -> gc.submit("late", "a", insert("closing", 2)).join())
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aBatchLocksAllItsKeysOnceUpFrontInSortedOrder() throws Exception {
    List<List<String>> locked = new java.util.concurrent.CopyOnWriteArrayList<>();
    GroupCommit.Prologue prologue = (c, keys, scope) -> locked.add(keys);
    try (GroupCommit gc =
        new GroupCommit(db.dataSource(), 1, 64, "t", java.util.Optional.of(prologue))) {
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      gc.submit("gate", "m", gate(entered, release));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      List<CompletableFuture<Boolean>> seen = new ArrayList<>();
      for (String key : List.of("c", "a", "b", "a")) {
        seen.add(gc.submit("probe", key, c -> BatchScope.of(c).orElseThrow().locked(key)));
      }
      CompletableFuture<Boolean> other =
          gc.submit("probe", "z", c -> BatchScope.of(c).orElseThrow().locked("a"));
      release.countDown();

      assertThat(seen).allSatisfy(f -> assertThat(f.join()).isTrue());
      assertThat(other.join()).isTrue(); // a batch-mate's key: locked for the whole batch
      assertThat(locked).containsExactly(List.of("m"), List.of("a", "b", "c", "z"));
    }
  }

  @Test
  void aWaitingRowThatFailsAtTheBatchsEndIsWrittenAtOnceWhenItsWorkRerunsAlone() throws Exception {
    MultiRowInsert insert = new MultiRowInsert("INSERT INTO gc_probe (k, v) VALUES (?, ?)");
    try (Connection c = db.dataSource().getConnection()) {
      insert("taken", 1).run(c);
    }
    try (GroupCommit gc = new GroupCommit(db.dataSource(), 1, 64, "t")) {
      // The work knows what a duplicate means to it; waiting for the batch's end, the row would
      // fail at the commit instead, out of the work's reach.
      SqlWork<String> expectsDuplicates = c -> writeExpectingDuplicate(insert, c, "taken", 1);

      assertThat(gc.submit("insert", "k", expectsDuplicates).join()).isEqualTo("already there");
      assertThat(gc.stats().reruns()).isEqualTo(1);
    }
  }

  @Test
  void aWaitingRowThatFailsWhenAWorkWritesItEarlyIsAlsoWrittenAtOnceOnTheRerun() throws Exception {
    MultiRowInsert insert = new MultiRowInsert("INSERT INTO gc_probe (k, v) VALUES (?, ?)");
    try (Connection c = db.dataSource().getConnection()) {
      insert("early", 1).run(c);
    }
    try (GroupCommit gc = new GroupCommit(db.dataSource(), 1, 64, "t")) {
      SqlWork<String> work =
          c -> {
            String written = writeExpectingDuplicate(insert, c, "early", 1);
            if (!written.equals("written")) {
              return written;
            }
            // A reader of the table writes what waits first: here the row fails.
            BatchScope.of(c).orElseThrow().writeDeferred(c);
            return "written";
          };

      assertThat(gc.submit("insert", "k", work).join()).isEqualTo("already there");
    }
  }

  /**
   * Writes (k, v) through {@code insert}; "already there" when the row is refused as a duplicate.
   */
  private static String writeExpectingDuplicate(
      MultiRowInsert insert, Connection c, String k, int v) throws SQLException {
    try {
      insert.writeOn(
          c,
          List.of(
              (ps, first) -> {
                ps.setString(first, k);
                ps.setInt(first + 1, v);
              }));
      return "written";
    } catch (SQLException e) {
      if (e.getErrorCode() == 1062) {
        return "already there";
      }
      throw e;
    }
  }

  @Test
  void deferredRowsAreWrittenTogetherBeforeTheCommitAndNotForAFailedWork() throws Exception {
    MultiRowInsert insert = new MultiRowInsert("INSERT INTO gc_probe (k, v) VALUES (?, ?)");
    try (GroupCommit gc = new GroupCommit(db.dataSource(), 1, 64, "t")) {
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      gc.submit("gate", "a", gate(entered, release));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      List<CompletableFuture<Integer>> ok = new ArrayList<>();
      CompletableFuture<Integer> bad = null;
      for (int i = 0; i < 6; i++) {
        int v = i;
        SqlWork<Integer> work =
            c -> {
              BatchScope.of(c)
                  .orElseThrow()
                  .defer(
                      insert,
                      (ps, first) -> {
                        ps.setString(first, "deferred");
                        ps.setInt(first + 1, v);
                      });
              if (v == 3) {
                throw new SQLException("fails after deferring");
              }
              return v;
            };
        if (i == 3) {
          bad = gc.submit("bad", "k" + i, work);
        } else {
          ok.add(gc.submit("ok", "k" + i, work));
        }
      }
      release.countDown();
      CompletableFuture.allOf(ok.toArray(CompletableFuture[]::new)).join();
      assertThatThrownBy(bad::join).hasCauseInstanceOf(SQLException.class);
      assertThat(values("deferred")).containsExactly(0, 1, 2, 4, 5);
    }
  }

  @Test
  void aConnectionOutsideABatchHasNoScope() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      assertThat(BatchScope.of(c)).isEmpty();
    }
  }

  @Test
  void workCannotEndTheSharedTransactionItself() {
    try (GroupCommit gc = new GroupCommit(db.dataSource(), 1, 64, "t")) {
      assertThatThrownBy(
              () ->
                  gc.call(
                      "sneaky",
                      "a",
                      c -> {
                        insert("sneaky", 1).run(c);
                        c.commit();
                        return 0;
                      }))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("commit inside a shared transaction");
      assertThat(values("sneaky")).isEmpty();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
