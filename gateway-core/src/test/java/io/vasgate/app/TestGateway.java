package io.vasgate.app;

import io.vasgate.config.GatewayConfig;
import io.vasgate.config.GatewayConfigLoader;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * A whole gateway for tests: real SMPP and HTTP listeners on free loopback ports and a fresh schema
 * on the shared embedded MariaDB.
 */
public final class TestGateway {

  /** Accounts every test gateway has, besides what a test adds. */
  public static final String ACCOUNTS =
      """
      accounts:
        - systemId: demo
          password: demo
          maxBinds: 16
          maxSubmitPerSecond: 1000000
          windowSize: 100
        - systemId: mo
          password: mo
          role: MO_SOURCE
          bindTypes: [TRANSMITTER, TRANSCEIVER]
        - systemId: rxonly
          password: rxonly
          bindTypes: [RECEIVER]
        - systemId: slow
          password: slow
          maxSubmitPerSecond: 5
        - systemId: onebind
          password: onebind
          maxBinds: 1
      """;

  /** Bearer token of the test gateway's OPERATOR user {@code ops}. */
  public static final String OPERATOR_TOKEN = "ops-test-token-0123456789";

  /** Bearer token of the test gateway's READ_ONLY user {@code viewer}. */
  public static final String VIEWER_TOKEN = "viewer-test-token-0123456789";

  /** Admin API users every test gateway has. */
  public static final String ADMIN_USERS =
      """
        users:
          - name: ops
            token: %s
            role: OPERATOR
          - name: viewer
            token: %s
            role: READ_ONLY
      """
          .formatted(OPERATOR_TOKEN, VIEWER_TOKEN);

  private TestGateway() {}

  /**
   * The shipped conf/catalog.yaml, found from the module directory tests run in, so every test
   * gateway starts with the sample catalog the README and the demo use.
   */
  public static Path shippedCatalog() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("conf").resolve("catalog.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "conf/catalog.yaml not found above " + Path.of("").toAbsolutePath());
  }

  /**
   * Starts a gateway with {@code smppSettings} (YAML lines under {@code smpp:}) and the test
   * accounts.
   */
  public static Gateway start(String purpose, String smppSettings) throws InterruptedException {
    return start(purpose, smppSettings, "");
  }

  /**
   * Starts a gateway with {@code smppSettings} under {@code smpp:} and {@code moreYaml} (whole
   * top-level sections such as {@code billing:}) added to the test configuration.
   */
  public static Gateway start(String purpose, String smppSettings, String moreYaml)
      throws InterruptedException {
    return Gateway.start(config(smppSettings, moreYaml), TestDatabases.newDatabase(purpose));
  }

  /**
   * Starts a gateway with the test configuration whose time comes from {@code clock}, e.g. a {@code
   * ManualInstantSource} the test moves by hand.
   */
  public static Gateway start(String purpose, InstantSource clock) throws InterruptedException {
    return Gateway.start(config("", ""), TestDatabases.newDatabase(purpose), clock);
  }

  private static GatewayConfig config(String smppSettings, String moreYaml) {
    String yaml =
        "smpp:\n  host: 127.0.0.1\n  port: 0\n"
            + smppSettings.indent(2)
            + "admin:\n  host: 127.0.0.1\n  port: 0\n"
            + ADMIN_USERS
            + "catalog:\n  seedFile: \""
            + shippedCatalog().toString().replace("\\", "/")
            + "\"\n"
            + "shutdown:\n  gracePeriod: 2s\n"
            + moreYaml
            + ACCOUNTS;
    return new GatewayConfigLoader().parse(yaml, Path.of("conf"));
  }

  /**
   * Starts a gateway on {@code database} (which it then owns) with {@code moreYaml} added: e.g. a
   * second gateway on another's schema, with a {@code node:} id of its own.
   */
  public static Gateway start(Database database, String moreYaml) throws InterruptedException {
    return Gateway.start(config("", moreYaml), database);
  }

  public static Gateway start(String purpose) throws InterruptedException {
    return start(purpose, "");
  }
}
