package io.vasgate.loadtest.mo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.app.Gateway;
import io.vasgate.app.TestGateway;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver against a whole gateway (embedded MariaDB, the sample catalog, the MO-source account
 * {@code mo}) at a small rate: it must match every reply to its command and count it, with no
 * errors. Nothing here is timed: the figures of a few seconds on a shared machine mean nothing.
 */
class MoLoadDriverTest {

  private static final Duration WARMUP = Duration.ofMillis(500);
  private static final Duration DURATION = Duration.ofSeconds(2);
  private static final Duration THINK = Duration.ofMillis(20);

  private static Gateway gateway;
  private static MoLoadDriver driver;
  private static final AtomicInteger prefixes = new AtomicInteger(10);

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start("mo_load_driver");
    driver = MoLoadDriver.create();
  }

  @AfterAll
  static void stop() {
    driver.close();
    gateway.close();
  }

  private static InetSocketAddress server() {
    return new InetSocketAddress("127.0.0.1", gateway.smppAddress().getPort());
  }

  /** Handsets no other test uses, so every test finds its subscribers with nothing ordered. */
  private static HandsetPool pool(int size) {
    return new HandsetPool(
        size, "8613" + prefixes.incrementAndGet(), CommandMix.standard(), 42, THINK);
  }

  @Test
  void openLoopMatchesEveryReplyToItsCommand() throws Exception {
    // Few handsets for the rate, so each works through several steps of its script.
    HandsetPool pool = pool(12);
    CountingProbe probe = new CountingProbe();

    MoLoadResult r =
        driver.run(
            MoLoadSpec.openLoop(server(), 2, 40, WARMUP, DURATION), pool, ServerCpu.UNKNOWN, probe);

    assertThat(r.errors()).as(r.errorDetail() + " " + r.examples()).isZero();
    assertThat(r.sent()).isPositive();
    assertThat(r.completed()).isPositive();
    assertThat(r.endToEnd().count()).isPositive();
    assertThat(r.submitLatency().count()).isEqualTo(r.sent());
    assertThat(r.endToEnd().p50()).isGreaterThanOrEqualTo(r.submitLatency().p50() / 2);
    assertThat(r.replyParts()).isGreaterThanOrEqualTo(r.completed());
    assertThat(r.completedByScript().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(r.completed());
    assertThat(r.endToEndByStep().values().stream().mapToLong(l -> l.count()).sum())
        .isEqualTo(r.endToEnd().count());
    // Handsets came back after their think time: confirmations and unsubscriptions were answered
    // as their scripts expect, not only the scripts' first messages.
    assertThat(r.endToEndByStep().keySet()).anyMatch(k -> !k.endsWith("#0"));
    assertThat(pool.quarantined()).isZero();
    assertThat(pool.idle()).isEqualTo(pool.size());
    assertThat(probe.calls).hasValue(3);
  }

  @Test
  void closedLoopKeepsItsWindowAndEveryCommandIsRecordedOnce() throws Exception {
    HandsetPool pool = pool(8);
    long mosBefore = moCount();

    MoLoadResult r =
        driver.run(
            MoLoadSpec.closedLoop(server(), 2, 2, WARMUP, DURATION),
            pool,
            ServerCpu.UNKNOWN,
            MoLoadDriver.NO_PROBE);

    assertThat(r.errors()).as(r.errorDetail() + " " + r.examples()).isZero();
    assertThat(r.completed()).isPositive();
    assertThat(r.sustained()).isTrue();
    // Eight handsets, four commands in flight: each handset went through several script steps,
    // and the gateway recorded each MO exactly once (no re-send was taken for a duplicate).
    assertThat(r.completed()).isGreaterThan(pool.size());
    assertThat(moCount() - mosBefore).isGreaterThanOrEqualTo(r.completed());
    assertThat(pool.quarantined()).isZero();
  }

  @Test
  void repliesThatSaySomethingElseCountAsUnexpectedAndTakeTheHandsetOut() throws Exception {
    // A script that expects words no reply contains: every command must count as unexpected.
    CommandMix wrong =
        new CommandMix(
            java.util.List.of(
                new CommandMix.Script(
                    "expects-nonsense",
                    1,
                    java.util.List.of(
                        new CommandMix.Step(CommandMix.PORT, "0000", java.util.List.of("不会出现"))))));
    HandsetPool pool = new HandsetPool(50, "8613" + prefixes.incrementAndGet(), wrong, 7, THINK);

    MoLoadResult r =
        driver.run(
            MoLoadSpec.openLoop(server(), 1, 20, Duration.ZERO, Duration.ofSeconds(1)),
            pool,
            ServerCpu.UNKNOWN,
            MoLoadDriver.NO_PROBE);

    assertThat(r.unexpected()).isPositive();
    assertThat(r.completed()).isZero();
    assertThat(r.isValid()).isFalse();
    assertThat(r.examples()).anyMatch(e -> e.contains("没有订购"));
    assertThat(pool.quarantined()).isEqualTo((int) r.unexpected());
  }

  private static long moCount() throws Exception {
    try (Connection c = gateway.database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM mo_message")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static final class CountingProbe implements MoLoadDriver.Probe {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void beforeRun(MoLoadSpec spec) {
      calls.incrementAndGet();
    }

    @Override
    public void measuring() {
      calls.incrementAndGet();
    }

    @Override
    public void measured() {
      calls.incrementAndGet();
    }
  }
}
