package io.vasgate.loadtest.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time spent by the whole machine outside the idle loop, from the aggregate {@code cpu} line of
 * {@code /proc/stat}: user, nice, system, irq, softirq and steal. Compared with the server's and
 * the driver's own CPU it shows how much other processes took during a measurement, i.e. whether
 * the figure was disturbed.
 */
public final class MachineCpuClock implements CpuClock {

  /**
   * Jiffies per second in /proc/stat ({@code USER_HZ}): 100 on every mainstream Linux build, and
   * the kernel ABI keeps it fixed whatever the kernel's internal tick rate.
   */
  static final long USER_HZ = 100;

  private static final long NANOS_PER_TICK = 1_000_000_000L / USER_HZ;

  /** Fields of the cpu line that are busy time (0-based after the "cpu" label). */
  private static final int[] BUSY_FIELDS = {0, 1, 2, 5, 6, 7};

  private static final Path PROC_STAT = Path.of("/proc/stat");

  private final Path stat;

  MachineCpuClock(Path stat) {
    this.stat = stat;
  }

  /** The clock of this machine, or null where there is no /proc/stat. */
  public static MachineCpuClock ofThisMachine() {
    return Files.isReadable(PROC_STAT) ? new MachineCpuClock(PROC_STAT) : null;
  }

  @Override
  public long cpuNanos() {
    try {
      return parse(Files.readAllLines(stat));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalStateException if there is no well-formed aggregate cpu line
   */
  static long parse(List<String> lines) {
    for (String line : lines) {
      if (line.startsWith("cpu ")) {
        String[] fields = line.substring(4).trim().split("\\s+");
        long ticks = 0;
        try {
          for (int i : BUSY_FIELDS) {
            if (i < fields.length) {
              ticks += Long.parseLong(fields[i]);
            }
          }
        } catch (NumberFormatException e) {
          throw new IllegalStateException("malformed cpu line in /proc/stat: " + line, e);
        }
        return ticks * NANOS_PER_TICK;
      }
    }
    throw new IllegalStateException("no aggregate cpu line in /proc/stat");
  }
}
