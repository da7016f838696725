package io.vasgate.loadtest.report;

import io.vasgate.loadtest.driver.LatencySummary;
import io.vasgate.loadtest.driver.LoadResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a side-by-side run as markdown: the figures of every server in every (binds, window)
 * cell, and the first server's ratios to each of the others.
 *
 * <p>Ratios are "higher is better for the first server": throughput ratio = its submit_sm/s over
 * the peer's; efficiency ratio = its acknowledged submit_sm per server CPU-second over the peer's
 * (equivalently, the peer's CPU per PDU over its own). With several rounds each cell shows the
 * valid round with the median throughput.
 */
public final class ComparisonReport {

  private static final double NANOS_PER_MICRO = 1_000.0;

  private final List<String> servers;
  private final List<Measurement> measurements;
  private final List<Integer> binds;
  private final List<Integer> windows;
  private final int rounds;

  /**
   * @param servers the servers in report order; the first is compared with the others
   * @throws IllegalArgumentException if there are no servers or a measurement names another one
   */
  public ComparisonReport(List<String> servers, List<Measurement> measurements) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("no servers");
    }
    this.servers = List.copyOf(servers);
    this.measurements = List.copyOf(measurements);
    Set<Integer> b = new LinkedHashSet<>();
    Set<Integer> w = new LinkedHashSet<>();
    int maxRound = 0;
    for (Measurement m : this.measurements) {
      if (!this.servers.contains(m.server())) {
        throw new IllegalArgumentException("measurement of unlisted server " + m.server());
      }
      b.add(m.binds());
      w.add(m.window());
      maxRound = Math.max(maxRound, m.round());
    }
    this.binds = b.stream().sorted().toList();
    this.windows = w.stream().sorted().toList();
    this.rounds = maxRound;
  }

  public String baseline() {
    return servers.get(0);
  }

  public List<String> peers() {
    return servers.subList(1, servers.size());
  }

  /**
   * The measurement that stands for a cell: the valid round with the median throughput (the lower
   * middle one for an even count), else the first round's measurement, failed or invalid.
   */
  public Optional<Measurement> representative(String server, int binds, int window) {
    List<Measurement> cell =
        measurements.stream()
            .filter(m -> m.server().equals(server) && m.binds() == binds && m.window() == window)
            .toList();
    List<Measurement> valid =
        cell.stream()
            .filter(Measurement::isValid)
            .sorted(Comparator.comparingDouble(m -> m.resultOrNull().throughputPerSecond()))
            .toList();
    if (!valid.isEmpty()) {
      return Optional.of(valid.get((valid.size() - 1) / 2));
    }
    return cell.stream().min(Comparator.comparingInt(Measurement::round));
  }

  /** The first server's throughput over the peer's in a cell; empty unless both are valid. */
  public Optional<Double> throughputRatio(String peer, int binds, int window) {
    return bothValid(peer, binds, window)
        .map(r -> r[0].throughputPerSecond() / r[1].throughputPerSecond());
  }

  /**
   * The first server's submit_sm per server CPU-second over the peer's; empty unless both are valid
   * and both used measurable CPU.
   */
  public Optional<Double> efficiencyRatio(String peer, int binds, int window) {
    return bothValid(peer, binds, window)
        .filter(r -> r[0].serverCpuNanos() > 0 && r[1].serverCpuNanos() > 0)
        .map(r -> r[0].pdusPerServerCpuSecond() / r[1].pdusPerServerCpuSecond());
  }

  private Optional<LoadResult[]> bothValid(String peer, int binds, int window) {
    Optional<LoadResult> ours =
        representative(baseline(), binds, window)
            .filter(Measurement::isValid)
            .flatMap(Measurement::result);
    Optional<LoadResult> theirs =
        representative(peer, binds, window)
            .filter(Measurement::isValid)
            .flatMap(Measurement::result);
    if (ours.isEmpty() || theirs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LoadResult[] {ours.get(), theirs.get()});
  }

  /** The whole report: figures, ratios, per-round throughput if several rounds, verdicts. */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("### Figures\n\n").append(resultsTable()).append('\n');
    if (servers.size() > 1) {
      md.append("### Ratios: ")
          .append(baseline())
          .append(" vs each peer (higher is better for ")
          .append(baseline())
          .append(")\n\n")
          .append(ratioTable())
          .append('\n')
          .append(verdicts())
          .append('\n');
    }
    if (rounds > 1) {
      md.append("### submit_sm/s in every round\n\n").append(roundsTable()).append('\n');
    }
    return md.toString();
  }

  /** One row per server and cell. */
  public String resultsTable() {
    StringBuilder t = new StringBuilder();
    t.append(
        "| server | binds | window | submit_sm/s | p50 µs | p99 µs | p99.9 µs"
            + " | server CPU ms / 100k | server cores busy | driver CPU ms / 100k"
            + " | other processes, cores | errors |\n");
    t.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
    for (int b : binds) {
      for (int w : windows) {
        for (String server : servers) {
          Optional<Measurement> m = representative(server, b, w);
          if (m.isEmpty()) {
            continue;
          }
          t.append("| ").append(server).append(" | ").append(b).append(" | ").append(w);
          Optional<LoadResult> result = m.get().result();
          if (result.isEmpty()) {
            t.append(" | - | - | - | - | - | - | - | - | failed: ")
                .append(escape(m.get().failureOrNull()))
                .append(" |\n");
            continue;
          }
          LoadResult r = result.get();
          LatencySummary l = r.latency();
          t.append(" | ")
              .append(number(r.throughputPerSecond()))
              .append(" | ")
              .append(micros(l.p50()))
              .append(" | ")
              .append(micros(l.p99()))
              .append(" | ")
              .append(micros(l.p999()))
              .append(" | ")
              .append(number(r.serverCpuMillisPer100k()))
              .append(" | ")
              .append(cores(r.serverCores()))
              .append(" | ")
              .append(number(r.clientCpuMillisPer100k()))
              .append(" | ")
              .append(cores(r.otherCores()))
              .append(" | ")
              .append(errors(r))
              .append(" |\n");
        }
      }
    }
    return t.toString();
  }

  /** One row per cell, two ratio columns per peer. */
  public String ratioTable() {
    StringBuilder t = new StringBuilder("| binds | window |");
    StringBuilder rule = new StringBuilder("|--:|--:|");
    for (String peer : peers()) {
      t.append(" throughput ÷ ").append(peer).append(" |");
      t.append(" submit_sm per server CPU-s ÷ ").append(peer).append(" |");
      rule.append("--:|--:|");
    }
    t.append('\n').append(rule).append('\n');
    for (int b : binds) {
      for (int w : windows) {
        t.append("| ").append(b).append(" | ").append(w).append(" |");
        for (String peer : peers()) {
          t.append(' ').append(ratio(throughputRatio(peer, b, w))).append(" |");
          t.append(' ').append(ratio(efficiencyRatio(peer, b, w))).append(" |");
        }
        t.append('\n');
      }
    }
    return t.toString();
  }

  /** Per peer: in how many cells the first server is ahead on throughput and on CPU per PDU. */
  public String verdicts() {
    StringBuilder v = new StringBuilder();
    for (String peer : peers()) {
      int cells = 0;
      int faster = 0;
      int leaner = 0;
      int twiceAsLean = 0;
      double worstThroughput = Double.MAX_VALUE;
      double worstEfficiency = Double.MAX_VALUE;
      for (int b : binds) {
        for (int w : windows) {
          Optional<Double> tr = throughputRatio(peer, b, w);
          Optional<Double> er = efficiencyRatio(peer, b, w);
          if (tr.isEmpty() || er.isEmpty()) {
            continue;
          }
          cells++;
          faster += tr.get() > 1 ? 1 : 0;
          leaner += er.get() > 1 ? 1 : 0;
          twiceAsLean += er.get() >= 2 ? 1 : 0;
          worstThroughput = Math.min(worstThroughput, tr.get());
          worstEfficiency = Math.min(worstEfficiency, er.get());
        }
      }
      v.append("- vs ").append(peer).append(": ");
      if (cells == 0) {
        v.append("no cell where both runs are valid\n");
        continue;
      }
      v.append(
          String.format(
              Locale.ROOT,
              "%s has the higher throughput in %d of %d cells (lowest ratio %.2f) and uses less"
                  + " CPU per submit_sm in %d of %d (lowest efficiency ratio %.2f; at least 2x in"
                  + " %d)\n",
              baseline(),
              faster,
              cells,
              worstThroughput,
              leaner,
              cells,
              worstEfficiency,
              twiceAsLean));
    }
    return v.toString();
  }

  /** submit_sm/s of every round, one column per round. */
  public String roundsTable() {
    StringBuilder t = new StringBuilder("| server | binds | window |");
    StringBuilder rule = new StringBuilder("|---|--:|--:|");
    for (int r = 1; r <= rounds; r++) {
      t.append(" round ").append(r).append(" |");
      rule.append("--:|");
    }
    t.append('\n').append(rule).append('\n');
    for (int b : binds) {
      for (int w : windows) {
        for (String server : servers) {
          t.append("| ")
              .append(server)
              .append(" | ")
              .append(b)
              .append(" | ")
              .append(w)
              .append(" |");
          for (int r = 1; r <= rounds; r++) {
            int round = r;
            String cell =
                measurements.stream()
                    .filter(
                        m ->
                            m.server().equals(server)
                                && m.binds() == b
                                && m.window() == w
                                && m.round() == round)
                    .findFirst()
                    .map(
                        m ->
                            m.result()
                                .map(
                                    x ->
                                        number(x.throughputPerSecond())
                                            + (x.isValid() ? "" : " (invalid)"))
                                .orElse("failed"))
                    .orElse("-");
            t.append(' ').append(cell).append(" |");
          }
          t.append('\n');
        }
      }
    }
    return t.toString();
  }

  private static String errors(LoadResult r) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Long> e : r.refusals().entrySet()) {
      parts.add(e.getKey() + " x" + e.getValue());
    }
    if (r.protocolErrors() > 0) {
      parts.add("protocol errors x" + r.protocolErrors());
    }
    if (r.disconnects() > 0) {
      parts.add("disconnects x" + r.disconnects());
    }
    if (r.acknowledged() == 0) {
      parts.add("nothing acknowledged");
    }
    return parts.isEmpty() ? "0" : "**INVALID** " + String.join("; ", parts);
  }

  static String number(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
  }

  static String cores(double cores) {
    return Double.isNaN(cores) ? "n/a" : String.format(Locale.ROOT, "%.2f", cores);
  }

  static String micros(long nanos) {
    double us = nanos / NANOS_PER_MICRO;
    return String.format(Locale.ROOT, us >= 100 ? "%,.0f" : "%.1f", us);
  }

  static String ratio(Optional<Double> ratio) {
    return ratio.map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("n/a");
  }

  private static String escape(String text) {
    return Objects.requireNonNullElse(text, "").replace("|", "\\|").replace("\n", " ");
  }
}
