package io.vasgate.loadtest.mo;

import io.vasgate.loadtest.driver.ProcessCpuClock;
import io.vasgate.persistence.EmbeddedMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What one statement round trip costs on this machine, apart from everything the gateway does:
 * threads on their own connections to the embedded MariaDB, each looping over a primary-key SELECT
 * and an UPDATE (a timestamp and a counter), committing every {@code --per-commit} pairs. Reports
 * statements per second and the CPU time MariaDB and this JVM spent per statement. It is the floor
 * under the pipeline: a command that needs n sequential statements cannot cost the database less
 * than n of these.
 *
 * <pre>
 * java -cp ... io.vasgate.loadtest.mo.RoundTripProbe --threads 1,4 --server-prepared false,true
 * </pre>
 */
@Command(
    name = "round-trip-probe",
    mixinStandardHelpOptions = true,
    description = "CPU per statement round trip of the embedded MariaDB and Connector/J.")
public final class RoundTripProbe implements Callable<Integer> {

  private static final int ROWS_PER_THREAD = 2_500;

  @Option(
      names = "--threads",
      split = ",",
      defaultValue = "1,4",
      description = "Concurrent connections, one point each (${DEFAULT-VALUE}).")
  List<Integer> threads;

  @Option(
      names = "--server-prepared",
      split = ",",
      defaultValue = "false,true",
      description = "Connector/J useServerPrepStmts, one point each (${DEFAULT-VALUE}).")
  List<Boolean> serverPrepared;

  @Option(
      names = "--per-commit",
      defaultValue = "64",
      description = "SELECT+UPDATE pairs per commit (${DEFAULT-VALUE}).")
  int perCommit;

  @Option(
      names = "--seconds",
      defaultValue = "6",
      description = "Measured seconds per point, after 2 s of warm-up (${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--work-dir",
      defaultValue = "loadtest/target/round-trip-probe",
      description = "Where MariaDB's files go (${DEFAULT-VALUE}).")
  Path workDir;

  public static void main(String[] args) {
    System.exit(new CommandLine(new RoundTripProbe()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(workDir);
    try (EmbeddedMariaDb db =
        EmbeddedMariaDb.start(workDir.resolve("data"), workDir.resolve("base"), 0)) {
      db.createDatabase("probe");
      String url = db.jdbcUrl("probe");
      int maxThreads = threads.stream().mapToInt(Integer::intValue).max().orElse(1);
      createTable(url, maxThreads * ROWS_PER_THREAD);
      ProcessCpuClock jvm = ProcessCpuClock.currentProcess();
      ProcessCpuClock mariadb =
          ProcessCpuClock.processTree(
              ProcessHandle.current()
                  .descendants()
                  .filter(p -> p.info().command().orElse("").matches(".*(mariadbd|mysqld)$"))
                  .findFirst()
                  .orElseThrow(() -> new IllegalStateException("no MariaDB process found")));
      System.out.println(
          "| connections | server-prepared | statements/s | MariaDB µs CPU / statement |"
              + " JVM µs CPU / statement |");
      System.out.println("| ---: | --- | ---: | ---: | ---: |");
      for (int n : threads) {
        for (boolean server : serverPrepared) {
          String pointUrl =
              url.replace("useServerPrepStmts=false", "useServerPrepStmts=" + server)
                  .replace("useServerPrepStmts=true", "useServerPrepStmts=" + server);
          long[] counts = new long[1];
          long[] cpu = measure(pointUrl, n, jvm, mariadb, counts);
          double statements = counts[0];
          System.out.printf(
              "| %d | %s | %,.0f | %.1f | %.1f |%n",
              n,
              server,
              statements / seconds,
              cpu[1] / 1_000.0 / statements,
              cpu[0] / 1_000.0 / statements);
        }
      }
    }
    return 0;
  }

  private static void createTable(String url, int rows) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "root", "");
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS probe_row");
      s.execute(
          "CREATE TABLE probe_row (id INT PRIMARY KEY, v BIGINT NOT NULL, ts DATETIME(3) NOT NULL,"
              + " name VARCHAR(40)) ENGINE=InnoDB");
      s.execute("INSERT INTO probe_row SELECT seq, 0, NOW(3), 'x' FROM seq_0_to_" + (rows - 1));
    }
  }

  /**
   * @return CPU nanoseconds of this JVM and of MariaDB over the measured seconds; {@code
   *     statements[0]} gets the statements run in them
   */
  private long[] measure(
      String url, int n, ProcessCpuClock jvm, ProcessCpuClock mariadb, long[] statements)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      long start = System.nanoTime() + 2_000_000_000L;
      long end = start + seconds * 1_000_000_000L;
      List<Future<Long>> loops = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        int first = t * ROWS_PER_THREAD;
        loops.add(pool.submit(() -> loop(url, first, start, end)));
      }
      Thread.sleep(Math.max(0, (start - System.nanoTime()) / 1_000_000));
      long jvm0 = jvm.cpuNanos();
      long db0 = mariadb.cpuNanos();
      long total = 0;
      for (Future<Long> loop : loops) {
        total += loop.get();
      }
      statements[0] = total;
      return new long[] {jvm.cpuNanos() - jvm0, mariadb.cpuNanos() - db0};
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs SELECT+UPDATE pairs until {@code end}; returns the statements run after {@code start}. */
  private long loop(String url, int firstRow, long start, long end) throws SQLException {
    long counted = 0;
    try (Connection c = DriverManager.getConnection(url, "root", "");
        PreparedStatement select =
            c.prepareStatement("SELECT v, ts, name FROM probe_row WHERE id = ?");
        PreparedStatement update =
            c.prepareStatement("UPDATE probe_row SET v = v + 1, ts = ? WHERE id = ?")) {
      c.setAutoCommit(false);
      Random random = new Random(firstRow);
      long pairs = 0;
      while (true) {
        long now = System.nanoTime();
        if (now >= end) {
          break;
        }
        int id = firstRow + random.nextInt(ROWS_PER_THREAD);
        select.setInt(1, id);
        try (ResultSet rs = select.executeQuery()) {
          rs.next();
          rs.getLong(1);
          rs.getObject(2, LocalDateTime.class);
        }
        update.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
        update.setInt(2, id);
        update.executeUpdate();
        if (++pairs % perCommit == 0) {
          c.commit();
        }
        if (now >= start) {
          counted += 2;
        }
      }
      c.commit();
    }
    return counted;
  }
}
