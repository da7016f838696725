package io.vasgate.app;

import io.vasgate.config.GatewayConfig;
import io.vasgate.config.GatewayConfigLoader;
import io.vasgate.persistence.TestDatabases;
import java.nio.file.Path;

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

  private TestGateway() {}

  /** Starts a gateway with {@code smppSettings} (YAML lines under {@code smpp:}) and the test accounts. */
  public static Gateway start(String purpose, String smppSettings) throws InterruptedException {
    String yaml =
        "smpp:\n  host: 127.0.0.1\n  port: 0\n"
            + smppSettings.indent(2)
            + "admin:\n  host: 127.0.0.1\n  port: 0\n"
            + "shutdown:\n  gracePeriod: 2s\n"
            + ACCOUNTS;
    GatewayConfig config = new GatewayConfigLoader().parse(yaml, Path.of("conf"));
    return Gateway.start(config, TestDatabases.newDatabase(purpose));
  }

  public static Gateway start(String purpose) throws InterruptedException {
    return start(purpose, "");
  }
}
