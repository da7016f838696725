package io.vasgate.loadtest.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The protocol between the benchmark orchestrator and a server it runs in a child JVM: the child
 * prints {@code READY <port>} on stdout once it listens, and stops when its stdin closes (the
 * orchestrator's normal stop) or on SIGTERM.
 */
public final class StandaloneServer {

  /** The line prefix announcing the listening port. */
  public static final String READY_PREFIX = "READY ";

  /** Exit status when the server could not start. */
  public static final int EXIT_START_FAILED = 2;

  /** Starts a server; may throw anything, which ends the child with {@link #EXIT_START_FAILED}. */
  @FunctionalInterface
  public interface Starter {
    BenchmarkServer start() throws Exception;
  }

  private StandaloneServer() {}

  /**
   * Starts the server, announces it on {@code out}, blocks until {@code in} reaches end of stream,
   * then stops it. Also stops it on JVM shutdown (SIGTERM).
   *
   * @return the process exit status
   */
  public static int serve(Starter starter, InputStream in, PrintStream out) {
    BenchmarkServer server;
    try {
      server = starter.start();
    } catch (Exception e) {
      e.printStackTrace(System.err);
      return EXIT_START_FAILED;
    }
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            server.close();
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "benchmark-server-stop"));
    out.println(READY_PREFIX + server.port());
    out.flush();
    try {
      while (in.read() >= 0) {
        // Anything written to stdin is ignored; only its end matters.
      }
    } catch (IOException e) {
      // A broken pipe means the orchestrator is gone: stop as well.
    }
    stop.run();
    return 0;
  }

  /** Parses a {@code READY <port>} line; -1 if the line is anything else. */
  public static int parseReadyLine(String line) {
    if (line == null || !line.startsWith(READY_PREFIX)) {
      return -1;
    }
    try {
      int port = Integer.parseInt(line.substring(READY_PREFIX.length()).trim());
      return port > 0 && port <= 0xFFFF ? port : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
