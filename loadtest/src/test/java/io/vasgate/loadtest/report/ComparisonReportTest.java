package io.vasgate.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vasgate.loadtest.driver.LatencySummary;
import io.vasgate.loadtest.driver.LoadResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {

  private static final long SECOND = 1_000_000_000L;
  private static final LatencySummary LATENCY =
      new LatencySummary(1, 40_000, 60_000, 90_000, 150_000, 2_000_000, 45_000.0);

  /** A valid 1-second result: {@code acked} submit_sm using {@code cpuMillis} of server CPU. */
  private static LoadResult result(int binds, int window, long acked, long cpuMillis) {
    return new LoadResult(
        binds,
        window,
        SECOND,
        acked,
        new TreeMap<>(),
        0,
        0,
        LATENCY,
        cpuMillis * 1_000_000,
        cpuMillis * 500_000,
        cpuMillis * 1_500_000 + SECOND / 10);
  }

  @Test
  void computesThroughputAndEfficiencyRatiosAgainstEachPeer() {
    ComparisonReport report =
        new ComparisonReport(
            List.of("vasgate", "cloudhopper", "jsmpp"),
            List.of(
                Measurement.of("vasgate", 1, result(1, 10, 100_000, 500)),
                Measurement.of("cloudhopper", 1, result(1, 10, 50_000, 1_000)),
                Measurement.of("jsmpp", 1, result(1, 10, 80_000, 400))));

    // 100k/s over 50k/s; 200k PDU per CPU-s over 50k.
    assertThat(report.throughputRatio("cloudhopper", 1, 10).orElseThrow())
        .isCloseTo(2.0, within(1e-9));
    assertThat(report.efficiencyRatio("cloudhopper", 1, 10).orElseThrow())
        .isCloseTo(4.0, within(1e-9));
    // 100k/s over 80k/s; 200k PDU per CPU-s over 200k.
    assertThat(report.throughputRatio("jsmpp", 1, 10).orElseThrow()).isCloseTo(1.25, within(1e-9));
    assertThat(report.efficiencyRatio("jsmpp", 1, 10).orElseThrow()).isCloseTo(1.0, within(1e-9));
    assertThat(report.ratioTable()).contains("| 1 | 10 | 2.00 | 4.00 | 1.25 | 1.00 |");
    assertThat(report.verdicts())
        .contains("vs cloudhopper: vasgate has the higher throughput in 1 of 1 cells")
        .contains("at least 2x in 1")
        .contains("uses less CPU per submit_sm in 0 of 1");
  }

  @Test
  void showsFiguresOfEveryServerInEveryCell() {
    ComparisonReport report =
        new ComparisonReport(
            List.of("vasgate", "jsmpp"),
            List.of(
                Measurement.of("vasgate", 1, result(4, 100, 123_456, 617)),
                Measurement.of("jsmpp", 1, result(4, 100, 50_000, 1_000))));

    String table = report.resultsTable();

    // 617 ms for 123,456 PDUs = 500 ms per 100k; 0.62 cores busy; the driver used half as much;
    // other processes took a tenth of a core.
    assertThat(table)
        .contains(
            "| vasgate | 4 | 100 | 123,456 | 40.0 | 90.0 | 150 | 500 | 0.62 | 250 | 0.10 | 0 |")
        .contains(
            "| jsmpp | 4 | 100 | 50,000 | 40.0 | 90.0 | 150 | 2,000 | 1.00 | 1,000 | 0.10 | 0 |");
  }

  @Test
  void flagsInvalidRunsAndLeavesThemOutOfTheRatios() {
    LoadResult throttled =
        new LoadResult(
            1,
            1,
            SECOND,
            10_000,
            new TreeMap<>(Map.of("ESME_RTHROTTLED(0x58)", 12L)),
            0,
            1,
            LATENCY,
            SECOND,
            SECOND,
            -1);
    ComparisonReport report =
        new ComparisonReport(
            List.of("vasgate", "cloudhopper"),
            List.of(
                Measurement.of("vasgate", 1, throttled),
                Measurement.of("cloudhopper", 1, result(1, 1, 20_000, 100))));

    assertThat(report.resultsTable())
        .contains("| n/a | **INVALID** ESME_RTHROTTLED(0x58) x12; disconnects x1");
    assertThat(report.throughputRatio("cloudhopper", 1, 1)).isEmpty();
    assertThat(report.ratioTable()).contains("| 1 | 1 | n/a | n/a |");
    assertThat(report.verdicts()).contains("no cell where both runs are valid");
  }

  @Test
  void showsWhyACellFailed() {
    ComparisonReport report =
        new ComparisonReport(
            List.of("jsmpp"),
            List.of(Measurement.failed("jsmpp", 1, 4, 10, "bind refused | ESME_RBINDFAIL")));

    assertThat(report.resultsTable()).contains("failed: bind refused \\| ESME_RBINDFAIL");
    assertThat(report.toMarkdown()).doesNotContain("Ratios");
  }

  @Test
  void representsSeveralRoundsByTheMedianValidOne() {
    ComparisonReport report =
        new ComparisonReport(
            List.of("vasgate"),
            List.of(
                Measurement.of("vasgate", 1, result(1, 1, 30_000, 100)),
                Measurement.of("vasgate", 2, result(1, 1, 10_000, 100)),
                Measurement.failed("vasgate", 3, 1, 1, "crashed"),
                Measurement.of("vasgate", 4, result(1, 1, 20_000, 100))));

    assertThat(report.representative("vasgate", 1, 1))
        .hasValueSatisfying(m -> assertThat(m.round()).isEqualTo(4));
    assertThat(report.roundsTable())
        .contains("| vasgate | 1 | 1 | 30,000 | 10,000 | failed | 20,000 |");
    assertThat(report.toMarkdown()).contains("every round");
  }

  @Test
  void rejectsMeasurementsOfUnlistedServers() {
    assertThatThrownBy(
            () ->
                new ComparisonReport(
                    List.of("vasgate"), List.of(Measurement.of("other", 1, result(1, 1, 1, 1)))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ComparisonReport(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void measurementHoldsExactlyOneOfResultAndFailure() {
    assertThatThrownBy(() -> new Measurement("x", 1, 1, 1, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Measurement("x", 1, 2, 1, result(1, 1, 1, 1), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
