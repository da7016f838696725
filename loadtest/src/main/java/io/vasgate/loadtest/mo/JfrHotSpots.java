package io.vasgate.loadtest.mo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JDK Flight Recorder file of the gateway and says where its time went, as markdown:
 *
 * <ul>
 *   <li>CPU by thread ({@code jdk.ThreadCPULoad}), in cores: whether a single thread (the journal
 *       writer, say) is the one that limits throughput;
 *   <li>CPU ({@code jdk.ExecutionSample}): samples by thread pool, the hottest methods by self
 *       time, and the gateway's own methods by inclusive time;
 *   <li>waiting in native code ({@code jdk.NativeMethodSample}): mostly JDBC threads blocked
 *       reading MariaDB's answer, by the gateway method that waits;
 *   <li>parking and monitor waits over the recording's threshold, by the gateway method that waits;
 *   <li>garbage collection pauses.
 * </ul>
 *
 * <p>Usage: {@code JfrHotSpots <recording.jfr> [top]}.
 */
public final class JfrHotSpots {

  /** Rows per table unless told otherwise. */
  static final int DEFAULT_TOP = 15;

  /** Our code: the frame that says which part of the gateway a sample belongs to. */
  static final String OWN_PACKAGE = "io.vasgate.";

  private static final Pattern THREAD_NUMBER = Pattern.compile("[-#]?\\d+$");

  private JfrHotSpots() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: JfrHotSpots <recording.jfr> [top]");
      System.exit(2);
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_TOP;
    System.out.print(summarize(Path.of(args[0]), top));
  }

  /** Tallies of one kind of event. */
  private static final class Tally {
    long events;
    long weight;
    final Map<String, Long> byThread = new HashMap<>();
    final Map<String, Long> selfMethods = new HashMap<>();
    final Map<String, Long> ownInclusive = new HashMap<>();
    final Map<String, Long> ownInnermost = new HashMap<>();

    void add(RecordedEvent e, RecordedThread thread, long w) {
      events++;
      weight += w;
      byThread.merge(threadGroup(thread), w, Long::sum);
      RecordedStackTrace stack = e.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        return;
      }
      List<RecordedFrame> frames = stack.getFrames();
      selfMethods.merge(method(frames.get(0)), w, Long::sum);
      Set<String> own = new LinkedHashSet<>();
      for (RecordedFrame f : frames) {
        String m = method(f);
        if (m.startsWith(OWN_PACKAGE)) {
          own.add(m);
        }
      }
      if (!own.isEmpty()) {
        ownInnermost.merge(own.iterator().next(), w, Long::sum);
      }
      for (String m : own) {
        ownInclusive.merge(m, w, Long::sum);
      }
    }
  }

  /** The summary of one recording, as markdown. */
  public static String summarize(Path recording, int top) throws IOException {
    Tally cpu = new Tally();
    Tally nativeWait = new Tally();
    Tally parked = new Tally();
    Tally monitors = new Tally();
    Map<String, double[]> threadLoad = new HashMap<>();
    int hardwareThreads = 0;
    long gcCount = 0;
    Duration gcPause = Duration.ZERO;
    Duration longestGc = Duration.ZERO;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent e = file.readEvent();
        switch (e.getEventType().getName()) {
          case "jdk.ExecutionSample" -> cpu.add(e, e.getThread("sampledThread"), 1);
          case "jdk.NativeMethodSample" -> nativeWait.add(e, e.getThread("sampledThread"), 1);
          case "jdk.ThreadPark" -> parked.add(e, e.getThread(), e.getDuration().toNanos());
          case "jdk.JavaMonitorEnter" -> monitors.add(e, e.getThread(), e.getDuration().toNanos());
          case "jdk.ThreadCPULoad" -> {
            // Per thread: the sum of its readings and how many there were.
            String key = threadGroup(e.getThread("eventThread")) + "\u0000" + threadId(e);
            double[] acc = threadLoad.computeIfAbsent(key, k -> new double[2]);
            acc[0] += e.getFloat("user") + e.getFloat("system");
            acc[1]++;
          }
          case "jdk.CPUInformation" -> hardwareThreads = e.getInt("hwThreads");
          case "jdk.GarbageCollection" -> {
            gcCount++;
            Duration pause = e.getDuration("sumOfPauses");
            gcPause = gcPause.plus(pause);
            if (pause.compareTo(longestGc) > 0) {
              longestGc = pause;
            }
          }
          default -> {
            // Other events are not summarised.
          }
        }
      }
    }
    StringBuilder md = new StringBuilder();
    appendThreadLoad(md, threadLoad, hardwareThreads, top);
    md.append(String.format(Locale.ROOT, "#### CPU samples (%d)%n%n", cpu.events));
    table(md, "thread pool", cpu.byThread, cpu.weight, top, false);
    table(md, "hottest methods (self)", cpu.selfMethods, cpu.weight, top, false);
    table(md, "gateway methods (inclusive)", cpu.ownInclusive, cpu.weight, top, false);
    md.append(
        String.format(
            Locale.ROOT,
            "#### Threads waiting in native code (%d samples: socket reads = waiting for MariaDB"
                + " or a peer, epoll = idle)%n%n",
            nativeWait.events));
    table(md, "thread pool", nativeWait.byThread, nativeWait.weight, top, false);
    table(md, "native method", nativeWait.selfMethods, nativeWait.weight, top, false);
    table(md, "innermost gateway method", nativeWait.ownInnermost, nativeWait.weight, top, false);
    md.append(
        String.format(
            Locale.ROOT,
            "#### Parked over the recording threshold (%d waits, %.1f s in all)%n%n",
            parked.events,
            parked.weight / 1e9));
    table(md, "thread pool", parked.byThread, parked.weight, top, true);
    table(md, "innermost gateway method", parked.ownInnermost, parked.weight, top, true);
    md.append(
        String.format(
            Locale.ROOT,
            "#### Monitor waits over the recording threshold (%d waits, %.1f s in all)%n%n",
            monitors.events,
            monitors.weight / 1e9));
    table(md, "innermost gateway method", monitors.ownInnermost, monitors.weight, top, true);
    md.append(
        String.format(
            Locale.ROOT,
            "#### Garbage collection%n%n%d collections, %.0f ms paused in all, longest %.1f ms%n%n",
            gcCount,
            gcPause.toNanos() / 1e6,
            longestGc.toNanos() / 1e6));
    return md.toString();
  }

  /**
   * CPU by thread pool in cores: each thread's mean load (a share of the machine) times the
   * machine's hardware threads, added up per pool; the largest single thread of the pool beside it.
   */
  private static void appendThreadLoad(
      StringBuilder md, Map<String, double[]> threadLoad, int hardwareThreads, int top) {
    if (threadLoad.isEmpty() || hardwareThreads <= 0) {
      return;
    }
    Map<String, double[]> byPool = new HashMap<>();
    threadLoad.forEach(
        (key, acc) -> {
          String pool = key.substring(0, key.indexOf('\u0000'));
          double cores = acc[0] / acc[1] * hardwareThreads;
          double[] p = byPool.computeIfAbsent(pool, k -> new double[2]);
          p[0] += cores;
          p[1] = Math.max(p[1], cores);
        });
    md.append(
        String.format(
            Locale.ROOT,
            "#### CPU by thread pool (jdk.ThreadCPULoad, %d hardware threads)%n%n",
            hardwareThreads));
    md.append("| thread pool | cores | busiest thread, cores |\n| --- | ---: | ---: |\n");
    byPool.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
        .limit(top)
        .forEach(
            e ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "| `%s` | %.2f | %.2f |%n",
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1])));
    md.append('\n');
  }

  private static long threadId(RecordedEvent e) {
    RecordedThread t = e.getThread("eventThread");
    return t == null ? -1 : t.getJavaThreadId();
  }

  private static void table(
      StringBuilder md, String what, Map<String, Long> counts, long total, int top, boolean nanos) {
    if (counts.isEmpty() || total == 0) {
      return;
    }
    md.append("| ")
        .append(what)
        .append(" | share | ")
        .append(nanos ? "time" : "samples")
        .append(" |\n");
    md.append("| --- | ---: | ---: |\n");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                md.append("| `")
                    .append(e.getKey())
                    .append("` | ")
                    .append(String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / total))
                    .append(" | ")
                    .append(
                        nanos
                            ? String.format(Locale.ROOT, "%.2f s", e.getValue() / 1e9)
                            : Long.toString(e.getValue()))
                    .append(" |\n"));
    md.append('\n');
  }

  /**
   * A thread's pool: its name without the trailing number ("vasgate-blocking-3" ->
   * "vasgate-blocking").
   */
  static String threadGroup(RecordedThread thread) {
    if (thread == null) {
      return "(unknown)";
    }
    String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
    if (name == null) {
      return "(unknown)";
    }
    return THREAD_NUMBER.matcher(name).replaceFirst("");
  }

  private static String method(RecordedFrame f) {
    if (f.getMethod() == null || f.getMethod().getType() == null) {
      return "(unknown)";
    }
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }
}
