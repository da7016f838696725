package io.vasgate.loadtest.mo;

import io.vasgate.loadtest.DurationConverter;
import io.vasgate.loadtest.driver.CpuClock;
import io.vasgate.loadtest.driver.MachineCpuClock;
import io.vasgate.loadtest.driver.ProcessCpuClock;
import io.vasgate.loadtest.process.ServerProcess;
import io.vasgate.loadtest.report.MachineInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The end-to-end benchmark of the handset command pipeline: starts the gateway as shipped (with the
 * sample catalog, embedded MariaDB) in its own JVM, drives it through real SMPP transceiver binds
 * as the MO source {@code mo} with {@link MoLoadDriver}, first as fast as it goes (closed loop),
 * then at each paced rate (open loop), and writes a markdown report with throughput, latency
 * percentiles, CPU of gateway, MariaDB and driver, the database statements per command and
 * optionally a JFR profile of one point.
 *
 * <pre>
 * mvn -B -q -DskipTests -Dvasgate.buildDirName=target-mo -pl loadtest -am package
 * java -cp "loadtest/target-mo/loadtest-0.1.0-SNAPSHOT.jar:loadtest/target-mo/lib/*" \
 *     io.vasgate.loadtest.mo.PipelineBenchmarkMain --rates 1000,2500,5000,10000 \
 *     --warmup 10s --duration 20s --profile 5000 --statement-sample 5s \
 *     --work-dir loadtest/target-mo/pipeline-run --out loadtest/target-mo/pipeline-results.md
 * </pre>
 *
 * <p>Exit status 0 when every point ran without errors, 1 otherwise, 2 on bad usage.
 */
@Command(
    name = "pipeline-benchmark",
    mixinStandardHelpOptions = true,
    version = "vasgate loadtest 0.1.0",
    description = "Handset commands end to end through the gateway: throughput, latency, CPU, SQL.")
public final class PipelineBenchmarkMain implements Callable<Integer> {

  /** Time the gateway JVM gets to print READY (MariaDB starts first). */
  static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  /** How long the machine's load is sampled while waiting for others to quieten. */
  static final Duration QUIET_SAMPLE = Duration.ofSeconds(1);

  /** Longest wait for the JFR file after the run (it is written when its duration ends). */
  static final Duration JFR_WAIT = Duration.ofSeconds(30);

  /** Rate of the general-log statement sample: low, since logging every statement is slow. */
  static final double STATEMENT_SAMPLE_RATE = 500;

  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "1000,2500,5000,10000",
      description = "Open-loop rates, commands per second (${DEFAULT-VALUE}).")
  List<Double> rates;

  @Option(
      names = "--max",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Also a closed-loop run for the highest sustained rate (${DEFAULT-VALUE}).")
  boolean max;

  @Option(
      names = "--binds",
      defaultValue = "4",
      description = "Transceiver binds of the MO source (${DEFAULT-VALUE}).")
  int binds;

  @Option(
      names = "--window",
      defaultValue = "64",
      description = "Closed loop: commands in flight per bind (${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--warmup",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Load before each measured period (${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(
      names = "--duration",
      defaultValue = "20s",
      converter = DurationConverter.class,
      description = "Each measured period (${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--reply-timeout",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "A command without its whole reply by then is missing (${DEFAULT-VALUE}).")
  Duration replyTimeout;

  @Option(
      names = "--pool",
      defaultValue = "200000",
      description = "Distinct simulated handsets (${DEFAULT-VALUE}).")
  int poolSize;

  @Option(
      names = "--think-time",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description = "A subscriber's pause before the next MO of a script (${DEFAULT-VALUE}).")
  Duration thinkTime;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the handsets' scripts (${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--server-jvm-args",
      defaultValue = "-Xms1g -Xmx1g -XX:+UseParallelGC",
      description = "JVM flags of the gateway (${DEFAULT-VALUE}).")
  String serverJvmArgs;

  @Option(
      names = "--set",
      description = "A gateway setting for every point, e.g. --set pipeline.journalBatch=1000.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--conf",
      defaultValue = "conf/gateway.yaml",
      description = "The gateway configuration to start from (${DEFAULT-VALUE}).")
  Path gatewayYaml;

  @Option(
      names = "--reuse-server",
      defaultValue = "false",
      description = "One gateway for every point instead of a fresh one (and database) each.")
  boolean reuseServer;

  @Option(
      names = "--profile",
      description =
          "Record JFR on the gateway during the measured period of this point: a rate"
              + " from --rates, or 'max'.")
  String profile;

  @Option(
      names = "--statement-sample",
      defaultValue = "0s",
      converter = DurationConverter.class,
      description =
          "After the profiled point (or the last), log every SQL statement for this"
              + " long at a low rate and report them by shape; 0s skips it (${DEFAULT-VALUE}).")
  Duration statementSample;

  @Option(
      names = "--work-dir",
      defaultValue = "loadtest/target/pipeline-run",
      description = "Gateway logs, databases and recordings (${DEFAULT-VALUE}).")
  Path workDir;

  @Option(
      names = "--mariadb-base",
      description =
          "Where MariaDB's binaries are unpacked once" + " (default: <work-dir>/mariadb-base).")
  Path mariaDbBase;

  @Option(
      names = "--quiet-below",
      defaultValue = "0.3",
      description =
          "Before each point, wait until other processes use fewer cores than this;"
              + " 0 disables (${DEFAULT-VALUE}).")
  double quietBelow;

  @Option(
      names = "--redo-disturbed",
      defaultValue = "2",
      description =
          "Measure a point again, up to this many times, when other processes took more"
              + " than --quiet-below cores during it (${DEFAULT-VALUE}).")
  int redoDisturbed;

  @Option(
      names = "--quiet-wait",
      defaultValue = "2m",
      converter = DurationConverter.class,
      description = "Longest wait for a quiet machine before measuring anyway (${DEFAULT-VALUE}).")
  Duration quietWait;

  @Option(names = "--out", description = "Report file (default: <work-dir>/pipeline-results.md).")
  Path out;

  private final List<String> commandLine;
  private final PrintStream progress;

  PipelineBenchmarkMain(List<String> commandLine, PrintStream progress) {
    this.commandLine = List.copyOf(commandLine);
    this.progress = progress;
  }

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", ServerProcess.LOGBACK_CONFIGURATION);
    }
    System.exit(
        new CommandLine(new PipelineBenchmarkMain(Arrays.asList(args), System.err)).execute(args));
  }

  /** One point to measure. */
  private record Plan(String id, boolean closedLoop, double rate) {}

  @Override
  public Integer call() throws Exception {
    List<Plan> plans = new ArrayList<>();
    if (max) {
      plans.add(new Plan("max", true, 0));
    }
    for (double r : rates) {
      plans.add(new Plan(String.format(Locale.ROOT, "%.0f", r), false, r));
    }
    if (plans.isEmpty()) {
      throw new CommandLine.ParameterException(new CommandLine(this), "nothing to measure");
    }
    if (profile != null && plans.stream().noneMatch(p -> p.id().equals(profile))) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--profile " + profile + " is not one of the points");
    }
    String sampleAfter = profile != null ? profile : plans.get(plans.size() - 1).id();
    List<String> jvmArgs =
        Arrays.stream(serverJvmArgs.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    Path base = mariaDbBase != null ? mariaDbBase : workDir.resolve("mariadb-base");
    MachineInfo machine = MachineInfo.probe();
    progress.printf("pipeline - %s%n", machine.toMarkdown().replace("\n", " "));
    CommandMix mix = CommandMix.standard();
    List<PipelinePoint> points = new ArrayList<>();
    String transport;
    PipelineServerProcess server = null;
    HandsetPool pool = null;
    boolean failed = false;
    try (MoLoadDriver driver = MoLoadDriver.create()) {
      transport = driver.transport();
      plans:
      for (Plan plan : plans) {
        for (int attempt = 1; ; attempt++) {
          if (server == null) {
            try {
              server =
                  PipelineServerProcess.start(
                      jvmArgs, workDir, base, gatewayYaml, overrides, START_TIMEOUT);
            } catch (IOException e) {
              // The points so far still make a report; the exit status says it is incomplete.
              progress.println("pipeline - " + e.getMessage() + "; stopping here");
              failed = true;
              break plans;
            }
            pool = new HandsetPool(poolSize, HandsetPool.DEFAULT_PREFIX, mix, seed, thinkTime);
          }
          awaitQuietMachine(server);
          PipelinePoint point =
              measure(
                  driver,
                  server,
                  pool,
                  plan,
                  attempt,
                  plan.id().equals(profile),
                  statementSample.isZero() || !plan.id().equals(sampleAfter)
                      ? Duration.ZERO
                      : statementSample);
          progress.println("pipeline - " + point.result().summaryLine());
          if (!reuseServer) {
            server.close();
            server = null;
          }
          double others = point.result().otherCores();
          if (attempt > redoDisturbed || Double.isNaN(others) || others <= quietBelow) {
            points.add(point);
            break;
          }
          progress.printf(
              Locale.ROOT,
              "pipeline - other processes took %.2f cores during %s; measuring it again%n",
              others,
              point.result().spec().label());
        }
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
    PipelineReport report =
        new PipelineReport(
            commandText(),
            machine,
            MachineInfo.currentLoadAverage(),
            setup(transport),
            mix,
            points);
    Path target = out != null ? out : workDir.resolve("pipeline-results.md");
    if (target.toAbsolutePath().getParent() != null) {
      Files.createDirectories(target.toAbsolutePath().getParent());
    }
    String markdown = report.toMarkdown();
    Files.writeString(target, markdown, StandardCharsets.UTF_8);
    System.out.println(markdown);
    progress.printf("pipeline - report written to %s%n", target.toAbsolutePath());
    return !failed && points.stream().allMatch(p -> p.result().isValid()) ? 0 : 1;
  }

  private PipelinePoint measure(
      MoLoadDriver driver,
      PipelineServerProcess server,
      HandsetPool pool,
      Plan plan,
      int attempt,
      boolean profiled,
      Duration sample)
      throws InterruptedException, IOException, SQLException {
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
    MoLoadSpec spec =
        (plan.closedLoop()
                ? MoLoadSpec.closedLoop(address, binds, window, warmup, duration)
                : MoLoadSpec.openLoop(address, binds, plan.rate(), warmup, duration))
            .withReplyTimeout(replyTimeout);
    Path jfr = workDir.resolve("gateway-" + plan.id() + "-" + System.currentTimeMillis() + ".jfr");
    String loadBefore = MachineInfo.currentLoadAverage();
    Map<String, Long> delta;
    MoLoadResult result;
    try (DatabaseStatus db = DatabaseStatus.connect(server.databaseUrl())) {
      PipelineProbes.Counters probe =
          new PipelineProbes.Counters(db, profiled ? server.pid() : -1, jfr, progress);
      result = driver.run(spec, pool, server.cpu(), probe);
      delta = probe.delta();
      String loadAfter = MachineInfo.currentLoadAverage();
      Optional<String> profileText = Optional.empty();
      if (profiled) {
        profileText = Optional.of(PipelineProbes.awaitRecording(jfr, JFR_WAIT));
      }
      Map<String, Long> statements = Map.of();
      long sampled = 0;
      if (!sample.isZero()) {
        MoLoadSpec sampleSpec =
            MoLoadSpec.openLoop(
                    address, binds, STATEMENT_SAMPLE_RATE, Duration.ofSeconds(1), sample)
                .withReplyTimeout(replyTimeout);
        PipelineProbes.Statements sampleProbe = new PipelineProbes.Statements(db, progress);
        MoLoadResult sampleResult = driver.run(sampleSpec, pool, server.cpu(), sampleProbe);
        statements = sampleProbe.statements();
        sampled = sampleResult.sent();
        progress.println("pipeline - statement sample: " + sampleResult.summaryLine());
      }
      return new PipelinePoint(
          result, attempt, delta, loadBefore, loadAfter, profileText, statements, sampled);
    }
  }

  /**
   * Waits, up to {@code --quiet-wait}, until processes other than the gateway and this JVM keep
   * fewer than {@code --quiet-below} cores busy. Adapted from the SMPP comparison's LoadTestMain.
   */
  private void awaitQuietMachine(PipelineServerProcess server) throws InterruptedException {
    MachineCpuClock machine = MachineCpuClock.ofThisMachine();
    if (quietBelow <= 0 || machine == null) {
      return;
    }
    CpuClock own = ProcessCpuClock.currentProcess();
    ServerCpu serverCpu = server.cpu();
    long deadline = System.nanoTime() + quietWait.toNanos();
    double others;
    do {
      long m0 = machine.cpuNanos();
      long o0 = own.cpuNanos() + serverCpu.gateway().cpuNanos() + serverCpu.database().cpuNanos();
      long t0 = System.nanoTime();
      Thread.sleep(QUIET_SAMPLE.toMillis());
      long elapsed = System.nanoTime() - t0;
      long ours =
          own.cpuNanos() + serverCpu.gateway().cpuNanos() + serverCpu.database().cpuNanos() - o0;
      others = Math.max(0, machine.cpuNanos() - m0 - ours) / (double) elapsed;
      if (others < quietBelow) {
        return;
      }
    } while (System.nanoTime() < deadline);
    progress.printf(
        Locale.ROOT,
        "pipeline - other processes still use %.2f cores after %s; measuring anyway%n",
        others,
        quietWait);
  }

  /**
   * Where the gateway's code comes from: the jar this class was loaded from (the gateway runs on
   * the same class path), and the commit checked out where it lies, read-only ({@code git
   * rev-parse}); the current directory's commit says nothing of jars built elsewhere.
   */
  private static String gatewayCode() {
    Path jar;
    try {
      jar =
          Path.of(
              PipelineBenchmarkMain.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return "unknown (no code source: " + e + ")";
    }
    Path dir = Files.isDirectory(jar) ? jar : jar.getParent();
    return jar + ", in a work tree at commit " + headCommit(dir);
  }

  /** The commit checked out at {@code dir}; "unknown" outside a repository. */
  private static String headCommit(Path dir) {
    try {
      Process p =
          new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", "--short", "HEAD").start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()
          ? out
          : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private String commandText() {
    StringBuilder s =
        new StringBuilder(
            "java -cp \"loadtest/target-mo/loadtest-0.1.0-SNAPSHOT.jar:loadtest/target-mo/lib/*\""
                + " io.vasgate.loadtest.mo.PipelineBenchmarkMain");
    for (String arg : commandLine) {
      s.append(' ').append(arg.contains(" ") ? "'" + arg + "'" : arg);
    }
    return s.toString();
  }

  private List<String> setup(String transport) {
    List<String> lines = new ArrayList<>();
    lines.add("gateway code: " + gatewayCode());
    lines.add(
        "gateway: "
            + gatewayYaml
            + " as shipped (sample catalog seeded from conf/catalog.yaml,"
            + " embedded MariaDB 11.4 with innodb_flush_log_at_trx_commit=1, billing LEDGER), in"
            + " its own JVM (`"
            + serverJvmArgs
            + "`); account `mo` raised to "
            + PipelineServerMain.MAX_BINDS
            + " binds, window "
            + PipelineServerMain.WINDOW_SIZE
            + ", "
            + PipelineServerMain.MAX_SUBMIT_PER_SECOND
            + " submit/s"
            + (overrides.isEmpty() ? "" : "; overrides " + overrides));
    lines.add(
        (reuseServer
                ? "one gateway and database for all points"
                : "a fresh gateway and database" + " per point")
            + "; "
            + poolSize
            + " distinct handsets (seed "
            + seed
            + "), each with"
            + " one command outstanding at most and a new user_message_reference per MO; the next MO"
            + " of a script "
            + thinkTime.toMillis()
            + " ms after the reply to the last, ahead of"
            + " new scripts, so every script started is finished");
    lines.add(
        "driver: one Netty "
            + transport
            + " event loop thread, "
            + binds
            + " transceiver binds as"
            + " mo/mo; open loop: commands on a fixed schedule, latency from the scheduled time;"
            + " closed loop: "
            + window
            + " commands in flight per bind");
    lines.add(
        "per point: "
            + warmup.toSeconds()
            + " s warm-up, "
            + duration.toSeconds()
            + " s measured; a command is complete when the last part of its reply deliver_sm is"
            + " in; reply timeout "
            + replyTimeout.toSeconds()
            + " s; server CPU = user+system"
            + " time of the gateway JVM and of its MariaDB over the measured period");
    if (quietBelow > 0) {
      lines.add(
          String.format(
              Locale.ROOT,
              "each point waits (up to %s) until other processes use < %.2f cores, and is measured"
                  + " again (up to %d times) if they took more during it; the table shows the last"
                  + " attempt",
              quietWait,
              quietBelow,
              redoDisturbed));
    }
    return lines;
  }
}
