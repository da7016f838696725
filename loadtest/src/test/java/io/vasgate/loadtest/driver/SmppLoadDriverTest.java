package io.vasgate.loadtest.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.loadtest.server.BenchmarkServer;
import io.vasgate.loadtest.server.CloudhopperServerMain;
import io.vasgate.loadtest.server.JsmppServerMain;
import io.vasgate.smpp.pdu.CommandStatus;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives real peer servers in this JVM for about a second to check that the driver counts responses
 * and latencies consistently. Not a performance test: no assertion depends on speed.
 */
class SmppLoadDriverTest {

  private static final Duration WARMUP = Duration.ofMillis(200);
  private static final Duration DURATION = Duration.ofMillis(800);

  private static SmppLoadDriver driver;

  @BeforeAll
  static void startDriver() {
    driver = SmppLoadDriver.create();
  }

  @AfterAll
  static void stopDriver() {
    driver.close();
  }

  private static LoadSpec spec(BenchmarkServer server, String password, int binds, int window) {
    return LoadSpec.transmitters(
        new InetSocketAddress(BenchmarkServer.HOST, server.port()),
        BenchmarkServer.SYSTEM_ID,
        password,
        binds,
        window,
        WARMUP,
        DURATION);
  }

  @Test
  void countsEveryAcknowledgedSubmitOfCloudhopperOnce() throws Exception {
    try (BenchmarkServer server = CloudhopperServerMain.start()) {
      LoadResult result =
          driver.run(
              spec(server, BenchmarkServer.PASSWORD, 2, 10), ProcessCpuClock.currentProcess());

      assertConsistent(result, 2, 10);
    }
  }

  @Test
  void countsEveryAcknowledgedSubmitOfJsmppOnce() throws Exception {
    try (BenchmarkServer server = JsmppServerMain.start()) {
      LoadResult result =
          driver.run(
              spec(server, BenchmarkServer.PASSWORD, 1, 4), ProcessCpuClock.currentProcess());

      assertConsistent(result, 1, 4);
    }
  }

  @Test
  void reportsTheStatusOfARefusedBind() throws Exception {
    try (BenchmarkServer server = CloudhopperServerMain.start()) {
      assertThatThrownBy(
              () -> driver.run(spec(server, "wrong", 1, 1), ProcessCpuClock.currentProcess()))
          .isInstanceOfSatisfying(
              BindFailedException.class,
              e -> assertThat(e.commandStatus()).isEqualTo(CommandStatus.ESME_RINVPASWD.code()));
    }
  }

  @Test
  void reportsAServerThatIsNotThere() throws Exception {
    int port;
    try (BenchmarkServer server = JsmppServerMain.start()) {
      port = server.port();
    }
    LoadSpec spec =
        new LoadSpec(
            new InetSocketAddress(BenchmarkServer.HOST, port),
            BenchmarkServer.SYSTEM_ID,
            BenchmarkServer.PASSWORD,
            io.vasgate.smpp.pdu.BindType.TRANSMITTER,
            1,
            1,
            WARMUP,
            DURATION,
            Duration.ofSeconds(5));

    assertThatThrownBy(() -> driver.run(spec, ProcessCpuClock.currentProcess()))
        .isInstanceOf(BindFailedException.class)
        .hasMessageContaining("connect");
  }

  /**
   * Checks the result against itself rather than against a speed: every response in the period is
   * in the histogram once, and by Little's law the mean round trip times the throughput is the
   * number of requests kept in flight (binds x window), since the driver refills each slot at once.
   */
  private static void assertConsistent(LoadResult result, int binds, int window) {
    assertThat(result.isValid()).as("valid: %s", result).isTrue();
    assertThat(result.refusals()).isEmpty();
    assertThat(result.protocolErrors()).isZero();
    assertThat(result.disconnects()).isZero();
    assertThat(result.acknowledged()).isPositive();
    assertThat(result.latency().count()).isEqualTo(result.acknowledged());
    assertThat(result.latency().p50()).isPositive();
    assertThat(result.measuredNanos()).isGreaterThanOrEqualTo(DURATION.toNanos());
    double inFlight = result.throughputPerSecond() * result.latency().mean() / 1e9;
    assertThat(inFlight).isBetween(binds * window * 0.5, binds * window * 1.05);
    assertThat(result.serverCpuNanos()).isPositive();
    assertThat(result.clientCpuNanos()).isPositive();
  }
}
