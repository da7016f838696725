package io.vasgate.loadtest;

import io.vasgate.loadtest.driver.BindFailedException;
import io.vasgate.loadtest.driver.CpuClock;
import io.vasgate.loadtest.driver.LoadResult;
import io.vasgate.loadtest.driver.LoadSpec;
import io.vasgate.loadtest.driver.MachineCpuClock;
import io.vasgate.loadtest.driver.ProcessCpuClock;
import io.vasgate.loadtest.driver.SmppLoadDriver;
import io.vasgate.loadtest.process.ServerPool;
import io.vasgate.loadtest.process.ServerProcess;
import io.vasgate.loadtest.report.ComparisonReport;
import io.vasgate.loadtest.report.MachineInfo;
import io.vasgate.loadtest.report.Measurement;
import io.vasgate.loadtest.server.BenchmarkServer;
import io.vasgate.loadtest.server.ServerKind;
import io.vasgate.smpp.pdu.BindType;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The side-by-side SMPP benchmark: starts each server in its own JVM, drives every (binds, window)
 * combination against it with {@link SmppLoadDriver}, and writes one markdown report with the
 * figures and the ratios.
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java -cp "loadtest/target/loadtest-0.1.0-SNAPSHOT.jar:loadtest/target/lib/*" \
 *     io.vasgate.loadtest.LoadTestMain --servers vasgate,cloudhopper,jsmpp \
 *     --binds 1,4 --windows 1,10,100 --warmup 5s --duration 10s --out results.md
 * </pre>
 *
 * <p>Exit status 0 when every run is valid, 1 when some run failed or saw errors, 2 on bad usage.
 */
@Command(
    name = "loadtest",
    mixinStandardHelpOptions = true,
    version = "vasgate loadtest 0.1.0",
    description = "SMPP submit_sm throughput, latency and server CPU, side by side.")
public final class LoadTestMain implements Callable<Integer> {

  /** How long the machine's load is sampled before each cell. */
  static final Duration QUIET_SAMPLE = Duration.ofSeconds(1);

  /** Time a server JVM gets to print READY (the gateway starts MariaDB first). */
  static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  @Option(
      names = "--servers",
      split = ",",
      defaultValue = "vasgate,cloudhopper,jsmpp",
      description = "Servers to compare; the first is compared with the others (${DEFAULT-VALUE}).")
  List<String> servers;

  @Option(
      names = "--binds",
      split = ",",
      defaultValue = "1,4",
      description = "Session counts (${DEFAULT-VALUE}).")
  List<Integer> binds;

  @Option(
      names = "--windows",
      split = ",",
      defaultValue = "1,10,100",
      description = "Outstanding submit_sm per session (${DEFAULT-VALUE}).")
  List<Integer> windows;

  @Option(
      names = "--warmup",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description = "Load before each measured period (${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(
      names = "--duration",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Each measured period (${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--rounds",
      defaultValue = "1",
      description =
          "Repeat everything this many times, rotating the server order; each cell reports the"
              + " round with the median throughput (${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--bind-type",
      defaultValue = "TRANSMITTER",
      description = "TRANSMITTER or TRANSCEIVER (${DEFAULT-VALUE}).")
  BindType bindType;

  @Option(
      names = "--server-jvm-args",
      defaultValue = "-Xms1g -Xmx1g -XX:+UseParallelGC",
      description = "JVM flags of every server process, the same for all (${DEFAULT-VALUE}).")
  String serverJvmArgs;

  @Option(
      names = "--vasgate-set",
      paramLabel = "smpp.KEY=VALUE",
      description =
          "A setting of the smpp section for the gateway servers (vasgate, vasgate-nopoll), e.g."
              + " --vasgate-set smpp.busyPollMicros=50; repeatable.")
  List<String> vasgateSettings = new ArrayList<>();

  @Option(
      names = "--work-dir",
      defaultValue = "loadtest/target/loadtest-run",
      description = "Server logs and the gateway's MariaDB data (${DEFAULT-VALUE}).")
  Path workDir;

  @Option(
      names = "--interleave",
      description =
          "Keep every server up and measure each cell on all of them in turn, instead of one"
              + " server after the other.")
  boolean interleave;

  @Option(
      names = "--quiet-below",
      defaultValue = "0.25",
      description =
          "Before each cell, wait until other processes use fewer cores than this, sampled over"
              + " 1 s while the server idles; 0 disables (${DEFAULT-VALUE}).")
  double quietBelow;

  @Option(
      names = "--quiet-wait",
      defaultValue = "2m",
      converter = DurationConverter.class,
      description = "Longest wait for a quiet machine before measuring anyway (${DEFAULT-VALUE}).")
  Duration quietWait;

  @Option(
      names = "--out",
      description = "Write the markdown report here too (default: <work-dir>/results.md).")
  Path out;

  private final List<String> commandLine;
  private final PrintStream progress;

  LoadTestMain(List<String> commandLine, PrintStream progress) {
    this.commandLine = List.copyOf(commandLine);
    this.progress = progress;
  }

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      // Before any logger exists: gateway-core's jar also ships a logback.xml.
      System.setProperty("logback.configurationFile", ServerProcess.LOGBACK_CONFIGURATION);
    }
    System.exit(new CommandLine(new LoadTestMain(Arrays.asList(args), System.err)).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<ServerKind> kinds = servers.stream().map(ServerKind::of).toList();
    if (rounds < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--rounds must be at least 1");
    }
    List<String> jvmArgs =
        Arrays.stream(serverJvmArgs.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    MachineInfo machine = MachineInfo.probe();
    progress.printf("loadtest - %s%n", machine.toMarkdown().replace("\n", " "));
    List<Measurement> measurements;
    String transport;
    try (SmppLoadDriver driver = SmppLoadDriver.create()) {
      transport = driver.transport();
      measurements = measureAll(driver, kinds, jvmArgs);
    }
    String loadAtEnd = MachineInfo.currentLoadAverage();
    ComparisonReport report =
        new ComparisonReport(kinds.stream().map(ServerKind::id).toList(), measurements);
    String markdown = document(machine, loadAtEnd, transport, kinds, report);
    Path target = out != null ? out : workDir.resolve("results.md");
    if (target.toAbsolutePath().getParent() != null) {
      Files.createDirectories(target.toAbsolutePath().getParent());
    }
    Files.writeString(target, markdown, StandardCharsets.UTF_8);
    System.out.println(markdown);
    progress.printf("loadtest - report written to %s%n", target.toAbsolutePath());
    return measurements.stream().allMatch(Measurement::isValid) ? 0 : 1;
  }

  /**
   * Every cell of every round. Sequential: one server process at a time, all its cells, then the
   * next server. Interleaved: all servers stay up (idle when not measured) and each cell is
   * measured on every server in turn, so that a slow drift in the machine's background load hits
   * all of them alike.
   */
  private List<Measurement> measureAll(
      SmppLoadDriver driver, List<ServerKind> kinds, List<String> jvmArgs)
      throws InterruptedException {
    List<Measurement> measurements = new ArrayList<>();
    try (ServerPool pool = new ServerPool(jvmArgs, vasgateSettings, workDir, START_TIMEOUT)) {
      for (int round = 1; round <= rounds; round++) {
        List<ServerKind> order = rotate(kinds, round - 1);
        if (interleave) {
          for (int b : binds) {
            for (int w : windows) {
              for (ServerKind kind : order) {
                measurements.add(measureCell(driver, pool, kind, round, b, w));
              }
            }
          }
        } else {
          for (ServerKind kind : order) {
            for (int b : binds) {
              for (int w : windows) {
                measurements.add(measureCell(driver, pool, kind, round, b, w));
              }
            }
            pool.stop(kind);
          }
        }
      }
    }
    return measurements;
  }

  /** One cell; a failure is recorded, and the server restarted for the next cell. */
  private Measurement measureCell(
      SmppLoadDriver driver, ServerPool pool, ServerKind kind, int round, int b, int w)
      throws InterruptedException {
    ServerProcess server;
    try {
      server = pool.get(kind);
    } catch (IOException e) {
      progress.printf("loadtest - %s could not start: %s%n", kind.id(), e.getMessage());
      return Measurement.failed(kind.id(), round, b, w, e.getMessage());
    }
    awaitQuietMachine(server);
    LoadSpec spec =
        new LoadSpec(
            new InetSocketAddress(BenchmarkServer.HOST, server.port()),
            BenchmarkServer.SYSTEM_ID,
            BenchmarkServer.PASSWORD,
            bindType,
            b,
            w,
            warmup,
            duration,
            LoadSpec.DEFAULT_BIND_TIMEOUT);
    try {
      LoadResult result = driver.run(spec, server.cpuClock());
      progress.println(progressLine(kind, round, result));
      return Measurement.of(kind.id(), round, result);
    } catch (BindFailedException | IllegalStateException e) {
      progress.printf(
          "loadtest - %s binds=%d window=%d FAILED: %s (log %s)%n",
          kind.id(), b, w, e.getMessage(), server.logFile());
      pool.stop(kind);
      return Measurement.failed(kind.id(), round, b, w, e.getMessage());
    }
  }

  /**
   * Waits, up to {@code --quiet-wait}, until processes other than the server and this JVM keep
   * fewer than {@code --quiet-below} cores busy: other engineers' builds on a shared machine would
   * otherwise decide the figures. The report shows what others used during each measurement.
   */
  private void awaitQuietMachine(ServerProcess server) throws InterruptedException {
    MachineCpuClock machine = MachineCpuClock.ofThisMachine();
    if (quietBelow <= 0 || machine == null) {
      return;
    }
    CpuClock own = ProcessCpuClock.currentProcess();
    CpuClock serverCpu = server.cpuClock();
    long deadline = System.nanoTime() + quietWait.toNanos();
    double others;
    do {
      long m0 = machine.cpuNanos();
      long o0 = own.cpuNanos();
      long s0 = serverCpu.cpuNanos();
      long t0 = System.nanoTime();
      Thread.sleep(QUIET_SAMPLE.toMillis());
      long elapsed = System.nanoTime() - t0;
      long busy = (machine.cpuNanos() - m0) - (own.cpuNanos() - o0) - (serverCpu.cpuNanos() - s0);
      others = Math.max(0, busy) / (double) elapsed;
      if (others < quietBelow) {
        return;
      }
    } while (System.nanoTime() < deadline);
    progress.printf(
        Locale.ROOT,
        "loadtest - other processes still use %.2f cores after %s; measuring anyway%n",
        others,
        DurationConverter.format(quietWait));
  }

  private static String progressLine(ServerKind kind, int round, LoadResult r) {
    return String.format(
        Locale.ROOT,
        "loadtest - round %d %-11s binds=%d window=%-3d %,9.0f submit_sm/s  p50 %,7.1f µs  p99"
            + " %,8.1f µs  p99.9 %,8.1f µs  server %,6.0f ms/100k (%.2f cores)  driver %,6.0f"
            + " ms/100k  other %.2f cores  %s",
        round,
        kind.id(),
        r.binds(),
        r.window(),
        r.throughputPerSecond(),
        r.latency().p50() / 1e3,
        r.latency().p99() / 1e3,
        r.latency().p999() / 1e3,
        r.serverCpuMillisPer100k(),
        r.serverCores(),
        r.clientCpuMillisPer100k(),
        r.otherCores(),
        r.isValid()
            ? "ok"
            : "INVALID "
                + r.refusals()
                + " protocol="
                + r.protocolErrors()
                + " disconnects="
                + r.disconnects());
  }

  static <T> List<T> rotate(List<T> list, int by) {
    List<T> rotated = new ArrayList<>(list);
    java.util.Collections.rotate(rotated, -(by % Math.max(1, list.size())));
    return rotated;
  }

  private String document(
      MachineInfo machine,
      String loadAtEnd,
      String transport,
      List<ServerKind> kinds,
      ComparisonReport report) {
    StringBuilder md = new StringBuilder();
    md.append("## SMPP submit_sm load: ")
        .append(String.join(" vs ", kinds.stream().map(ServerKind::id).toList()))
        .append("\n\n");
    md.append("Command:\n\n```sh\njava -cp \"loadtest/target/loadtest-0.1.0-SNAPSHOT.jar:")
        .append("loadtest/target/lib/*\" io.vasgate.loadtest.LoadTestMain");
    for (String arg : commandLine) {
      md.append(' ').append(arg.contains(" ") ? "'" + arg + "'" : arg);
    }
    md.append("\n```\n\nMachine:\n\n").append(machine.toMarkdown());
    md.append("- load average at end: ").append(loadAtEnd).append("\n\n");
    md.append("Setup:\n\n");
    for (ServerKind kind : kinds) {
      md.append("- ").append(kind.id()).append(": ").append(kind.description()).append('\n');
    }
    if (!vasgateSettings.isEmpty()) {
      md.append("- gateway settings (vasgate kinds): `")
          .append(String.join(" ", vasgateSettings))
          .append("`\n");
    }
    md.append("- server JVM flags (all servers): `")
        .append(serverJvmArgs)
        .append("`; each server in its own JVM; server CPU = user+system time of that JVM and")
        .append(" its child processes over the measured period\n");
    md.append("- driver: one Netty ")
        .append(transport)
        .append(" event loop thread in the orchestrator JVM, ")
        .append(bindType.name().toLowerCase(Locale.ROOT))
        .append(" binds as demo/demo, one ")
        .append(SmppLoadDriver.submitTemplate().smLength())
        .append("-octet GSM submit_sm per request, a new one sent on each response\n");
    md.append("- per cell: ")
        .append(DurationConverter.format(warmup))
        .append(" warm-up then ")
        .append(DurationConverter.format(duration))
        .append(" measured")
        .append(rounds > 1 ? "; " + rounds + " rounds, median shown" : "")
        .append(
            interleave
                ? "; interleaved: all servers up, each cell measured on each server in turn"
                : "; sequential: one server process at a time")
        .append(
            quietBelow > 0
                ? String.format(
                    Locale.ROOT,
                    "; each cell waits (up to %s) until other processes use < %.2f cores",
                    DurationConverter.format(quietWait),
                    quietBelow)
                : "")
        .append("\n\n");
    md.append(report.toMarkdown());
    return md.toString();
  }
}
