package io.vasgate.loadtest.process;

import io.vasgate.loadtest.driver.CpuClock;
import io.vasgate.loadtest.driver.ProcessCpuClock;
import io.vasgate.loadtest.server.ServerKind;
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
 * A server under test in its own JVM, so that its CPU time is its own. Started with this JVM's
 * class path and the given JVM flags; its stdout and stderr go to a log file; ready when it prints
 * {@code READY <port>}; stopped by closing its stdin.
 */
public final class ServerProcess implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServerProcess.class);

  /** The logback configuration every server JVM uses: WARN for everything but start-up lines. */
  public static final String LOGBACK_CONFIGURATION = "logback-loadtest.xml";

  /** Time a server gets to stop after its stdin closes, before SIGTERM. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /** Time it gets after SIGTERM, before SIGKILL. */
  static final Duration TERMINATE_TIMEOUT = Duration.ofSeconds(10);

  private final ServerKind kind;
  private final Process process;
  private final int port;
  private final Path logFile;
  private final Path dataDir;

  private ServerProcess(ServerKind kind, Process process, int port, Path logFile, Path dataDir) {
    this.kind = kind;
    this.process = process;
    this.port = port;
    this.logFile = logFile;
    this.dataDir = dataDir;
  }

  /**
   * Starts {@code kind} and waits for its READY line.
   *
   * @param jvmArgs flags for the server JVM, the same for every server
   * @param gatewaySettings {@code smpp.key=value} settings for the gateway kinds, ignored by others
   * @param workDir where the log file (and the gateway's MariaDB data) go
   * @throws IOException if the JVM cannot be started or did not become ready; the message points at
   *     the log file
   */
  public static ServerProcess start(
      ServerKind kind,
      List<String> jvmArgs,
      List<String> gatewaySettings,
      Path workDir,
      Duration startTimeout)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    String stamp = Long.toString(System.currentTimeMillis());
    Path logFile = workDir.resolve(kind.id() + "-" + stamp + ".log");
    Path dataDir = kind.needsDataDir() ? workDir.resolve(kind.id() + "-db-" + stamp) : null;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-Dlogback.configurationFile=" + LOGBACK_CONFIGURATION);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(kind.mainClass().getName());
    if (dataDir != null) {
      command.add(dataDir.toAbsolutePath().toString());
    }
    command.addAll(kind.arguments(gatewaySettings));
    log.debug("{} - starting: {}", kind.id(), command);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread pump = new Thread(() -> pump(process, logFile, ready), kind.id() + "-output");
    pump.setDaemon(true);
    pump.start();
    int port;
    try {
      port = ready.get(startTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IOException(
          kind.id() + " did not become ready within " + startTimeout + "; see " + logFile, e);
    }
    log.info("{} - ready on port {} (pid {}, log {})", kind.id(), port, process.pid(), logFile);
    return new ServerProcess(kind, process, port, logFile, dataDir);
  }

  /** Copies the child's output to the log file, watching for the READY line. */
  private static void pump(Process process, Path logFile, CompletableFuture<Integer> ready) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.write('\n');
        if (!ready.isDone()) {
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
        new IOException("the server's output ended before it printed READY"));
  }

  public ServerKind kind() {
    return kind;
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

  /** The CPU time of the server JVM and every process it started (the gateway's MariaDB). */
  public CpuClock cpuClock() {
    return ProcessCpuClock.processTree(process.toHandle());
  }

  /**
   * Closes its stdin, then escalates to SIGTERM and SIGKILL; deletes the gateway's data. If
   * interrupted, kills the process at once and keeps the interrupt.
   */
  @Override
  public void close() {
    // Listed now: once the server has exited, its children are no longer its descendants.
    List<ProcessHandle> children = process.descendants().toList();
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Already gone.
    }
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{} - still running {} after stdin closed, terminating", kind.id(), STOP_TIMEOUT);
        process.destroy();
        if (!process.waitFor(TERMINATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    // The embedded MariaDB is a child of the gateway; it must not outlive it.
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    if (dataDir != null) {
      deleteRecursively(dataDir);
    }
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
