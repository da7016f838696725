package io.vasgate.loadtest.mo;

import io.vasgate.loadtest.driver.CpuClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPU clocks of one run read at one moment: gateway JVM, its MariaDB, the driver's JVM and the
 * whole machine. Two readings give the cores each used in between; a clock that is missing or could
 * not be read gives NaN rather than a wrong figure.
 */
final class CpuReadings {

  private static final Logger log = LoggerFactory.getLogger(CpuReadings.class);

  /** Cores used between two readings; NaN where unknown. */
  record Cores(double gateway, double database, double driver, double others) {}

  private final CpuClock[] clocks;
  private final long[] nanos;

  /**
   * @param machine the whole machine's busy time; null if unknown
   */
  CpuReadings(ServerCpu server, CpuClock driver, CpuClock machine) {
    this.clocks = new CpuClock[] {server.gateway(), server.database(), driver, machine};
    this.nanos = new long[clocks.length];
    java.util.Arrays.fill(nanos, -1);
  }

  /** Reads every clock now. */
  void read() {
    for (int i = 0; i < clocks.length; i++) {
      nanos[i] = read(clocks[i]);
    }
  }

  private static long read(CpuClock clock) {
    if (clock == null) {
      return -1;
    }
    try {
      return clock.cpuNanos();
    } catch (RuntimeException e) {
      log.warn("mo-load - cannot read {}: {}", clock, e.toString());
      return -1;
    }
  }

  /**
   * Cores used from {@code start} to this reading, over {@code elapsedNanos} of wall time. Others =
   * the machine's busy time less gateway, MariaDB and driver.
   */
  Cores coresSince(CpuReadings start, double elapsedNanos) {
    double gateway = cores(start, 0, elapsedNanos);
    double database = cores(start, 1, elapsedNanos);
    double driver = cores(start, 2, elapsedNanos);
    double machine = cores(start, 3, elapsedNanos);
    double others = Double.NaN;
    if (!Double.isNaN(machine) && !Double.isNaN(gateway)) {
      others =
          Math.max(
              0,
              machine
                  - gateway
                  - (Double.isNaN(database) ? 0 : database)
                  - (Double.isNaN(driver) ? 0 : driver));
    }
    return new Cores(gateway, database, driver, others);
  }

  private double cores(CpuReadings start, int i, double elapsedNanos) {
    if (start.nanos[i] < 0 || nanos[i] < 0 || elapsedNanos <= 0) {
      return Double.NaN;
    }
    return (nanos[i] - start.nanos[i]) / elapsedNanos;
  }
}
