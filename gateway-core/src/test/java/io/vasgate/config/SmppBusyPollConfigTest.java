package io.vasgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmppBusyPollConfigTest {

  private final GatewayConfigLoader loader = new GatewayConfigLoader();

  @Test
  void busyPollingIsOnByDefault() {
    assertThat(loader.parse("", Path.of("conf")).smpp().busyPollMicros())
        .isEqualTo(SmppServerConfig.DEFAULT_BUSY_POLL_MICROS)
        .isPositive();
  }

  @Test
  void zeroSwitchesBusyPollingOff() {
    assertThat(
            loader.parse("smpp:\n  busyPollMicros: 0\n", Path.of("conf")).smpp().busyPollMicros())
        .isZero();
  }

  @Test
  void readsTheBudgetFromTheFileAndFromTheCommandLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, "smpp:\n  busyPollMicros: 250\n");
    assertThat(loader.load(file, Map.of(), Map.of()).smpp().busyPollMicros()).isEqualTo(250);
    assertThat(
            loader
                .load(file, Map.of(), Map.of("smpp.busyPollMicros", "40"))
                .smpp()
                .busyPollMicros())
        .isEqualTo(40);
  }

  @Test
  void outOfRangeBudgetNamesTheKey() {
    assertThatThrownBy(() -> loader.parse("smpp:\n  busyPollMicros: -1\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("smpp.busyPollMicros: must be in 0..1000");
    assertThatThrownBy(() -> loader.parse("smpp:\n  busyPollMicros: 5000\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("smpp.busyPollMicros: must be in 0..1000");
  }

  @Test
  void responsesAreFlushedTogetherUpToFlushAfterWhichIsValidated() {
    assertThat(loader.parse("", Path.of("conf")).smpp().flushAfter()).isEqualTo(256);
    assertThat(loader.parse("smpp:\n  flushAfter: 4\n", Path.of("conf")).smpp().flushAfter())
        .isEqualTo(4);
    assertThatThrownBy(() -> loader.parse("smpp:\n  flushAfter: 0\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("smpp.flushAfter: must be in 1..4096");
  }

  @Test
  void aBurstsFirstWriteHoldsFlushFirstResponsesWhichIsValidated() {
    assertThat(loader.parse("", Path.of("conf")).smpp().flushFirst()).isEqualTo(2);
    assertThat(loader.parse("smpp:\n  flushFirst: 16\n", Path.of("conf")).smpp().flushFirst())
        .isEqualTo(16);
    assertThatThrownBy(() -> loader.parse("smpp:\n  flushFirst: 0\n", Path.of("conf")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("smpp.flushFirst: must be in 1..4096");
  }
}
