package io.vasgate.loadtest.process;

import io.vasgate.loadtest.server.ServerKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The server processes of one benchmark run, started on first use and restarted after a failure. A
 * server that failed to start is not tried again: its remaining cells fail at once.
 */
public final class ServerPool implements AutoCloseable {

  private final List<String> jvmArgs;
  private final List<String> gatewaySettings;
  private final Path workDir;
  private final Duration startTimeout;
  private final Map<ServerKind, ServerProcess> running = new EnumMap<>(ServerKind.class);
  private final Map<ServerKind, IOException> broken = new EnumMap<>(ServerKind.class);

  public ServerPool(List<String> jvmArgs, Path workDir, Duration startTimeout) {
    this(jvmArgs, List.of(), workDir, startTimeout);
  }

  /**
   * @param gatewaySettings {@code smpp.key=value} settings for the gateway kinds (see {@link
   *     ServerKind#arguments})
   */
  public ServerPool(
      List<String> jvmArgs, List<String> gatewaySettings, Path workDir, Duration startTimeout) {
    this.jvmArgs = List.copyOf(jvmArgs);
    this.gatewaySettings = List.copyOf(gatewaySettings);
    this.workDir = workDir;
    this.startTimeout = startTimeout;
  }

  /**
   * The running process of {@code kind}, started if needed.
   *
   * @throws IOException if it cannot be started (now or on an earlier attempt)
   */
  public ServerProcess get(ServerKind kind) throws IOException, InterruptedException {
    IOException failure = broken.get(kind);
    if (failure != null) {
      throw failure;
    }
    ServerProcess process = running.get(kind);
    if (process == null) {
      try {
        process = ServerProcess.start(kind, jvmArgs, gatewaySettings, workDir, startTimeout);
      } catch (IOException e) {
        broken.put(kind, e);
        throw e;
      }
      running.put(kind, process);
    }
    return process;
  }

  /** Stops {@code kind} if it runs; the next {@link #get} starts a fresh one. */
  public void stop(ServerKind kind) {
    ServerProcess process = running.remove(kind);
    if (process != null) {
      process.close();
    }
  }

  @Override
  public void close() {
    for (ServerKind kind : List.copyOf(running.keySet())) {
      stop(kind);
    }
  }
}
