package io.vasgate.loadtest.mo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.loadtest.driver.LatencySummary;
import io.vasgate.loadtest.report.MachineInfo;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineReportTest {

  private static final MachineInfo MACHINE =
      new MachineInfo(
          2, "AMD EPYC", "23.5 GiB", "OpenJDK 17", "Linux", "0.10 0.20 0.30", "2026-11-23T08:00Z");

  private static MoLoadResult result(double rate, long completed, long missing) {
    return result(rate, completed, missing, 0);
  }

  private static MoLoadResult result(
      double rate, long completed, long missing, long warmupRefused) {
    MoLoadSpec spec =
        MoLoadSpec.openLoop(
            new InetSocketAddress("127.0.0.1", 2775),
            4,
            rate,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10));
    LatencySummary e2e =
        new LatencySummary(
            completed, 12_000_000, 20_000_000, 45_000_000, 60_000_000, 70_000_000, 15e6);
    LatencySummary submit =
        new LatencySummary(completed, 2_000_000, 3_000_000, 4_000_000, 5_000_000, 6_000_000, 2e6);
    return new MoLoadResult(
        spec,
        completed,
        completed,
        10.0,
        completed / 10 - 5,
        completed / 10 + 5,
        completed,
        submit,
        e2e,
        0,
        Map.of(),
        warmupRefused,
        0,
        missing,
        0,
        0,
        0,
        0,
        0,
        3,
        0.4,
        0.8,
        0.6,
        0.1,
        0.05,
        Map.of("xw-per-use", completed),
        Map.of(MoLoadResult.stepKey(CommandMix.standard().scripts().get(4), 0), e2e),
        missing == 0 ? List.of() : List.of("no whole reply to 'DG XW'"));
  }

  @Test
  void refusalsDuringTheWarmUpAreShownButDoNotFailThePoint() {
    MoLoadResult r = result(2500, 25_000, 0, 1_749);
    assertThat(r.sustained()).isTrue();
    assertThat(r.summaryLine()).contains("(sustained)").contains("(warm-up: 1749 refused)");
    String md =
        new PipelineReport(
                "java ... PipelineBenchmarkMain --rates 2500",
                MACHINE,
                "0.5 0.5 0.5",
                List.of(),
                CommandMix.standard(),
                List.of(
                    new PipelinePoint(
                        r,
                        1,
                        Map.of(),
                        "1.0 1.0 1.0",
                        "1.0 1.0 1.0",
                        Optional.empty(),
                        Map.of(),
                        0)))
            .toMarkdown();
    assertThat(md).contains("| 0 (warm-up: 1749 refused) |");
  }

  @Test
  void showsEachPointWithItsThroughputLatencyCpuAndDatabaseWorkPerCommand() {
    PipelinePoint ok =
        new PipelinePoint(
            result(1000, 10_000, 0),
            1,
            Map.of("Questions", 130_000L, "Com_insert", 33_000L),
            "1.0 1.0 1.0",
            "1.1 1.0 1.0",
            Optional.of("#### CPU samples (5)\n"),
            Map.of(),
            0);
    PipelinePoint overloaded =
        new PipelinePoint(
            result(5000, 12_000, 7),
            2,
            Map.of("Questions", 156_000L),
            "1.0 1.0 1.0",
            "3.0 1.5 1.1",
            Optional.empty(),
            Map.of("COMMIT", 700L, "SET autocommit=?", 1400L),
            500);

    String md =
        new PipelineReport(
                "java ... PipelineBenchmarkMain --rates 1000,5000",
                MACHINE,
                "0.5 0.5 0.5",
                List.of("gateway: as shipped"),
                CommandMix.standard(),
                List.of(ok, overloaded))
            .toMarkdown();

    assertThat(md)
        .contains("--rates 1000,5000")
        .contains("nproc 2")
        .contains("- gateway: as shipped");
    assertThat(md).contains("| open 1000/s, 4 binds | 1,000 | yes |");
    assertThat(md).contains("| open 5000/s, 4 binds (attempt 2) | 1,200 | **no** |");
    assertThat(md).contains("12.0 / 45.0 / 60.0 / 70.0");
    assertThat(md).contains("missing=7").contains("no whole reply to 'DG XW'");
    // 130,000 questions for 10,000 commands, 156,000 for 12,000: 13 each.
    assertThat(md).containsPattern("\\| Questions \\| 13\\.00 \\| 13\\.00 \\|");
    assertThat(md).contains("| 2.80 | `SET autocommit=?` |").contains("| 1.40 | `COMMIT` |");
    assertThat(md)
        .contains("### Profile of the gateway JVM at open 1000/s")
        .contains("#### CPU samples (5)");
    assertThat(md).contains("`KT TQ`@1065888002 → `是`@1065888002");
    assertThat(md).contains("| `DG XW`@10658880 (xw-per-use) | 9.1% | 12.0 / 45.0 | 12.0 / 45.0 |");
    assertThat(md).contains("| `是`@1065888001 (shbb-confirm-qx) | 2.3% | – | – |");
  }
}
