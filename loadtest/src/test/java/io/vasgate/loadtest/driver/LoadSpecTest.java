package io.vasgate.loadtest.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.smpp.pdu.BindType;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadSpecTest {

  private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 2775);

  private static LoadSpec spec(BindType type, int binds, int window, Duration duration) {
    return new LoadSpec(
        SERVER,
        "demo",
        "demo",
        type,
        binds,
        window,
        Duration.ZERO,
        duration,
        Duration.ofSeconds(1));
  }

  @Test
  void acceptsTransmitterAndTransceiverLoads() {
    assertThat(spec(BindType.TRANSMITTER, 1, 1, Duration.ofSeconds(1)).window()).isEqualTo(1);
    assertThat(spec(BindType.TRANSCEIVER, 4, 100, Duration.ofSeconds(1)).binds()).isEqualTo(4);
  }

  @Test
  void rejectsReceiverBindsThatCannotSubmit() {
    assertThatThrownBy(() -> spec(BindType.RECEIVER, 1, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RECEIVER");
  }

  @Test
  void rejectsCountsAndDurationsOutOfRange() {
    assertThatThrownBy(() -> spec(BindType.TRANSMITTER, 0, 1, Duration.ofSeconds(1)))
        .hasMessageContaining("binds");
    assertThatThrownBy(() -> spec(BindType.TRANSMITTER, 1, 0, Duration.ofSeconds(1)))
        .hasMessageContaining("window");
    assertThatThrownBy(
            () -> spec(BindType.TRANSMITTER, 1, LoadSpec.MAX_WINDOW + 1, Duration.ofSeconds(1)))
        .hasMessageContaining("window");
    assertThatThrownBy(() -> spec(BindType.TRANSMITTER, 1, 1, Duration.ZERO))
        .hasMessageContaining("duration");
  }

  @Test
  void rejectsCredentialsTooLongForABind() {
    assertThatThrownBy(
            () ->
                LoadSpec.transmitters(
                    SERVER,
                    "a-very-long-system-id",
                    "demo",
                    1,
                    1,
                    Duration.ZERO,
                    Duration.ofSeconds(1)))
        .hasMessageContaining("system_id");
  }
}
