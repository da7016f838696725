package io.vasgate.loadtest.driver;

import io.netty.channel.EventLoop;
import io.vasgate.smpp.pdu.CommandStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The state of one load run, shared by its connections. Confined to the driver's single event loop:
 * counters are plain fields, and the phase boundaries are tasks on that loop, so a boundary falls
 * between two responses, never inside one.
 *
 * <p>Acknowledgements and latencies count in the measured period only; refusals, protocol errors
 * and disconnects count over warm-up and measurement alike, since any of them invalidates the run.
 */
final class LoadRun {

  /** Latencies are recorded with this many significant digits (0.1% resolution). */
  static final int LATENCY_SIGNIFICANT_DIGITS = 3;

  /** Longest latency the histogram tracks; slower responses are recorded as this. */
  static final long MAX_TRACKED_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final LoadSpec spec;
  private final byte[] submitTemplate;
  private final EventLoop loop;
  private final CpuClock serverCpu;
  private final CpuClock clientCpu;
  private final CpuClock machineCpu;
  private final Recorder latencies =
      new Recorder(1, MAX_TRACKED_LATENCY_NANOS, LATENCY_SIGNIFICANT_DIGITS);
  private final List<LoadConnection> connections = new ArrayList<>();
  private final CompletableFuture<LoadResult> result = new CompletableFuture<>();

  private long acknowledged;
  private final TreeMap<String, Long> refusals = new TreeMap<>();
  private long protocolErrors;
  private long disconnects;
  private long startNanos;
  private long serverCpuStart;
  private long clientCpuStart;
  private long machineCpuStart;

  LoadRun(
      LoadSpec spec,
      byte[] submitTemplate,
      EventLoop loop,
      CpuClock serverCpu,
      CpuClock clientCpu,
      CpuClock machineCpu) {
    this.spec = spec;
    this.submitTemplate = submitTemplate;
    this.loop = loop;
    this.serverCpu = serverCpu;
    this.clientCpu = clientCpu;
    this.machineCpu = machineCpu;
    for (int i = 0; i < spec.binds(); i++) {
      connections.add(new LoadConnection(this, i + 1));
    }
  }

  LoadSpec spec() {
    return spec;
  }

  /** The encoded submit_sm every request copies; callers must not modify it. */
  byte[] submitTemplate() {
    return submitTemplate;
  }

  List<LoadConnection> connections() {
    return connections;
  }

  /** Completes at the end of the measured period. */
  CompletableFuture<LoadResult> result() {
    return result;
  }

  // ---------------------------------------------------------------- from the connections

  void recordResponse(long latencyNanos, int commandStatus, boolean genericNack) {
    latencies.recordValue(Math.min(latencyNanos, MAX_TRACKED_LATENCY_NANOS));
    if (commandStatus == 0 && !genericNack) {
      acknowledged++;
    } else {
      String key = (genericNack ? "generic_nack " : "") + CommandStatus.describe(commandStatus);
      refusals.merge(key, 1L, Long::sum);
    }
  }

  void protocolError() {
    protocolErrors++;
  }

  void disconnected() {
    disconnects++;
  }

  // ---------------------------------------------------------------- phases, on the loop

  /** Starts the load on every connection and schedules the measured period after the warm-up. */
  void begin() {
    loop.execute(
        () -> {
          for (LoadConnection c : connections) {
            c.startSending();
          }
          loop.schedule(this::startMeasuring, spec.warmup().toNanos(), TimeUnit.NANOSECONDS);
        });
  }

  /** Stops sending everywhere; connections then drain. Safe to call from any thread. */
  void stopSending() {
    loop.execute(
        () -> {
          for (LoadConnection c : connections) {
            c.stopSending();
          }
        });
  }

  private void startMeasuring() {
    try {
      serverCpuStart = serverCpu.cpuNanos();
      clientCpuStart = clientCpu.cpuNanos();
      machineCpuStart = machineCpu == null ? 0 : machineCpu.cpuNanos();
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      stopSending();
      return;
    }
    latencies.reset();
    acknowledged = 0;
    startNanos = System.nanoTime();
    loop.schedule(this::finishMeasuring, spec.duration().toNanos(), TimeUnit.NANOSECONDS);
  }

  private void finishMeasuring() {
    long elapsed = System.nanoTime() - startNanos;
    try {
      long serverNanos = serverCpu.cpuNanos() - serverCpuStart;
      long clientNanos = clientCpu.cpuNanos() - clientCpuStart;
      long machineNanos = machineCpu == null ? -1 : machineCpu.cpuNanos() - machineCpuStart;
      Histogram histogram = latencies.getIntervalHistogram();
      result.complete(
          new LoadResult(
              spec.binds(),
              spec.window(),
              elapsed,
              acknowledged,
              refusals,
              protocolErrors,
              disconnects,
              LatencySummary.of(histogram),
              serverNanos,
              clientNanos,
              machineNanos));
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    stopSending();
  }
}
