package io.vasgate.loadtest.mo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the pipeline benchmark reads around a run ({@link MoLoadDriver.Probe}s): the database's
 * counters at the edges of the measured period, a JFR recording of the gateway over it, and a
 * sample of every SQL statement. Failures are reported on the progress stream and leave the figure
 * out; they never stop the run.
 */
final class PipelineProbes {

  private PipelineProbes() {}

  /** Reads the database counters at the phase boundaries; starts JFR for the measured period. */
  static final class Counters implements MoLoadDriver.Probe {
    private final DatabaseStatus db;
    private final long jfrPid;
    private final Path jfr;
    private final PrintStream progress;
    private Map<String, Long> before = Map.of();
    private Map<String, Long> after = Map.of();

    /**
     * @param jfrPid the gateway JVM to record, or -1 for none
     * @param jfr where the recording goes
     */
    Counters(DatabaseStatus db, long jfrPid, Path jfr, PrintStream progress) {
      this.db = db;
      this.jfrPid = jfrPid;
      this.jfr = jfr;
      this.progress = progress;
    }

    @Override
    public void beforeRun(MoLoadSpec spec) {
      if (jfrPid > 0) {
        // Started now with a delay, so that jcmd's own JVM runs during the warm-up.
        jcmd(
            jfrPid,
            progress,
            "JFR.start",
            "name=pipeline",
            "settings=profile",
            "delay=" + (spec.warmup().toMillis() + 1000) / 1000 + "s",
            "duration=" + Math.max(1, spec.duration().toSeconds() - 1) + "s",
            "filename=" + jfr.toAbsolutePath());
      }
    }

    @Override
    public void measuring() {
      before = read();
    }

    @Override
    public void measured() {
      after = read();
    }

    /** The counters that moved in the measured period; empty if either reading failed. */
    Map<String, Long> delta() {
      return before.isEmpty() || after.isEmpty() ? Map.of() : DatabaseStatus.delta(before, after);
    }

    private Map<String, Long> read() {
      try {
        return db.counters();
      } catch (SQLException e) {
        progress.println("pipeline - cannot read the database counters: " + e.getMessage());
        return Map.of();
      }
    }
  }

  /** Logs every statement during the measured period of a run. */
  static final class Statements implements MoLoadDriver.Probe {
    private final DatabaseStatus db;
    private final PrintStream progress;
    private Map<String, Long> statements = Map.of();

    Statements(DatabaseStatus db, PrintStream progress) {
      this.db = db;
      this.progress = progress;
    }

    @Override
    public void measuring() {
      try {
        db.startStatementLog();
      } catch (SQLException e) {
        progress.println("pipeline - cannot start the general log: " + e.getMessage());
      }
    }

    @Override
    public void measured() {
      try {
        statements = db.stopStatementLog();
      } catch (SQLException e) {
        progress.println("pipeline - cannot read the general log: " + e.getMessage());
      }
    }

    /** Statement shapes and how often each was sent; empty until the period ended. */
    Map<String, Long> statements() {
      return statements;
    }
  }

  /** Runs the JDK's jcmd against {@code pid}; a failure is reported, not thrown. */
  static void jcmd(long pid, PrintStream progress, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    command.add(Long.toString(pid));
    command.addAll(Arrays.asList(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        progress.println("pipeline - jcmd failed: " + output.trim());
      }
    } catch (IOException e) {
      progress.println("pipeline - cannot run jcmd: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for a JFR file (written when its duration ends) and summarises it ({@link JfrHotSpots});
   * says so in the text if none appeared.
   */
  static String awaitRecording(Path jfr, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(jfr)) {
        // Written in one go when the recording's duration ends; a moment more for the last bytes.
        Thread.sleep(1000);
        try {
          return "Recording: `"
              + jfr
              + "`\n\n"
              + JfrHotSpots.summarize(jfr, JfrHotSpots.DEFAULT_TOP);
        } catch (IOException e) {
          return "(cannot read " + jfr + ": " + e.getMessage() + ")\n\n";
        }
      }
      Thread.sleep(500);
    }
    return "(no recording appeared at " + jfr + ")\n\n";
  }
}
