package io.vasgate.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark figure is worth nothing without: the machine and the moment it was taken.
 *
 * @param processors cores the JVM sees ({@code nproc})
 * @param cpuModel the first "model name" of /proc/cpuinfo
 * @param memory MemTotal of /proc/meminfo, e.g. "23.4 GiB"
 * @param jdk vendor, VM and version of the JDK
 * @param os name, version and architecture
 * @param loadAverage the first three fields of /proc/loadavg
 * @param date when probed, ISO-8601 with offset
 */
public record MachineInfo(
    int processors,
    String cpuModel,
    String memory,
    String jdk,
    String os,
    String loadAverage,
    String date) {

  private static final String UNKNOWN = "unknown";

  /** Reads the running machine; fields that cannot be read say "unknown". */
  public static MachineInfo probe() {
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        cpuModel(readLines(Path.of("/proc/cpuinfo"))),
        memory(readLines(Path.of("/proc/meminfo"))),
        System.getProperty("java.vm.vendor")
            + " "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version"),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        currentLoadAverage(),
        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  /** The first three fields of /proc/loadavg (1, 5 and 15 minutes), or "unknown". */
  public static String currentLoadAverage() {
    List<String> lines = readLines(Path.of("/proc/loadavg"));
    if (lines.isEmpty()) {
      return UNKNOWN;
    }
    String[] fields = lines.get(0).trim().split("\\s+");
    return fields.length < 3 ? UNKNOWN : fields[0] + " " + fields[1] + " " + fields[2];
  }

  static String cpuModel(List<String> cpuinfo) {
    for (String line : cpuinfo) {
      if (line.startsWith("model name")) {
        int colon = line.indexOf(':');
        if (colon >= 0) {
          return line.substring(colon + 1).trim();
        }
      }
    }
    return UNKNOWN;
  }

  static String memory(List<String> meminfo) {
    for (String line : meminfo) {
      if (line.startsWith("MemTotal:")) {
        String[] fields = line.substring("MemTotal:".length()).trim().split("\\s+");
        try {
          long kib = Long.parseLong(fields[0]);
          return String.format(Locale.ROOT, "%.1f GiB", kib / (1024.0 * 1024.0));
        } catch (NumberFormatException e) {
          return UNKNOWN;
        }
      }
    }
    return UNKNOWN;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** As markdown bullet points. */
  public String toMarkdown() {
    return "- CPU: "
        + cpuModel
        + ", nproc "
        + processors
        + "\n- RAM: "
        + memory
        + "\n- JDK: "
        + jdk
        + "\n- OS: "
        + os
        + "\n- date: "
        + date
        + "\n- load average at start (1/5/15 min): "
        + loadAverage
        + "\n";
  }
}
