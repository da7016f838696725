package io.vasgate.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one connection pool, migrated to the current schema before anyone uses it.
 *
 * <p>Every module ships its migrations under {@code classpath:db/migration}; versions are
 * partitioned by module (1xx gateway, 2xx command registry, 3xx billing) so they never collide.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final Optional<EmbeddedMariaDb> embedded;

  private Database(HikariDataSource dataSource, Optional<EmbeddedMariaDb> embedded) {
    this.dataSource = dataSource;
    this.embedded = embedded;
  }

  /** Starts the embedded server if the config has no URL, opens the pool and migrates. */
  public static Database open(DatabaseConfig config) {
    Optional<EmbeddedMariaDb> embedded = Optional.empty();
    String url;
    String user;
    String password;
    if (config.url().isPresent()) {
      url = config.url().get();
      user = config.user();
      password = config.password();
    } else {
      EmbeddedMariaDb db =
          EmbeddedMariaDb.start(
              config.embeddedDataDir(), config.embeddedPort(), config.embeddedSizing());
      embedded = Optional.of(db);
      db.createDatabase(config.embeddedDatabaseName());
      url = db.jdbcUrl(config.embeddedDatabaseName());
      user = "root";
      password = "";
    }
    try {
      Database database = new Database(pool(url, user, password, config), embedded);
      database.migrate();
      return database;
    } catch (RuntimeException e) {
      embedded.ifPresent(EmbeddedMariaDb::close);
      throw e;
    }
  }

  /** Opens a pool on a database of an already running server; the caller owns the server. */
  public static Database open(String url, String user, String password, DatabaseConfig config) {
    Database database = new Database(pool(url, user, password, config), Optional.empty());
    try {
      database.migrate();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  private static HikariDataSource pool(
      String url, String user, String password, DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("vasgate-db");
    hikari.setJdbcUrl(url);
    hikari.setUsername(user);
    hikari.setPassword(password);
    hikari.setMaximumPoolSize(config.maximumPoolSize());
    hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
    hikari.setValidationTimeout(Math.min(5000, config.connectionTimeout().toMillis() - 1));
    hikari.setInitializationFailTimeout(Duration.ofSeconds(30).toMillis());
    hikari.setAutoCommit(true);
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    return new HikariDataSource(hikari);
  }

  private void migrate() {
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(false)
            .load()
            .migrate();
    log.info(
        "vasgate-db - schema at version {} ({} migrations applied now)",
        result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
        result.migrationsExecuted);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Optional<EmbeddedMariaDb> embedded() {
    return embedded;
  }

  /** Whether a connection can be had and answers within {@code timeout}. */
  public boolean isHealthy(Duration timeout) {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid((int) Math.max(1, timeout.toSeconds()));
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
    embedded.ifPresent(EmbeddedMariaDb::close);
  }
}
