package io.vasgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
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
}
