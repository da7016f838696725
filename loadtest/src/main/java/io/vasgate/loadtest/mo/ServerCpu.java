package io.vasgate.loadtest.mo;

import io.vasgate.loadtest.driver.CpuClock;

/**
 * The CPU clocks of the gateway under test, read at both ends of the measured period: its JVM and
 * its MariaDB, apart, since the point is to see which one the commands cost. Either may be null
 * (e.g. a gateway inside the test's own JVM), then reported as unknown.
 */
public record ServerCpu(CpuClock gateway, CpuClock database) {

  /** Nothing known about the server's CPU. */
  public static final ServerCpu UNKNOWN = new ServerCpu(null, null);
}
