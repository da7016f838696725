package io.vasgate.loadtest.driver;

/**
 * CPU time consumed so far by something (a process, a process tree), in nanoseconds. Only
 * differences between two readings mean anything.
 */
@FunctionalInterface
public interface CpuClock {

  /**
   * @throws IllegalStateException if the CPU time cannot be read (e.g. the process is gone)
   */
  long cpuNanos();
}
