package io.vasgate.loadtest.mo;

import io.vasgate.loadtest.driver.LatencySummary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one run measured. Latencies are of the commands sent in the measured period; throughput is
 * of the replies completed in it; errors are counted over the whole run, warm-up and drain
 * included.
 *
 * @param sent commands sent in the measured period
 * @param completed commands whose whole reply arrived, as expected, in the measured period
 * @param measuredSeconds the measured period as it actually ran
 * @param slowestSecond fewest replies completed in one whole second of the measured period
 * @param fastestSecond most replies completed in one whole second of the measured period
 * @param replyParts deliver_sm received in the measured period (a long reply has several)
 * @param submitLatency submit_sm to submit_sm_resp: the MO is recorded
 * @param endToEnd submit_sm to the last part of the reply
 * @param refused submit_sm sent in the measured period and answered with a non-zero status or
 *     generic_nack
 * @param refusedByStatus the same, by command_status
 * @param warmupRefused submit_sm sent during the warm-up and refused: reported, not an error (the
 *     gateway may still be compiling its code then, and the measured period is what is claimed)
 * @param unexpected replies that did not say what the command should have got
 * @param missing commands without a whole reply within the reply timeout
 * @param unsolicited deliver_sm to a handset with no command outstanding
 * @param late replies that came after their command had been given up as missing
 * @param protocolErrors PDUs that made no sense (unknown sequence numbers, bad parts, ...)
 * @param disconnects sessions the gateway closed or unbound under load
 * @param starved open loop: commands not sent on schedule because every handset had one outstanding
 *     or was thinking (the pool is too small for the rate)
 * @param backlogAtEnd commands outstanding when the measured period ended
 * @param maxSendLagMillis in an open loop, how far the driver fell behind its schedule at worst
 * @param gatewayCores CPU of the gateway JVM over the measured period, in cores; NaN if unknown
 * @param databaseCores CPU of the gateway's MariaDB, in cores; NaN if unknown
 * @param driverCores CPU of the driver's JVM, in cores
 * @param otherCores CPU of every other process on the machine, in cores; NaN if unknown
 * @param completedByScript completed commands in the measured period, by script
 * @param endToEndByStep end-to-end latency of the measured commands by what was sent ({@link
 *     #stepKey})
 * @param examples a few unexpected replies or protocol errors, for the report
 */
public record MoLoadResult(
    MoLoadSpec spec,
    long sent,
    long completed,
    double measuredSeconds,
    long slowestSecond,
    long fastestSecond,
    long replyParts,
    LatencySummary submitLatency,
    LatencySummary endToEnd,
    long refused,
    Map<Integer, Long> refusedByStatus,
    long warmupRefused,
    long unexpected,
    long missing,
    long unsolicited,
    long late,
    long protocolErrors,
    long disconnects,
    long starved,
    long backlogAtEnd,
    double maxSendLagMillis,
    double gatewayCores,
    double databaseCores,
    double driverCores,
    double otherCores,
    Map<String, Long> completedByScript,
    Map<String, LatencySummary> endToEndByStep,
    List<String> examples) {

  /** An open-loop run sustains its rate if it completes at least this share of it. */
  public static final double SUSTAINED_SHARE = 0.97;

  public MoLoadResult {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(submitLatency, "submitLatency");
    Objects.requireNonNull(endToEnd, "endToEnd");
    refusedByStatus = Map.copyOf(refusedByStatus);
    completedByScript = Map.copyOf(completedByScript);
    endToEndByStep = Map.copyOf(endToEndByStep);
    examples = List.copyOf(examples);
    if (measuredSeconds <= 0) {
      throw new IllegalArgumentException("measured period must be positive: " + measuredSeconds);
    }
  }

  /** How {@link #endToEndByStep} names a step: its script's name, "#", its 0-based index. */
  public static String stepKey(CommandMix.Script script, int index) {
    return script.name() + "#" + index;
  }

  /** Whole replies completed per second in the measured period. */
  public double throughputPerSecond() {
    return completed / measuredSeconds;
  }

  /** Whether nothing went wrong: every command answered as expected, nothing refused or lost. */
  public boolean isValid() {
    return errors() == 0;
  }

  /** Every kind of error, added up. */
  public long errors() {
    return refused
        + unexpected
        + missing
        + unsolicited
        + late
        + protocolErrors
        + disconnects
        + starved;
  }

  /**
   * Whether the gateway kept up: no errors and, in an open loop, at least {@link #SUSTAINED_SHARE}
   * of the target rate completed.
   */
  public boolean sustained() {
    if (!isValid()) {
      return false;
    }
    return spec.mode() == MoLoadSpec.Mode.CLOSED_LOOP
        || throughputPerSecond() >= SUSTAINED_SHARE * spec.ratePerSecond();
  }

  /** Gateway plus database CPU per completed command, in milliseconds; NaN if unknown. */
  public double serverCpuMillisPerCommand() {
    if (completed == 0) {
      return Double.NaN;
    }
    return (gatewayCores + databaseCores) * measuredSeconds * 1000 / completed;
  }

  /** One line for progress output. */
  public String summaryLine() {
    return String.format(
        Locale.ROOT,
        "%-18s binds=%d %,8.0f cmd/s (%s)  e2e p50 %,7.1f ms p99 %,7.1f ms p99.9 %,7.1f ms"
            + "  submit p99 %,6.1f ms  gateway %.2f + db %.2f cores, driver %.2f, other %.2f"
            + "  errors %d%s",
        spec.label(),
        spec.binds(),
        throughputPerSecond(),
        sustained() ? "sustained" : "NOT sustained",
        endToEnd.p50() / 1e6,
        endToEnd.p99() / 1e6,
        endToEnd.p999() / 1e6,
        submitLatency.p99() / 1e6,
        gatewayCores,
        databaseCores,
        driverCores,
        otherCores,
        errors(),
        (errors() == 0 ? "" : " " + errorDetail())
            + (warmupRefused == 0 ? "" : " (warm-up: " + warmupRefused + " refused)"));
  }

  /** The non-zero error counters, e.g. "missing=3 refused=2 {0x58=2}". */
  public String errorDetail() {
    StringBuilder s = new StringBuilder();
    append(s, "refused", refused);
    if (!refusedByStatus.isEmpty()) {
      s.append(" {");
      refusedByStatus.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  s.append("0x")
                      .append(Integer.toHexString(e.getKey()))
                      .append('=')
                      .append(e.getValue())
                      .append(' '));
      s.setLength(s.length() - 1);
      s.append('}');
    }
    append(s, "unexpected", unexpected);
    append(s, "missing", missing);
    append(s, "unsolicited", unsolicited);
    append(s, "late", late);
    append(s, "protocol", protocolErrors);
    append(s, "disconnects", disconnects);
    append(s, "starved", starved);
    return s.toString().trim();
  }

  private static void append(StringBuilder s, String name, long n) {
    if (n != 0) {
      s.append(' ').append(name).append('=').append(n);
    }
  }
}
