package io.vasgate.loadtest.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.account.AccountSpec;
import io.vasgate.config.GatewayConfig;
import io.vasgate.smpp.pdu.BindType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VasgateServerMainTest {

  @Test
  void raisesTheDemoAccountSoTheThrottleNeverAnswers(@TempDir Path dir) {
    GatewayConfig config = VasgateServerMain.config(dir.resolve("db"));

    assertThat(config.accounts()).hasSize(1);
    AccountSpec demo = config.accounts().get(0);
    assertThat(demo.systemId()).isEqualTo(BenchmarkServer.SYSTEM_ID);
    assertThat(demo.password()).isEqualTo(BenchmarkServer.PASSWORD);
    assertThat(demo.maxSubmitPerSecond()).isEqualTo(VasgateServerMain.MAX_SUBMIT_PER_SECOND);
    assertThat(demo.windowSize()).isGreaterThanOrEqualTo(100);
    assertThat(demo.maxBinds()).isGreaterThanOrEqualTo(4);
    assertThat(demo.allowedBindTypes()).contains(BindType.TRANSMITTER, BindType.TRANSCEIVER);
  }

  @Test
  void listensOnLoopbackOnlyWithTheEmbeddedDatabaseInTheGivenDirectory(@TempDir Path dir) {
    Path data = dir.resolve("with \"quote\" and space");

    GatewayConfig config = VasgateServerMain.config(data);

    assertThat(config.smpp().host()).isEqualTo("127.0.0.1");
    assertThat(config.smpp().port()).isZero();
    assertThat(config.admin().host()).isEqualTo("127.0.0.1");
    assertThat(config.database().url()).isEmpty();
    assertThat(config.database().embeddedDataDir()).isEqualTo(data.toAbsolutePath());
  }
}
