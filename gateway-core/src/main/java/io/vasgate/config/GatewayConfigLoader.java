package io.vasgate.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vasgate.account.AccountSpec;
import io.vasgate.account.CidrRange;
import io.vasgate.account.EsmeRole;
import io.vasgate.billing.charging.boss.BossConfig;
import io.vasgate.catalog.CatalogConfig;
import io.vasgate.persistence.DatabaseConfig;
import io.vasgate.persistence.EmbeddedMariaDb;
import io.vasgate.persistence.GroupCommit;
import io.vasgate.pipeline.BillingConfig;
import io.vasgate.pipeline.PipelineConfig;
import io.vasgate.smpp.pdu.BindType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code conf/gateway.yaml}, applies overrides from the environment and the command line, and
 * builds a validated {@link GatewayConfig}.
 *
 * <p>Overrides are dotted keys ({@code smpp.port=2776}); environment variables map to them as
 * {@code VASGATE_SMPP_PORT}, {@code VASGATE_DATABASE_URL}. The command line wins over the
 * environment, which wins over the file.
 */
public final class GatewayConfigLoader {

  /** Environment variables that may override the file, by the dotted key they set. */
  public static final Map<String, String> ENVIRONMENT_KEYS =
      Map.of(
          "VASGATE_DATABASE_URL", "database.url",
          "VASGATE_DATABASE_USER", "database.user",
          "VASGATE_DATABASE_PASSWORD", "database.password",
          "VASGATE_SMPP_HOST", "smpp.host",
          "VASGATE_SMPP_PORT", "smpp.port",
          "VASGATE_ADMIN_HOST", "admin.host",
          "VASGATE_ADMIN_PORT", "admin.port",
          "VASGATE_NODE_ID", "node.id");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  public GatewayConfig load(Path file, Map<String, String> environment, Map<String, String> cli) {
    JsonNode parsed;
    try {
      parsed = Files.exists(file) ? yaml.readTree(file.toFile()) : null;
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          file.toString(),
          "is not valid YAML at line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot be read: " + e.getMessage());
    }
    JsonNode tree =
        parsed == null || parsed.isMissingNode() || parsed.isNull()
            ? yaml.createObjectNode()
            : parsed;
    if (!tree.isObject()) {
      throw new ConfigException(file.toString(), "must be a YAML mapping at the top");
    }
    Map<String, String> overrides = new TreeMap<>();
    ENVIRONMENT_KEYS.forEach(
        (env, key) -> {
          String value = environment.get(env);
          if (value != null) {
            overrides.put(key, value);
          }
        });
    overrides.putAll(cli);
    overrides.forEach((key, value) -> set((ObjectNode) tree, key, value));
    return parse(tree, file.toAbsolutePath().getParent());
  }

  /** Parses a YAML document given as text, for tests. */
  public GatewayConfig parse(String yamlText, Path baseDir) {
    try {
      JsonNode tree = yaml.readTree(yamlText);
      return parse(tree == null ? yaml.createObjectNode() : tree, baseDir);
    } catch (JsonProcessingException e) {
      throw new ConfigException("(document)", "is not valid YAML: " + e.getOriginalMessage());
    }
  }

  private static void set(ObjectNode root, String dottedKey, String value) {
    if (!dottedKey.matches("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*")) {
      throw new ConfigException(dottedKey, "is not a valid setting name");
    }
    String[] parts = dottedKey.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = node.get(parts[i]);
      if (next == null || next.isNull()) {
        next = node.putObject(parts[i]);
      } else if (!next.isObject()) {
        throw new ConfigException(dottedKey, "cannot be set: " + parts[i] + " is not a mapping");
      }
      node = (ObjectNode) next;
    }
    node.put(parts[parts.length - 1], value);
  }

  private GatewayConfig parse(JsonNode tree, Path baseDir) {
    ConfigNode root = new ConfigNode("", tree);
    ConfigNode node = root.child("node");
    int nodeId = node.integer("id", 0, 0, 1023);
    node.rejectUnknownKeys();

    ConfigNode smppNode = root.child("smpp");
    SmppServerConfig smpp = smppNode.build(SmppServerConfig::from);
    smppNode.rejectUnknownKeys();

    ConfigNode adminNode = root.child("admin");
    AdminConfig admin = adminNode.build(AdminConfig::from);
    adminNode.rejectUnknownKeys();

    ConfigNode dbNode = root.child("database");
    DatabaseConfig database = dbNode.build(n -> database(n, baseDir));
    dbNode.rejectUnknownKeys();

    ConfigNode shutdown = root.child("shutdown");
    Duration grace =
        shutdown.duration(
            "gracePeriod", Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(10));
    shutdown.rejectUnknownKeys();

    List<AccountSpec> accounts = new ArrayList<>();
    for (ConfigNode account : root.children("accounts")) {
      accounts.add(account.build(GatewayConfigLoader::account));
      account.rejectUnknownKeys();
    }

    ConfigNode catalogNode = root.child("catalog");
    CatalogConfig catalog = catalogNode.build(n -> CatalogConfig.from(n, baseDir));
    catalogNode.rejectUnknownKeys();

    ConfigNode pipelineNode = root.child("pipeline");
    PipelineConfig pipeline = pipelineNode.build(GatewayConfigLoader::pipeline);
    pipelineNode.rejectUnknownKeys();

    ConfigNode billingNode = root.child("billing");
    BillingConfig billing = billingNode.build(GatewayConfigLoader::billing);
    billingNode.rejectUnknownKeys();

    root.rejectUnknownKeys();
    return new GatewayConfig(
        nodeId, smpp, admin, database, grace, accounts, catalog, pipeline, billing);
  }

  private static BillingConfig billing(ConfigNode n) {
    BillingConfig.Mode mode =
        n.enumValue("mode", BillingConfig.Mode.class, BillingConfig.Mode.LEDGER);
    ConfigNode b = n.child("boss");
    Optional<String> url = b.optionalString("baseUrl").map(String::trim).filter(u -> !u.isEmpty());
    // Every key is read, set or not, so a misspelt one fails even while the BOSS is unused.
    BossConfig d = BossConfig.defaults(java.net.URI.create("http://unused"));
    Duration requestTimeout =
        b.duration(
            "requestTimeout",
            d.requestTimeout(),
            BossConfig.MIN_REQUEST_TIMEOUT,
            BossConfig.MAX_REQUEST_TIMEOUT);
    int maxAttempts = b.integer("maxAttempts", d.maxAttempts(), 1, BossConfig.MAX_ATTEMPTS);
    Duration initialBackoff =
        b.duration(
            "initialBackoff", d.initialBackoff(), Duration.ofMillis(1), Duration.ofMinutes(1));
    Duration maxBackoff =
        b.duration("maxBackoff", d.maxBackoff(), Duration.ofMillis(1), Duration.ofMinutes(10));
    int threshold =
        b.integer(
            "breakerFailureThreshold",
            d.breakerFailureThreshold(),
            1,
            BossConfig.MAX_BREAKER_THRESHOLD);
    Duration coolDown =
        b.duration(
            "breakerCoolDown", d.breakerCoolDown(), Duration.ofMillis(1), Duration.ofHours(1));
    b.rejectUnknownKeys();
    Optional<BossConfig> boss = Optional.empty();
    if (url.isPresent()) {
      java.net.URI uri;
      try {
        uri = java.net.URI.create(url.get());
      } catch (IllegalArgumentException e) {
        throw new ConfigException("billing.boss.baseUrl", "is not a URL: '" + url.get() + "'");
      }
      boss =
          Optional.of(
              b.build(
                  x ->
                      new BossConfig(
                          uri,
                          requestTimeout,
                          maxAttempts,
                          initialBackoff,
                          maxBackoff,
                          threshold,
                          coolDown)));
    }
    if (mode == BillingConfig.Mode.BOSS && boss.isEmpty()) {
      throw new ConfigException("billing.boss.baseUrl", "is required when billing.mode is BOSS");
    }
    return new BillingConfig(mode, boss);
  }

  private static PipelineConfig pipeline(ConfigNode n) {
    PipelineConfig d = PipelineConfig.defaults();
    String status = n.string("temporaryFailureStatus", "ESME_RX_T_APPN").trim();
    int code =
        switch (status.toUpperCase(Locale.ROOT)) {
          case "ESME_RX_T_APPN", "0X64" -> PipelineConfig.RX_T_APPN;
          case "ESME_RSYSERR", "0X08", "0X8" -> PipelineConfig.RSYSERR;
          default ->
              throw new ConfigException(
                  "pipeline.temporaryFailureStatus",
                  "must be ESME_RX_T_APPN or ESME_RSYSERR but was '" + status + "'");
        };
    String zone = n.string("zone", d.zone().getId());
    java.time.ZoneId zoneId;
    try {
      zoneId = java.time.ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      throw new ConfigException("pipeline.zone", "is not a time zone: '" + zone + "'");
    }
    return new PipelineConfig(
        code,
        n.duration("dedupWindow", d.dedupWindow(), Duration.ofSeconds(1), Duration.ofDays(1)),
        n.duration(
            "reassemblyTimeout", d.reassemblyTimeout(), Duration.ofSeconds(1), Duration.ofHours(1)),
        n.integer("journalBatch", d.journalBatch(), 1, 10_000),
        zoneId,
        n.integer("maxBacklog", d.maxBacklog(), 1, 1_000_000),
        n.string("notifyVia", d.notifyVia()),
        n.integer("commitLanes", d.commitLanes(), 1, 64),
        n.integer("commitBatch", d.commitBatch(), 1, 10_000),
        n.duration("commitLinger", d.commitLinger(), Duration.ZERO, GroupCommit.MAX_LINGER),
        n.integer("workers", d.workers(), 1, 4096));
  }

  private static AccountSpec account(ConfigNode n) {
    Set<BindType> bindTypes = EnumSet.noneOf(BindType.class);
    for (String type : n.strings("bindTypes")) {
      bindTypes.add(ConfigNode.parseEnum("bindTypes", BindType.class, type));
    }
    if (bindTypes.isEmpty()) {
      bindTypes = EnumSet.allOf(BindType.class);
    }
    List<CidrRange> allowlist = new ArrayList<>();
    for (String range : n.strings("allowedIps")) {
      allowlist.add(CidrRange.parse(range));
    }
    return new AccountSpec(
        n.requiredString("systemId"),
        n.requiredString("password"),
        bindTypes,
        n.integer("maxBinds", 4, 1, 1000),
        allowlist,
        n.enumValue("role", EsmeRole.class, EsmeRole.ESME),
        n.integer("maxSubmitPerSecond", 1000, 1, 1_000_000),
        n.integer("windowSize", 100, 1, 10_000),
        n.bool("enabled", true));
  }

  private static DatabaseConfig database(ConfigNode n, Path baseDir) {
    Optional<String> url = n.optionalString("url").map(String::trim).filter(s -> !s.isEmpty());
    if (url.isPresent() && !url.get().toLowerCase(Locale.ROOT).startsWith("jdbc:mysql://")) {
      throw new ConfigException(
          "database.url", "must be a jdbc:mysql:// URL but was '" + url.get() + "'");
    }
    ConfigNode embedded = n.child("embedded");
    Path dataDir = Path.of(embedded.string("dataDir", "data/mariadb"));
    if (!dataDir.isAbsolute() && baseDir != null && baseDir.getParent() != null) {
      // Relative to the folder that holds conf/, so the data lands in <install>/data.
      dataDir = baseDir.getParent().resolve(dataDir).normalize();
    }
    DatabaseConfig config =
        new DatabaseConfig(
            url,
            n.string("user", "vasgate"),
            n.string("password", ""),
            n.integer("maximumPoolSize", 16, 1, 1000),
            n.duration(
                "connectionTimeout",
                Duration.ofSeconds(10),
                Duration.ofMillis(250),
                Duration.ofMinutes(5)),
            dataDir,
            embedded.integer("port", 0, 0, 65535),
            embedded.string("databaseName", "vasgate"),
            new EmbeddedMariaDb.Sizing(
                embedded.integer(
                    "bufferPoolMiB",
                    EmbeddedMariaDb.Sizing.MARIADB_DEFAULTS.bufferPoolMiB(),
                    EmbeddedMariaDb.Sizing.MIN_BUFFER_POOL_MIB,
                    EmbeddedMariaDb.Sizing.MAX_BUFFER_POOL_MIB),
                embedded.integer(
                    "redoLogMiB",
                    EmbeddedMariaDb.Sizing.MARIADB_DEFAULTS.redoLogMiB(),
                    EmbeddedMariaDb.Sizing.MIN_REDO_LOG_MIB,
                    EmbeddedMariaDb.Sizing.MAX_REDO_LOG_MIB)));
    embedded.rejectUnknownKeys();
    return config;
  }
}
