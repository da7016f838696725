package io.vasgate.loadtest.server;

import io.vasgate.app.Gateway;
import io.vasgate.config.GatewayConfig;
import io.vasgate.config.GatewayConfigLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our gateway as shipped ({@link Gateway#start(GatewayConfig)}: embedded MariaDB, admin HTTP,
 * metrics, the accepting request handler that validates each message), with one change to the demo
 * account: its rate limit and window are raised so that the throttle never answers instead of the
 * server. Usage: {@code VasgateServerMain <mariadb-data-dir> [smpp.key=value ...]}, each setting
 * written into the smpp section (e.g. {@code smpp.busyPollMicros=0}).
 */
public final class VasgateServerMain {

  /** The demo account's rate limit: the loader's maximum, far above what two cores can carry. */
  static final int MAX_SUBMIT_PER_SECOND = 1_000_000;

  /** The demo account's window: ten times the largest benchmark window. */
  static final int WINDOW_SIZE = 1_000;

  /** Binds the demo account may hold; above any benchmark's bind count. */
  static final int MAX_BINDS = 64;

  private VasgateServerMain() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: VasgateServerMain <mariadb-data-dir> [smpp.key=value ...]");
      System.exit(StandaloneServer.EXIT_START_FAILED);
    }
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    List<String> settings = Arrays.asList(args).subList(1, args.length);
    System.exit(StandaloneServer.serve(() -> start(dataDir, settings), System.in, System.out));
  }

  /** Starts the gateway with its embedded MariaDB under {@code dataDir}. */
  public static BenchmarkServer start(Path dataDir) throws InterruptedException {
    return start(dataDir, List.of());
  }

  /** As {@link #start(Path)} with {@code smpp.key=value} settings. */
  public static BenchmarkServer start(Path dataDir, List<String> smppSettings)
      throws InterruptedException {
    Gateway gateway = Gateway.start(config(dataDir, smppSettings));
    int port = gateway.smppAddress().getPort();
    return new BenchmarkServer() {
      @Override
      public int port() {
        return port;
      }

      @Override
      public void close() {
        gateway.close();
      }
    };
  }

  /**
   * The benchmark configuration: the shipped defaults (conf/gateway.yaml) with free loopback ports,
   * the given data directory and the raised demo account.
   */
  public static GatewayConfig config(Path dataDir) {
    return config(dataDir, List.of());
  }

  /**
   * As {@link #config(Path)} with {@code smppSettings}, each {@code smpp.key=value}, in the smpp
   * section; the loader checks them like any setting.
   *
   * @throws IllegalArgumentException if a setting is not {@code smpp.key=value}
   */
  public static GatewayConfig config(Path dataDir, List<String> smppSettings) {
    // Later settings win, as on the gateway's command line; a YAML key may appear only once.
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String setting : smppSettings) {
      int eq = setting.indexOf('=');
      if (!setting.startsWith("smpp.") || eq <= "smpp.".length() || setting.contains("\n")) {
        throw new IllegalArgumentException("not smpp.key=value: " + setting);
      }
      byKey.put(setting.substring("smpp.".length(), eq), setting.substring(eq + 1));
    }
    StringBuilder smpp = new StringBuilder();
    byKey.forEach(
        (key, value) -> smpp.append("  ").append(key).append(": ").append(value).append('\n'));
    String yaml =
        """
        smpp:
          host: %s
          port: 0
        %sadmin:
          host: %s
          port: 0
        database:
          url: ""
          embedded:
            dataDir: "%s"
            port: 0
        shutdown:
          gracePeriod: 2s
        accounts:
          - systemId: %s
            password: %s
            role: ESME
            bindTypes: [TRANSMITTER, TRANSCEIVER]
            maxBinds: %d
            maxSubmitPerSecond: %d
            windowSize: %d
        """
            .formatted(
                BenchmarkServer.HOST,
                smpp,
                BenchmarkServer.HOST,
                dataDir.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\""),
                BenchmarkServer.SYSTEM_ID,
                BenchmarkServer.PASSWORD,
                MAX_BINDS,
                MAX_SUBMIT_PER_SECOND,
                WINDOW_SIZE);
    return new GatewayConfigLoader().parse(yaml, dataDir);
  }
}
