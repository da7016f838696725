package io.vasgate.app;

import io.vasgate.config.ConfigException;
import io.vasgate.config.GatewayConfig;
import io.vasgate.config.GatewayConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar gateway-core.jar [--config conf/gateway.yaml] [--set key=value ...]}. */
@Command(
    name = "vasgate",
    mixinStandardHelpOptions = true,
    version = "vasgate 0.1.0",
    description = "SMS/USSD gateway and subscription command processor.")
public final class GatewayMain implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(GatewayMain.class);

  @Option(
      names = {"-c", "--config"},
      description = "The configuration file (default: ${DEFAULT-VALUE}).",
      defaultValue = "conf/gateway.yaml")
  Path configFile;

  @Option(
      names = "--set",
      description = "Override one setting, e.g. --set smpp.port=2776 (repeatable).")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = "--database-url", description = "A jdbc:mysql:// URL; none starts MariaDB.")
  String databaseUrl;

  @Option(names = "--smpp-port", description = "The SMPP listener port.")
  Integer smppPort;

  @Option(names = "--admin-port", description = "The admin HTTP port.")
  Integer adminPort;

  public static void main(String[] args) {
    System.exit(new CommandLine(new GatewayMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> cli = new LinkedHashMap<>(overrides);
    if (databaseUrl != null) {
      cli.put("database.url", databaseUrl);
    }
    if (smppPort != null) {
      cli.put("smpp.port", smppPort.toString());
    }
    if (adminPort != null) {
      cli.put("admin.port", adminPort.toString());
    }
    GatewayConfig config;
    try {
      config = new GatewayConfigLoader().load(configFile, System.getenv(), cli);
    } catch (ConfigException e) {
      log.error("configuration error in {}: {}", configFile, e.getMessage());
      return 2;
    }
    Gateway gateway = Gateway.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.close();
                  stopped.countDown();
                },
                "vasgate-shutdown"));
    stopped.await();
    return 0;
  }
}
