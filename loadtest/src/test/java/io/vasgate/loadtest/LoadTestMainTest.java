package io.vasgate.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The orchestrator end to end: two peer servers in child JVMs, one short cell each. Checks the
 * process protocol and the report, not any speed.
 */
class LoadTestMainTest {

  @ParameterizedTest(name = "interleaved: {0}")
  @ValueSource(booleans = {false, true})
  void runsEachServerInItsOwnJvmAndWritesTheComparison(boolean interleaved, @TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("report.md");
    List<String> args = new ArrayList<>();
    if (interleaved) {
      args.add("--interleave");
    }
    args.addAll(
        List.of(
            "--servers", "cloudhopper,jsmpp",
            "--binds", "1",
            "--windows", "2",
            "--warmup", "200ms",
            "--duration", "500ms",
            "--server-jvm-args", "-Xmx128m -XX:TieredStopAtLevel=1",
            "--quiet-below", "0",
            "--work-dir", dir.toString(),
            "--out", out.toString()));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    int status =
        new CommandLine(
                new LoadTestMain(args, new PrintStream(progress, true, StandardCharsets.UTF_8)))
            .execute(args.toArray(String[]::new));

    String report = Files.readString(out);
    assertThat(status).as("progress:%n%s%nreport:%n%s", progress, report).isZero();
    assertThat(report)
        .contains("| cloudhopper | 1 | 2 |")
        .contains("| jsmpp | 1 | 2 |")
        .contains("throughput ÷ jsmpp")
        .contains("--servers cloudhopper,jsmpp")
        .contains("'-Xmx128m -XX:TieredStopAtLevel=1'")
        .contains("nproc")
        .contains(interleaved ? "interleaved" : "sequential")
        .doesNotContain("INVALID")
        .doesNotContain("failed");
    try (var logs = Files.list(dir)) {
      assertThat(logs.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("cloudhopper-") && name.endsWith(".log"))
          .anyMatch(name -> name.startsWith("jsmpp-") && name.endsWith(".log"));
    }
  }

  @Test
  void refusesAnUnknownServer(@TempDir Path dir) {
    List<String> args = List.of("--servers", "kannel", "--work-dir", dir.toString());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli =
        new CommandLine(new LoadTestMain(args, new PrintStream(err, true, StandardCharsets.UTF_8)));
    cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));

    int status = cli.execute(args.toArray(String[]::new));

    assertThat(status).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown server 'kannel'");
  }
}
