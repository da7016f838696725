package io.vasgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigLoaderTest {

  private final GatewayConfigLoader loader = new GatewayConfigLoader();

  @Test
  void emptyDocumentGivesLoopbackDefaultsAndEmbeddedDatabase() {
    GatewayConfig config = loader.parse("", Path.of("/opt/vasgate/conf"));
    assertThat(config.smpp().host()).isEqualTo("127.0.0.1");
    assertThat(config.smpp().port()).isEqualTo(2775);
    assertThat(config.admin().port()).isEqualTo(8080);
    assertThat(config.database().url()).isEmpty();
    assertThat(config.database().embeddedDataDir()).isEqualTo(Path.of("/opt/vasgate/data/mariadb"));
    assertThat(config.database().embeddedSizing())
        .isEqualTo(io.vasgate.persistence.EmbeddedMariaDb.Sizing.MARIADB_DEFAULTS);
    assertThat(config.smpp().enquireLinkInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void readsEveryDurationUnit() {
    GatewayConfig config =
        loader.parse(
            """
            smpp:
              bindTimeout: 1500ms
              enquireLinkInterval: 2m
              responseTimeout: 7s
            shutdown:
              gracePeriod: 0s
            """,
            Path.of("conf"));
    assertThat(config.smpp().bindTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.smpp().enquireLinkInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.smpp().responseTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(config.shutdownGracePeriod()).isZero();
  }

  @Test
  void misspeltKeyStopsStartUpNamingTheKey() {
    assertThatThrownBy(() -> loader.parse("smpp:\n  prot: 2775\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("smpp.prot: is not a known setting");
  }

  @Test
  void outOfRangePortNamesTheKey() {
    assertThatThrownBy(() -> loader.parse("smpp:\n  port: 70000\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("smpp.port: must be in 0..65535");
  }

  @Test
  void badDurationNamesTheKey() {
    assertThatThrownBy(() -> loader.parse("smpp:\n  responseTimeout: soon\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("smpp.responseTimeout: must be a duration");
  }

  @Test
  void nonMysqlDatabaseUrlIsRefused() {
    assertThatThrownBy(() -> loader.parse("database:\n  url: jdbc:h2:mem:x\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("database.url: must be a jdbc:mysql:// URL");
  }

  @Test
  void embeddedDatabaseSizingIsReadAndBounded() {
    GatewayConfig config =
        loader.parse(
            "database:\n  embedded:\n    bufferPoolMiB: 1024\n    redoLogMiB: 512\n",
            Path.of("conf"));
    assertThat(config.database().embeddedSizing())
        .isEqualTo(new io.vasgate.persistence.EmbeddedMariaDb.Sizing(1024, 512));
    assertThatThrownBy(
            () -> loader.parse("database:\n  embedded:\n    redoLogMiB: 2\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("database.embedded.redoLogMiB:");
  }

  @Test
  void sameSmppAndAdminPortIsAContradiction() {
    assertThatThrownBy(
            () -> loader.parse("smpp:\n  port: 9000\nadmin:\n  port: 9000\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("admin.port:");
  }

  @Test
  void commandLineBeatsEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, "smpp:\n  port: 1111\nadmin:\n  port: 2222\n");
    GatewayConfig config =
        loader.load(
            file,
            Map.of("VASGATE_SMPP_PORT", "3333", "VASGATE_ADMIN_PORT", "4444"),
            Map.of("smpp.port", "5555"));
    assertThat(config.smpp().port()).isEqualTo(5555);
    assertThat(config.admin().port()).isEqualTo(4444);
  }

  @Test
  void databaseUrlFromEnvironmentSwitchesOffTheEmbeddedServer(@TempDir Path dir) {
    GatewayConfig config =
        loader.load(
            dir.resolve("missing.yaml"),
            Map.of("VASGATE_DATABASE_URL", "jdbc:mysql://db.internal:3306/vasgate"),
            Map.of());
    assertThat(config.database().url()).contains("jdbc:mysql://db.internal:3306/vasgate");
  }

  @Test
  void invalidYamlReportsTheLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, "smpp:\n  port: [1\n");
    assertThatThrownBy(() -> loader.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not valid YAML at line");
  }

  @Test
  void readsAccountsWithDefaults() {
    GatewayConfig config =
        loader.parse(
            """
            accounts:
              - systemId: demo
                password: demo
              - systemId: mo
                password: mo
                role: mo_source
                bindTypes: [transceiver]
                allowedIps: [127.0.0.0/8]
                maxSubmitPerSecond: 5000
            """,
            Path.of("conf"));
    assertThat(config.accounts()).hasSize(2);
    assertThat(config.accounts().get(0).allowedBindTypes()).hasSize(3);
    assertThat(config.accounts().get(1).role()).isEqualTo(io.vasgate.account.EsmeRole.MO_SOURCE);
    assertThat(config.accounts().get(1).allowedBindTypes())
        .containsExactly(io.vasgate.smpp.pdu.BindType.TRANSCEIVER);
    assertThat(config.accounts().get(1).maxSubmitPerSecond()).isEqualTo(5000);
  }

  @Test
  void accountProblemsNameTheAccount() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    "accounts:\n  - systemId: a\n    password: b\n    allowedIps: [300.1.1.1/8]\n",
                    Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("accounts[0]");
    assertThatThrownBy(
            () ->
                loader.parse(
                    "accounts:\n  - systemId: a\n    password: b\n  - systemId: a\n    password: c\n",
                    Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("accounts[1].systemId");
    assertThatThrownBy(() -> loader.parse("accounts:\n  - systemId: a\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("accounts[0].password: is required");
  }

  @Test
  void pipelineDefaultsAnswerTemporaryErrorsWithRxTAppn() {
    GatewayConfig config = loader.parse("", Path.of("conf"));
    assertThat(config.pipeline().temporaryFailureStatus()).isEqualTo(0x64);
    assertThat(config.pipeline().dedupWindow()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.pipeline().zone().getId()).isEqualTo("Asia/Shanghai");
  }

  @Test
  void pipelineSettingsAreReadAndCheckedByName() {
    GatewayConfig config =
        loader.parse(
            "pipeline:\n  temporaryFailureStatus: ESME_RSYSERR\n  dedupWindow: 30s\n",
            Path.of("conf"));
    assertThat(config.pipeline().temporaryFailureStatus()).isEqualTo(0x08);
    assertThat(config.pipeline().dedupWindow()).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(
            () -> loader.parse("pipeline:\n  temporaryFailureStatus: ESME_ROK\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("pipeline.temporaryFailureStatus");
    assertThatThrownBy(() -> loader.parse("pipeline:\n  zone: Mars/Base\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("pipeline.zone");
  }

  @Test
  void billingDefaultsToTheInternalLedger() {
    assertThat(loader.parse("", Path.of("conf")).billing().mode())
        .isEqualTo(io.vasgate.pipeline.BillingConfig.Mode.LEDGER);
  }

  @Test
  void bossBillingNeedsItsUrlAndReadsItsSettings() {
    assertThatThrownBy(() -> loader.parse("billing:\n  mode: BOSS\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("billing.boss.baseUrl");
    GatewayConfig config =
        loader.parse(
            "billing:\n  mode: boss\n  boss:\n    baseUrl: http://127.0.0.1:9/boss\n"
                + "    maxAttempts: 5\n    requestTimeout: 750ms\n",
            Path.of("conf"));
    assertThat(config.billing().boss().orElseThrow().maxAttempts()).isEqualTo(5);
    assertThat(config.billing().boss().orElseThrow().requestTimeout())
        .isEqualTo(Duration.ofMillis(750));
    assertThatThrownBy(
            () ->
                loader.parse(
                    "billing:\n  boss:\n    baseUrl: http://x\n    retries: 3\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("billing.boss.retries: is not a known setting");
  }
}
