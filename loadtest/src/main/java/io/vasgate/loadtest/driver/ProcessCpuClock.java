package io.vasgate.loadtest.driver;

import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time (user + system) of a process, optionally with its live descendants, as the OS
 * accounts it. On Linux the figure comes from {@code /proc/<pid>/stat} in clock ticks (usually 10
 * ms), so measure periods of seconds.
 */
public final class ProcessCpuClock implements CpuClock {

  private final ProcessHandle process;
  private final boolean withDescendants;

  private ProcessCpuClock(ProcessHandle process, boolean withDescendants) {
    this.process = process;
    this.withDescendants = withDescendants;
  }

  /** The JVM this runs in. */
  public static ProcessCpuClock currentProcess() {
    return new ProcessCpuClock(ProcessHandle.current(), false);
  }

  /**
   * A process and everything it started that is still running (e.g. the embedded MariaDB of a
   * gateway): all of it is the cost of the server under test.
   */
  public static ProcessCpuClock processTree(ProcessHandle process) {
    return new ProcessCpuClock(process, true);
  }

  /**
   * @throws IllegalStateException if the process is gone or its CPU time cannot be read
   */
  @Override
  public long cpuNanos() {
    long total =
        cpuOf(process)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "cannot read the CPU time of process " + process.pid()));
    if (withDescendants) {
      // A descendant that exits between listing and reading simply no longer counts.
      total += process.descendants().mapToLong(p -> cpuOf(p).orElse(0L)).sum();
    }
    return total;
  }

  private static Optional<Long> cpuOf(ProcessHandle p) {
    return p.info().totalCpuDuration().map(Duration::toNanos);
  }

  @Override
  public String toString() {
    return "cpu of pid " + process.pid() + (withDescendants ? " and descendants" : "");
  }
}
