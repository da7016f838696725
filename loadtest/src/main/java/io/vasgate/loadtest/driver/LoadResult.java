package io.vasgate.loadtest.driver;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one measured period produced.
 *
 * @param binds sessions that carried the load
 * @param window submit_sm outstanding per session
 * @param measuredNanos the measured period as timed on the driver's event loop
 * @param acknowledged submit_sm_resp with command_status 0 received in the period
 * @param refusals refused submit_sm (non-zero command_status, or generic_nack) by status, e.g.
 *     {@code ESME_RTHROTTLED(0x58)}
 * @param protocolErrors responses that answer nothing in flight (duplicates, unsolicited) and
 *     undecodable PDUs
 * @param disconnects sessions the server closed while the load ran
 * @param latency round trips of the acknowledged and refused submit_sm of the period
 * @param serverCpuNanos CPU time the server used in the period
 * @param clientCpuNanos CPU time the driver's own process used in the period
 * @param machineCpuNanos busy CPU time of the whole machine in the period, -1 if unknown
 */
public record LoadResult(
    int binds,
    int window,
    long measuredNanos,
    long acknowledged,
    SortedMap<String, Long> refusals,
    long protocolErrors,
    long disconnects,
    LatencySummary latency,
    long serverCpuNanos,
    long clientCpuNanos,
    long machineCpuNanos) {

  private static final double NANOS_PER_SECOND = 1e9;
  private static final double NANOS_PER_MILLI = 1e6;

  /** CPU cost is reported per this many PDUs, as the issue asks. */
  public static final int PDUS_PER_CPU_FIGURE = 100_000;

  public LoadResult {
    Objects.requireNonNull(refusals, "refusals");
    Objects.requireNonNull(latency, "latency");
    if (measuredNanos <= 0) {
      throw new IllegalArgumentException("measuredNanos must be positive: " + measuredNanos);
    }
    if (acknowledged < 0 || protocolErrors < 0 || disconnects < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    refusals = Collections.unmodifiableSortedMap(new TreeMap<>(refusals));
  }

  /** submit_sm refused by the server, over all statuses. */
  public long refused() {
    long sum = 0;
    for (long n : refusals.values()) {
      sum += n;
    }
    return sum;
  }

  /** Whether the run counts: load was acknowledged and nothing went wrong. */
  public boolean isValid() {
    return acknowledged > 0 && refused() == 0 && protocolErrors == 0 && disconnects == 0;
  }

  /** Acknowledged submit_sm per second. */
  public double throughputPerSecond() {
    return acknowledged * NANOS_PER_SECOND / measuredNanos;
  }

  /** Server CPU milliseconds per {@value #PDUS_PER_CPU_FIGURE} acknowledged submit_sm. */
  public double serverCpuMillisPer100k() {
    return perHundredThousand(serverCpuNanos);
  }

  /** Driver CPU milliseconds per {@value #PDUS_PER_CPU_FIGURE} acknowledged submit_sm. */
  public double clientCpuMillisPer100k() {
    return perHundredThousand(clientCpuNanos);
  }

  /** Server CPU cores kept busy on average during the period. */
  public double serverCores() {
    return (double) serverCpuNanos / measuredNanos;
  }

  /**
   * Cores that processes other than the server and the driver kept busy on average during the
   * period (what disturbed the figure), or NaN if unknown. Clock-tick rounding makes small negative
   * values possible; they are reported as 0.
   */
  public double otherCores() {
    if (machineCpuNanos < 0) {
      return Double.NaN;
    }
    return Math.max(0, machineCpuNanos - serverCpuNanos - clientCpuNanos) / (double) measuredNanos;
  }

  /** Acknowledged submit_sm per second of server CPU: throughput per server CPU. */
  public double pdusPerServerCpuSecond() {
    return serverCpuNanos <= 0 ? Double.NaN : acknowledged * NANOS_PER_SECOND / serverCpuNanos;
  }

  private double perHundredThousand(long cpuNanos) {
    if (acknowledged == 0) {
      return Double.NaN;
    }
    return cpuNanos / NANOS_PER_MILLI * PDUS_PER_CPU_FIGURE / acknowledged;
  }
}
