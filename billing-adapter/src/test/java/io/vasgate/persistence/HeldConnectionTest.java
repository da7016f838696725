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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A writer's kept connection: reused while busy, given back when idle, old or broken. */
class HeldConnectionTest {

  private static Database db;

  @BeforeAll
  static void start() {
    db = TestDatabases.newDatabase("held_connection");
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  private static int active() {
    return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
  }

  @Test
  void keepsOneConnectionInManualCommitUntilReleased() throws SQLException {
    AtomicLong now = new AtomicLong();
    int before = active();
    try (HeldConnection held =
        new HeldConnection(db.dataSource(), Duration.ofMinutes(1), now::get)) {
      Connection first = held.get();
      assertThat(first.getAutoCommit()).isFalse();
      assertThat(held.get()).isSameAs(first);
      assertThat(active()).isEqualTo(before + 1);
      held.release();
      assertThat(held.holding()).isFalse();
      assertThat(active()).isEqualTo(before);
    }
  }

  @Test
  void aConnectionHeldLongerThanItsLimitGoesBackToThePool() throws SQLException {
    AtomicLong now = new AtomicLong();
    try (HeldConnection held =
        new HeldConnection(db.dataSource(), Duration.ofSeconds(60), now::get)) {
      Connection first = held.get();
      now.addAndGet(Duration.ofSeconds(59).toNanos());
      assertThat(held.get()).isSameAs(first);
      now.addAndGet(Duration.ofSeconds(2).toNanos());
      Connection second = held.get();
      assertThat(second).isNotSameAs(first);
      assertThat(first.isClosed()).isTrue();
    }
  }

  @Test
  void aDiscardedConnectionLosesItsUncommittedWork() throws SQLException {
    try (HeldConnection held = new HeldConnection(db.dataSource())) {
      Connection c = held.get();
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS held_probe (id INT PRIMARY KEY)");
      c.createStatement().execute("DELETE FROM held_probe");
      c.commit();
      c.createStatement().execute("INSERT INTO held_probe VALUES (1)");
      held.discard();
      Connection next = held.get();
      assertThat(next).isNotSameAs(c);
      try (var rs = next.createStatement().executeQuery("SELECT COUNT(*) FROM held_probe")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  private static int selectOne(PreparedStatement ps, int value) throws SQLException {
    ps.setInt(1, value);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void aStatementItsCallerClosedServesTheNextCallerOfTheSameSql() throws SQLException {
    try (HeldConnection held = new HeldConnection(db.dataSource())) {
      Connection c = held.get();
      PreparedStatement first = c.prepareStatement("SELECT ? + 1");
      PreparedStatement underlying = first.unwrap(PreparedStatement.class);
      assertThat(selectOne(first, 1)).isEqualTo(2);
      assertThat(first.getConnection()).isSameAs(c);
      first.close();
      assertThat(first.isClosed()).isTrue();
      long prepared = TestDatabases.sessionStatus(c, "Com_stmt_prepare");
      try (PreparedStatement again = c.prepareStatement("SELECT ? + 1")) {
        assertThat(again.unwrap(PreparedStatement.class)).isSameAs(underlying);
        assertThat(selectOne(again, 41)).isEqualTo(42);
      }
      assertThat(TestDatabases.sessionStatus(c, "Com_stmt_prepare")).isEqualTo(prepared);
      assertThat(held.keptStatements()).isEqualTo(1);
    }
  }

  @Test
  void aHandleClosedOnceIsDeadAndCannotReachTheNextCallersLease() throws SQLException {
    try (HeldConnection held = new HeldConnection(db.dataSource())) {
      Connection c = held.get();
      PreparedStatement stale = c.prepareStatement("SELECT ? + 2");
      PreparedStatement underlying = stale.unwrap(PreparedStatement.class);
      stale.close();
      try (PreparedStatement current = c.prepareStatement("SELECT ? + 2")) {
        stale.close();
        assertThatThrownBy(() -> stale.setInt(1, 1)).isInstanceOf(SQLException.class);
        try (PreparedStatement other = c.prepareStatement("SELECT ? + 2")) {
          assertThat(other.unwrap(PreparedStatement.class))
              .as("the second close of the stale handle did not free the current lease")
              .isNotSameAs(underlying);
        }
        assertThat(selectOne(current, 1)).isEqualTo(3);
      }
    }
  }

  @Test
  void aParameterTheNextCallerForgetsIsRefusedNotTakenFromTheLastCaller() throws SQLException {
    try (HeldConnection held = new HeldConnection(db.dataSource())) {
      Connection c = held.get();
      try (PreparedStatement ps = c.prepareStatement("SELECT ? + ?")) {
        ps.setInt(1, 1);
        ps.setInt(2, 2);
        ps.executeQuery().close();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT ? + ?")) {
        ps.setInt(1, 1);
        assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class);
      }
    }
  }

  @Test
  void aBatchRowMissingAParameterTheLastCallerSetIsRefused() throws SQLException {
    try (HeldConnection held = new HeldConnection(db.dataSource())) {
      Connection c = held.get();
      String insert = "INSERT INTO held_pairs (a, b) VALUES (?, ?)";
      try (Statement ddl = c.createStatement()) {
        ddl.execute("CREATE TABLE IF NOT EXISTS held_pairs (a INT NOT NULL, b INT NOT NULL)");
      }
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        ps.setInt(1, 1);
        ps.setInt(2, 2);
        ps.addBatch();
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        ps.setInt(2, 4);
        assertThatThrownBy(ps::addBatch)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("parameter 1");
      }
      c.rollback();
    }
  }

  @Test
  void aStatementStillInUseIsNotHandedOutAgain() throws SQLException {
    try (HeldConnection held = new HeldConnection(db.dataSource())) {
      Connection c = held.get();
      try (PreparedStatement outer = c.prepareStatement("SELECT ? * 2");
          PreparedStatement inner = c.prepareStatement("SELECT ? * 2")) {
        assertThat(inner).isNotSameAs(outer);
        outer.setInt(1, 5);
        try (ResultSet rs = outer.executeQuery()) {
          assertThat(selectOne(inner, 7)).isEqualTo(14);
          rs.next();
          assertThat(rs.getInt(1)).as("the outer results survive the inner query").isEqualTo(10);
        }
      }
    }
  }

  @Test
  void rowsAddedButNeverExecutedDoNotGoOutWithTheNextBatch() throws SQLException {
    try (HeldConnection held = new HeldConnection(db.dataSource())) {
      Connection c = held.get();
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS held_batch (id INT PRIMARY KEY)");
      c.createStatement().execute("DELETE FROM held_batch");
      String insert = "INSERT INTO held_batch (id) VALUES (?)";
      try (PreparedStatement abandoned = c.prepareStatement(insert)) {
        abandoned.setInt(1, 1);
        abandoned.addBatch();
      }
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        ps.setInt(1, 2);
        ps.addBatch();
        ps.executeBatch();
      }
      c.commit();
      try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM held_batch")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void givingTheConnectionBackClosesWhatItKept() throws SQLException {
    try (HeldConnection held = new HeldConnection(db.dataSource())) {
      Connection c = held.get();
      PreparedStatement ps = c.prepareStatement("SELECT ? - 1");
      PreparedStatement underlying = ps.unwrap(PreparedStatement.class);
      assertThat(selectOne(ps, 1)).isZero();
      ps.close();
      assertThat(underlying.isClosed()).isFalse();
      held.release();
      assertThat(held.keptStatements()).isZero();
      assertThat(underlying.isClosed()).isTrue();
      Connection next = held.get();
      try (PreparedStatement fresh = next.prepareStatement("SELECT ? - 1")) {
        assertThat(selectOne(fresh, 3)).isEqualTo(2);
      }
    }
  }

  @Test
  void keepsABoundedNumberOfStatements() throws SQLException {
    try (HeldConnection held = new HeldConnection(db.dataSource())) {
      Connection c = held.get();
      for (int i = 0; i < HeldConnection.MAX_KEPT + 10; i++) {
        try (PreparedStatement ps = c.prepareStatement("SELECT ? + " + i)) {
          assertThat(selectOne(ps, 1)).isEqualTo(1 + i);
        }
      }
      assertThat(held.keptStatements()).isEqualTo(HeldConnection.MAX_KEPT);
    }
  }
}
