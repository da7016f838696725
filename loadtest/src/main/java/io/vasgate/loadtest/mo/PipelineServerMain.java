package io.vasgate.loadtest.mo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vasgate.app.Gateway;
import io.vasgate.config.GatewayConfig;
import io.vasgate.config.GatewayConfigLoader;
import io.vasgate.loadtest.server.BenchmarkServer;
import io.vasgate.loadtest.server.StandaloneServer;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.EmbeddedMariaDb;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The gateway as shipped for the pipeline benchmark, in its own JVM: conf/gateway.yaml with the
 * sample catalog seeded from conf/catalog.yaml, on a fresh embedded MariaDB, with only what a
 * benchmark needs changed: free loopback ports, and the MO-source account {@code mo} allowed enough
 * binds, window and rate that its limits never answer instead of the pipeline.
 *
 * <p>Usage: {@code PipelineServerMain <data-dir> <mariadb-base-dir> <gateway.yaml> [key=value ...]}
 * where each {@code key=value} overrides one setting as {@code --set} does for the gateway (e.g.
 * {@code pipeline.journalBatch=1000}, {@code database.maximumPoolSize=32}). Prints {@code DATABASE
 * <jdbc-url>} (root, no password: the benchmark reads the server's statement counters there), then
 * {@code READY <port>}; stops when its stdin closes (see {@link StandaloneServer}).
 */
public final class PipelineServerMain {

  /** The line prefix announcing the embedded MariaDB's JDBC URL. */
  public static final String DATABASE_PREFIX = "DATABASE ";

  /** Binds the MO-source account may hold: above any benchmark's bind count. */
  static final int MAX_BINDS = 64;

  /** Its window: no benchmark keeps this many MOs unanswered on one bind. */
  static final int WINDOW_SIZE = 10_000;

  /** Its rate limit: the loader's maximum, far above what two cores carry. */
  static final int MAX_SUBMIT_PER_SECOND = 1_000_000;

  /** The embedded database's schema name, as shipped. */
  static final String DATABASE_NAME = "vasgate";

  /** MariaDB's administrative user on the embedded server, which has no password. */
  static final String DATABASE_USER = "root";

  private PipelineServerMain() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println(
          "usage: PipelineServerMain <data-dir> <mariadb-base-dir> <gateway.yaml> [key=value ...]");
      System.exit(StandaloneServer.EXIT_START_FAILED);
    }
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    Path baseDir = Path.of(args[1]).toAbsolutePath();
    Path gatewayYaml = Path.of(args[2]).toAbsolutePath();
    List<String> overrides = Arrays.asList(args).subList(3, args.length);
    System.exit(
        StandaloneServer.serve(
            () -> start(dataDir, baseDir, gatewayYaml, overrides, System.out),
            System.in,
            System.out));
  }

  /** Starts MariaDB and the gateway on it; announces the database on {@code out}. */
  public static BenchmarkServer start(
      Path dataDir, Path baseDir, Path gatewayYaml, List<String> overrides, PrintStream out)
      throws InterruptedException {
    // The embedded server is sized as the configuration says (database.embedded.*), like the
    // gateway's own; the URL is only known once it runs.
    EmbeddedMariaDb.Sizing sizing =
        config(gatewayYaml, "jdbc:mysql://127.0.0.1/unknown", overrides)
            .database()
            .embeddedSizing();
    EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, baseDir, 0, sizing);
    Gateway gateway;
    String url;
    try {
      db.createDatabase(DATABASE_NAME);
      url = db.jdbcUrl(DATABASE_NAME);
      GatewayConfig config = config(gatewayYaml, url, overrides);
      gateway = Gateway.start(config, Database.open(url, DATABASE_USER, "", config.database()));
    } catch (RuntimeException | InterruptedException e) {
      db.close();
      deleteQuietly(dataDir);
      throw e;
    }
    out.println(DATABASE_PREFIX + url);
    int port = gateway.smppAddress().getPort();
    return new BenchmarkServer() {
      @Override
      public int port() {
        return port;
      }

      @Override
      public void close() {
        gateway.close();
        db.close();
      }
    };
  }

  /**
   * conf/gateway.yaml with the benchmark's changes (see the class comment) and then {@code
   * overrides}, each {@code dotted.key=value}.
   *
   * @throws io.vasgate.config.ConfigException if the result is not a valid configuration
   * @throws IllegalArgumentException if an override is not {@code key=value} or the file has no
   *     {@code mo} account
   */
  public static GatewayConfig config(Path gatewayYaml, String databaseUrl, List<String> overrides) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode tree;
    try {
      tree = yaml.readTree(gatewayYaml.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + gatewayYaml, e);
    }
    ObjectNode root = (ObjectNode) tree;
    set(root, "smpp.host", BenchmarkServer.HOST);
    set(root, "smpp.port", "0");
    set(root, "admin.host", BenchmarkServer.HOST);
    set(root, "admin.port", "0");
    set(root, "database.url", databaseUrl);
    set(root, "shutdown.gracePeriod", "2s");
    boolean found = false;
    for (JsonNode account : root.withArray("accounts")) {
      if (MoLoadSpec.DEMO_SYSTEM_ID.equals(account.path("systemId").asText())) {
        ((ObjectNode) account).put("maxBinds", MAX_BINDS);
        ((ObjectNode) account).put("windowSize", WINDOW_SIZE);
        ((ObjectNode) account).put("maxSubmitPerSecond", MAX_SUBMIT_PER_SECOND);
        found = true;
      }
    }
    if (!found) {
      throw new IllegalArgumentException(
          gatewayYaml + " has no account '" + MoLoadSpec.DEMO_SYSTEM_ID + "' to drive");
    }
    for (String override : overrides) {
      int eq = override.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not key=value: " + override);
      }
      set(root, override.substring(0, eq).trim(), override.substring(eq + 1).trim());
    }
    try {
      return new GatewayConfigLoader()
          .parse(yaml.writeValueAsString(root), gatewayYaml.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A database that never served: nothing in it is worth keeping. */
  private static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Left for the next clean of the work directory.
    }
  }

  private static void set(ObjectNode root, String dottedKey, String value) {
    String[] parts = dottedKey.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = node.get(parts[i]);
      node = next instanceof ObjectNode o ? o : node.putObject(parts[i]);
    }
    node.put(parts[parts.length - 1], value);
  }
}
