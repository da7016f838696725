package io.vasgate.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the gateway's MySQL-compatible database is and how to pool connections to it.
 *
 * <p>With no {@code url} the gateway starts an embedded MariaDB whose files live under {@code
 * embeddedDataDir}, so a restart keeps its state.
 *
 * @param url a {@code jdbc:mysql://} URL, or empty to start the embedded MariaDB
 * @param user the user name (ignored by the embedded database, which uses root)
 * @param password the password (ignored by the embedded database)
 * @param maximumPoolSize Hikari's pool size
 * @param connectionTimeout how long a caller waits for a pooled connection
 * @param embeddedDataDir where the embedded MariaDB keeps its data
 * @param embeddedPort the embedded MariaDB's TCP port on 127.0.0.1, 0 for any free port
 * @param embeddedDatabaseName the schema the embedded MariaDB serves
 * @param embeddedSizing the embedded MariaDB's buffer pool and redo log
 */
public record DatabaseConfig(
    Optional<String> url,
    String user,
    String password,
    int maximumPoolSize,
    Duration connectionTimeout,
    Path embeddedDataDir,
    int embeddedPort,
    String embeddedDatabaseName,
    EmbeddedMariaDb.Sizing embeddedSizing) {

  /** Connector/J is the one driver we ship; a MariaDB-style URL would silently need another. */
  public static final String URL_PREFIX = "jdbc:mysql://";

  public DatabaseConfig {
    Objects.requireNonNull(url, "database.url");
    url.ifPresent(
        u -> {
          if (!u.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException(
                "database.url must start with " + URL_PREFIX + " but was '" + u + "'");
          }
        });
    Objects.requireNonNull(user, "database.user");
    Objects.requireNonNull(password, "database.password");
    if (maximumPoolSize < 1 || maximumPoolSize > 1000) {
      throw new IllegalArgumentException(
          "database.maximumPoolSize must be in 1..1000 but was " + maximumPoolSize);
    }
    Objects.requireNonNull(connectionTimeout, "database.connectionTimeout");
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException(
          "database.connectionTimeout must be at least 250ms but was " + connectionTimeout);
    }
    Objects.requireNonNull(embeddedDataDir, "database.embedded.dataDir");
    if (embeddedPort < 0 || embeddedPort > 65535) {
      throw new IllegalArgumentException(
          "database.embedded.port must be in 0..65535 but was " + embeddedPort);
    }
    if (embeddedDatabaseName == null || !embeddedDatabaseName.matches("[A-Za-z0-9_]{1,64}")) {
      throw new IllegalArgumentException(
          "database.embedded.databaseName must match [A-Za-z0-9_]{1,64} but was '"
              + embeddedDatabaseName
              + "'");
    }
    Objects.requireNonNull(embeddedSizing, "database.embedded sizing");
  }

  /** An embedded database with sensible pool settings, for tests and the demo. */
  public static DatabaseConfig embedded(Path dataDir, String databaseName) {
    return new DatabaseConfig(
        Optional.empty(),
        "root",
        "",
        10,
        Duration.ofSeconds(10),
        dataDir,
        0,
        databaseName,
        EmbeddedMariaDb.Sizing.MARIADB_DEFAULTS);
  }

  /** A copy pointing at an existing server. */
  public DatabaseConfig withUrl(String jdbcUrl, String user, String password) {
    return new DatabaseConfig(
        Optional.of(jdbcUrl),
        user,
        password,
        maximumPoolSize,
        connectionTimeout,
        embeddedDataDir,
        embeddedPort,
        embeddedDatabaseName,
        embeddedSizing);
  }
}
