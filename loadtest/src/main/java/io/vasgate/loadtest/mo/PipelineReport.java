package io.vasgate.loadtest.mo;

import io.vasgate.loadtest.driver.LatencySummary;
import io.vasgate.loadtest.report.MachineInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pipeline benchmark's figures as markdown: the command and machine, the setup, one row per
 * point with throughput, latency percentiles, CPU and errors, what each command cost the database,
 * and the profile of the profiled point.
 */
public final class PipelineReport {

  /** Database counters shown per command for every point, in this order. */
  static final List<String> PER_COMMAND_COUNTERS =
      List.of(
          "Questions",
          "Com_select",
          "Com_insert",
          "Com_update",
          "Com_delete",
          "Com_commit",
          "Com_rollback",
          "Handler_commit",
          "Innodb_data_fsyncs",
          "Innodb_rows_inserted",
          "Innodb_rows_updated",
          "Innodb_row_lock_waits");

  private final String command;
  private final MachineInfo machine;
  private final String loadAtEnd;
  private final List<String> setup;
  private final CommandMix mix;
  private final List<PipelinePoint> points;

  /**
   * @param command the command line that reproduces the figures
   * @param setup lines describing the gateway and driver configuration
   */
  public PipelineReport(
      String command,
      MachineInfo machine,
      String loadAtEnd,
      List<String> setup,
      CommandMix mix,
      List<PipelinePoint> points) {
    this.command = command;
    this.machine = machine;
    this.loadAtEnd = loadAtEnd;
    this.setup = List.copyOf(setup);
    this.mix = mix;
    this.points = List.copyOf(points);
  }

  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("Command:\n\n```sh\n").append(command).append("\n```\n\n");
    md.append("Machine:\n\n").append(machine.toMarkdown());
    md.append("- load average at end: ").append(loadAtEnd).append("\n\n");
    md.append("Setup:\n\n");
    for (String line : setup) {
      md.append("- ").append(line).append('\n');
    }
    md.append(
        "\nCommand mix (share of MOs; every reply is checked for the words it must say):\n\n");
    md.append("| script | MOs | share |\n| --- | --- | ---: |\n");
    for (CommandMix.Script s : mix.scripts()) {
      md.append("| ")
          .append(s.name())
          .append(" | ")
          .append(String.join(" → ", s.steps().stream().map(PipelineReport::describe).toList()))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.1f%%", 100 * mix.messageShares().get(s.name())))
          .append(" |\n");
    }
    md.append("\n### Throughput and latency\n\n");
    md.append(
        "| run | achieved cmd/s | sustained | slowest / fastest second | end-to-end p50 / p99 /"
            + " p99.9 / max ms | submit p50 / p99 ms | reply parts per cmd | gateway cores | MariaDB"
            + " cores | server CPU ms/cmd | driver cores | other cores | load avg before → after"
            + " | errors |\n");
    md.append(
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
            + " --- |\n");
    for (PipelinePoint p : points) {
      MoLoadResult r = p.result();
      LatencySummary e2e = r.endToEnd();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s, %d binds%s | %,.0f | %s | %,d / %,d | %s / %s / %s / %s | %s / %s | %.2f | %.2f"
                  + " | %.2f | %.3f | %.2f | %.2f | %s → %s | %s |%n",
              r.spec().label(),
              r.spec().binds(),
              p.attempt() > 1 ? " (attempt " + p.attempt() + ")" : "",
              r.throughputPerSecond(),
              r.sustained() ? "yes" : "**no**",
              r.slowestSecond(),
              r.fastestSecond(),
              e2e.count() == 0
                  ? "none whole within " + r.spec().replyTimeout().toSeconds() + " s"
                  : ms(e2e.p50()),
              e2e.count() == 0 ? "–" : ms(e2e.p99()),
              e2e.count() == 0 ? "–" : ms(e2e.p999()),
              e2e.count() == 0 ? "–" : ms(e2e.max()),
              ms(r.submitLatency().p50()),
              ms(r.submitLatency().p99()),
              r.completed() == 0 ? 0.0 : (double) r.replyParts() / r.completed(),
              r.gatewayCores(),
              r.databaseCores(),
              r.serverCpuMillisPerCommand(),
              r.driverCores(),
              r.otherCores(),
              p.loadBefore(),
              p.loadAfter(),
              (r.errors() == 0 ? "0" : r.errors() + ": " + r.errorDetail())
                  + (r.warmupRefused() == 0
                      ? ""
                      : " (warm-up: " + r.warmupRefused() + " refused)")));
    }
    md.append('\n');
    appendSteps(md);
    appendExamples(md);
    appendDatabase(md);
    for (PipelinePoint p : points) {
      p.profile()
          .ifPresent(
              profile ->
                  md.append("### Profile of the gateway JVM at ")
                      .append(p.result().spec().label())
                      .append(" (JFR, measured period)\n\n")
                      .append(profile));
    }
    return md.toString();
  }

  /** End-to-end p50 / p99 of every MO of the mix, one column per point. */
  private void appendSteps(StringBuilder md) {
    md.append("End-to-end latency by MO, p50 / p99 ms (the script it belongs to in brackets):\n\n");
    md.append("| MO | share of MOs |");
    points.forEach(p -> md.append(' ').append(p.result().spec().label()).append(" |"));
    md.append("\n| --- | ---: |");
    points.forEach(p -> md.append(" ---: |"));
    md.append('\n');
    for (CommandMix.Script script : mix.scripts()) {
      double share = mix.messageShares().get(script.name()) / script.steps().size();
      for (int i = 0; i < script.steps().size(); i++) {
        String key = MoLoadResult.stepKey(script, i);
        md.append("| ")
            .append(describe(script.steps().get(i)))
            .append(" (")
            .append(script.name())
            .append(") | ")
            .append(String.format(Locale.ROOT, "%.1f%%", 100 * share))
            .append(" |");
        for (PipelinePoint p : points) {
          LatencySummary l = p.result().endToEndByStep().get(key);
          md.append(' ').append(l == null ? "–" : ms(l.p50()) + " / " + ms(l.p99())).append(" |");
        }
        md.append('\n');
      }
    }
    md.append('\n');
  }

  private static String describe(CommandMix.Step step) {
    return "`" + step.text() + "`@" + step.destination();
  }

  private void appendExamples(StringBuilder md) {
    List<String> lines = new ArrayList<>();
    for (PipelinePoint p : points) {
      for (String e : p.result().examples()) {
        lines.add("- " + p.result().spec().label() + ": " + e.replace("\n", "⏎"));
      }
    }
    if (!lines.isEmpty()) {
      md.append("Examples of errors:\n\n").append(String.join("\n", lines)).append("\n\n");
    }
  }

  private void appendDatabase(StringBuilder md) {
    List<PipelinePoint> withDb = points.stream().filter(p -> !p.database().isEmpty()).toList();
    if (withDb.isEmpty()) {
      return;
    }
    md.append(
        "### Database work per completed command (MariaDB global status, measured period)\n\n");
    md.append("| counter |");
    withDb.forEach(p -> md.append(' ').append(p.result().spec().label()).append(" |"));
    md.append("\n| --- |");
    withDb.forEach(p -> md.append(" ---: |"));
    md.append('\n');
    Set<String> counters = new LinkedHashSet<>(PER_COMMAND_COUNTERS);
    for (PipelinePoint p : withDb) {
      p.database().keySet().stream().filter(k -> k.startsWith("Com_")).forEach(counters::add);
    }
    for (String counter : counters) {
      if (withDb.stream().noneMatch(p -> p.database().containsKey(counter))) {
        continue;
      }
      md.append("| ").append(counter).append(" |");
      for (PipelinePoint p : withDb) {
        double v = p.perCommand(counter);
        md.append(' ')
            .append(Double.isNaN(v) ? "0" : String.format(Locale.ROOT, "%.2f", v))
            .append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
    for (PipelinePoint p : points) {
      if (p.statements().isEmpty() || p.statementCommands() == 0) {
        continue;
      }
      long total = p.statements().values().stream().mapToLong(Long::longValue).sum();
      md.append(
          String.format(
              Locale.ROOT,
              "Statements by shape (general log sample after %s: %,d statements for %,d commands,"
                  + " %.1f per command; a multi-row VALUES list counts once):%n%n",
              p.result().spec().label(),
              total,
              p.statementCommands(),
              (double) total / p.statementCommands()));
      md.append("| per command | statement |\n| ---: | --- |\n");
      p.statements().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(40)
          .forEach(
              e ->
                  md.append(
                      String.format(
                          Locale.ROOT,
                          "| %.2f | `%s` |%n",
                          (double) e.getValue() / p.statementCommands(),
                          abbreviate(e.getKey().replace("|", "\\|").replace("`", "'"), 220))));
      md.append('\n');
    }
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }
}
