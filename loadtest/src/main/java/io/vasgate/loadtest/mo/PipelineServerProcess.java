package io.vasgate.loadtest.mo;

import io.vasgate.loadtest.driver.CpuClock;
import io.vasgate.loadtest.process.ServerProcess;
import io.vasgate.loadtest.server.StandaloneServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PipelineServerMain} in its own JVM, so that its CPU time is its own and its MariaDB's is
 * apart. Adapted from {@link ServerProcess} (which starts only the servers of the SMPP comparison):
 * the same READY/stdin protocol, plus the DATABASE line and separate CPU clocks for the JVM and the
 * database.
 */
public final class PipelineServerProcess implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PipelineServerProcess.class);

  /** Time the gateway gets to stop after its stdin closes, before SIGTERM. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /** Time it gets after SIGTERM, before SIGKILL. */
  static final Duration TERMINATE_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final int port;
  private final String databaseUrl;
  private final Path logFile;
  private final Path dataDir;

  private PipelineServerProcess(
      Process process, int port, String databaseUrl, Path logFile, Path dataDir) {
    this.process = process;
    this.port = port;
    this.databaseUrl = databaseUrl;
    this.logFile = logFile;
    this.dataDir = dataDir;
  }

  /**
   * Starts the gateway on a fresh database under {@code workDir} and waits for its READY line.
   *
   * @param jvmArgs flags for the gateway's JVM
   * @param mariaDbBase where MariaDB's binaries are unpacked once and shared between runs
   * @param overrides settings as {@code key=value}, passed to {@link PipelineServerMain}
   * @throws IOException if the JVM cannot be started or did not become ready; the message points at
   *     the log file
   */
  public static PipelineServerProcess start(
      List<String> jvmArgs,
      Path workDir,
      Path mariaDbBase,
      Path gatewayYaml,
      List<String> overrides,
      Duration startTimeout)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    String stamp = Long.toString(System.currentTimeMillis());
    Path logFile = workDir.resolve("gateway-" + stamp + ".log");
    Path dataDir = workDir.resolve("gateway-db-" + stamp);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-Dlogback.configurationFile=" + ServerProcess.LOGBACK_CONFIGURATION);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PipelineServerMain.class.getName());
    command.add(dataDir.toAbsolutePath().toString());
    command.add(mariaDbBase.toAbsolutePath().toString());
    command.add(gatewayYaml.toAbsolutePath().toString());
    command.addAll(overrides);
    log.debug("gateway - starting: {}", command);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    CompletableFuture<String> database = new CompletableFuture<>();
    Thread pump = new Thread(() -> pump(process, logFile, ready, database), "gateway-output");
    pump.setDaemon(true);
    pump.start();
    int port;
    String url;
    try {
      port = ready.get(startTimeout.toNanos(), TimeUnit.NANOSECONDS);
      url = database.getNow(null);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IOException(
          "the gateway did not become ready within " + startTimeout + "; see " + logFile, e);
    }
    log.info("gateway - ready on port {} (pid {}, log {})", port, process.pid(), logFile);
    return new PipelineServerProcess(process, port, url, logFile, dataDir);
  }

  /** Copies the child's output to the log file, watching for the DATABASE and READY lines. */
  private static void pump(
      Process process,
      Path logFile,
      CompletableFuture<Integer> ready,
      CompletableFuture<String> database) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.write('\n');
        if (!ready.isDone()) {
          if (line.startsWith(PipelineServerMain.DATABASE_PREFIX)) {
            database.complete(line.substring(PipelineServerMain.DATABASE_PREFIX.length()).trim());
          }
          int port = StandaloneServer.parseReadyLine(line);
          if (port > 0) {
            ready.complete(port);
          }
          out.flush();
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(
        new IOException("the gateway's output ended before it printed READY"));
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path logFile() {
    return logFile;
  }

  /** The embedded MariaDB's JDBC URL (user root, no password), or null if it was not announced. */
  public String databaseUrl() {
    return databaseUrl;
  }

  /** The CPU clocks of the gateway's JVM and of its MariaDB (every process the JVM started). */
  public ServerCpu cpu() {
    ProcessHandle jvm = process.toHandle();
    CpuClock gateway = new HandleCpuClock(jvm, false);
    CpuClock database = new HandleCpuClock(jvm, true);
    return new ServerCpu(gateway, database);
  }

  /** The CPU time of a process, or of its descendants only. */
  private record HandleCpuClock(ProcessHandle process, boolean descendantsOnly)
      implements CpuClock {

    @Override
    public long cpuNanos() {
      if (!descendantsOnly) {
        return cpuOf(process)
            .orElseThrow(
                () -> new IllegalStateException("cannot read the CPU of " + process.pid()));
      }
      // A descendant that exits between listing and reading simply no longer counts.
      return process.descendants().mapToLong(p -> cpuOf(p).orElse(0L)).sum();
    }

    private static java.util.Optional<Long> cpuOf(ProcessHandle p) {
      return p.info().totalCpuDuration().map(Duration::toNanos);
    }

    @Override
    public String toString() {
      return (descendantsOnly ? "cpu of the children of pid " : "cpu of pid ") + process.pid();
    }
  }

  /**
   * Closes its stdin, then escalates to SIGTERM and SIGKILL; deletes the database. If interrupted,
   * kills the process at once and keeps the interrupt.
   */
  @Override
  public void close() {
    // Listed now: once the gateway has exited, its MariaDB is no longer its descendant.
    List<ProcessHandle> children = process.descendants().toList();
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Already gone.
    }
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("gateway - still running {} after stdin closed, terminating", STOP_TIMEOUT);
        process.destroy();
        if (!process.waitFor(TERMINATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    deleteRecursively(dataDir);
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      log.warn("could not delete {}: {}", dir, e.toString());
    }
  }
}
