package io.vasgate.loadtest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.account.AccountSpec;
import io.vasgate.config.GatewayConfig;
import io.vasgate.smpp.pdu.BindType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  @Test
  void writesSmppSettingsIntoTheSmppSection(@TempDir Path dir) {
    GatewayConfig config =
        VasgateServerMain.config(
            dir.resolve("db"), List.of("smpp.busyPollMicros=0", "smpp.enquireLinkInterval=2m"));

    assertThat(config.smpp().busyPollMicros()).isZero();
    assertThat(config.smpp().enquireLinkInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.smpp().port()).isZero();
  }

  @Test
  void refusesASettingOutsideTheSmppSection(@TempDir Path dir) {
    assertThatThrownBy(() -> VasgateServerMain.config(dir, List.of("admin.port=1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theNoPollKindSwitchesPollingOffWhateverIsSetForTheGateway() {
    List<String> set = List.of("smpp.busyPollMicros=50");
    assertThat(ServerKind.VASGATE.arguments(set)).containsExactly("smpp.busyPollMicros=50");
    assertThat(ServerKind.VASGATE_NO_POLL.arguments(set))
        .containsExactly("smpp.busyPollMicros=50", "smpp.busyPollMicros=0");
    assertThat(ServerKind.CLOUDHOPPER.arguments(set)).isEmpty();
    assertThat(ServerKind.of("vasgate-nopoll")).isEqualTo(ServerKind.VASGATE_NO_POLL);
  }

  @Test
  void aLaterSettingOfTheSameKeyWins(@TempDir Path dir) {
    GatewayConfig config =
        VasgateServerMain.config(
            dir, ServerKind.VASGATE_NO_POLL.arguments(List.of("smpp.busyPollMicros=50")));
    assertThat(config.smpp().busyPollMicros()).isZero();
  }
}
