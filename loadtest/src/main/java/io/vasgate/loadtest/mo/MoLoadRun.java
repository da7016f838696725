package io.vasgate.loadtest.mo;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.vasgate.loadtest.driver.CpuClock;
import io.vasgate.loadtest.driver.LatencySummary;
import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.sms.InvalidTextException;
import io.vasgate.sms.InvalidUdhException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one run, confined to the driver's event loop: the phases (warm-up, measured period,
 * drain), the pacing, the commands in flight, the matching of replies to commands, and the figures.
 *
 * <p>Replies are matched by handset number: a handset has at most one command outstanding, so the
 * deliver_sm to its number belongs to that command whichever session it arrives on. A command ends
 * when its whole reply is in (every UDH part), when its submit_sm is refused, or when the reply
 * timeout passes; only then may its handset send again.
 */
final class MoLoadRun {

  private static final Logger log = LoggerFactory.getLogger(MoLoadRun.class);

  /** How often the open-loop pacer wakes; it sends everything that has come due since. */
  static final long PACER_TICK_MICROS = 1_000;

  /** A closed-loop window slot that found every handset busy or thinking tries again after this. */
  static final long RETRY_MICROS = 1_000;

  /** How often commands past the reply timeout are looked for. */
  static final long SWEEP_INTERVAL_MILLIS = 100;

  /** The largest latency the histograms hold; anything slower is recorded as this. */
  static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.MINUTES.toNanos(5);

  /** Significant digits of the histograms: 0.1% resolution. */
  static final int SIGNIFICANT_DIGITS = 3;

  /** Unexpected replies and protocol errors kept verbatim for the report. */
  static final int MAX_EXAMPLES = 5;

  private enum Phase {
    READY,
    WARMUP,
    MEASURING,
    DRAINING,
    DONE
  }

  private final MoLoadSpec spec;
  private final HandsetPool pool;
  private final EventLoop loop;
  private final List<MoLoadConnection> connections = new ArrayList<>();
  private final ArrayDeque<PendingCommand> inSendOrder = new ArrayDeque<>();
  private final Set<MoLoadConnection> unflushed = new LinkedHashSet<>();
  private final ArrayDeque<MoLoadConnection> waitingForHandset = new ArrayDeque<>();
  private final Histogram submitLatency =
      new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
  private final Histogram endToEnd = new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
  private final Map<Integer, Long> refusedByStatus = new HashMap<>();
  private final Map<String, Long> completedByScript = new HashMap<>();
  private final Map<CommandMix.Step, Histogram> endToEndByStep = new java.util.IdentityHashMap<>();
  private final List<String> examples = new ArrayList<>();
  private final long[] perSecond;
  private final CompletableFuture<Void> measuring = new CompletableFuture<>();
  private final CompletableFuture<Void> measured = new CompletableFuture<>();
  private final CompletableFuture<MoLoadResult> result = new CompletableFuture<>();

  private Phase phase = Phase.READY;
  private ScheduledFuture<?> pacer;
  private ScheduledFuture<?> sweeper;
  private boolean flushPending;
  private boolean retryScheduled;
  private int nextConnection;
  private long startNanos;
  private long measureStartNanos;
  private long measureEndNanos;
  private long issued;
  private long outstanding;
  private long maxSendLagNanos;
  private long backlogAtEnd;

  private long sent;
  private long completed;
  private long replyParts;
  private long refused;
  private long warmupRefused;
  private long unexpected;
  private long missing;
  private long unsolicited;
  private long late;
  private long protocolErrors;
  private long disconnects;
  private long starved;

  private final CpuReadings cpuAtStart;
  private final CpuReadings cpuAtEnd;

  MoLoadRun(
      MoLoadSpec spec,
      HandsetPool pool,
      EventLoop loop,
      ServerCpu serverCpu,
      CpuClock driverCpu,
      CpuClock machineCpu) {
    this.spec = spec;
    this.pool = pool;
    this.loop = loop;
    this.cpuAtStart = new CpuReadings(serverCpu, driverCpu, machineCpu);
    this.cpuAtEnd = new CpuReadings(serverCpu, driverCpu, machineCpu);
    this.perSecond = new long[(int) Math.max(1, spec.duration().toSeconds()) + 1];
    for (int i = 0; i < spec.binds(); i++) {
      connections.add(new MoLoadConnection(this, i + 1));
    }
  }

  MoLoadSpec spec() {
    return spec;
  }

  List<MoLoadConnection> connections() {
    return connections;
  }

  /** Completes on the event loop when the measured period begins. */
  CompletableFuture<Void> measuring() {
    return measuring;
  }

  /** Completes on the event loop when the measured period ends. */
  CompletableFuture<Void> measured() {
    return measured;
  }

  /** Completes when every command of the run has ended (or the reply timeout has passed). */
  CompletableFuture<MoLoadResult> result() {
    return result;
  }

  /** Starts the load, from any thread, once every session is bound. */
  void begin() {
    loop.execute(this::start);
  }

  // ---------------------------------------------------------------- phases

  private void start() {
    startNanos = System.nanoTime();
    phase = Phase.WARMUP;
    long warmup = spec.warmup().toNanos();
    long end = warmup + spec.duration().toNanos();
    if (warmup == 0) {
      startMeasuring();
    } else {
      loop.schedule(this::startMeasuring, warmup, TimeUnit.NANOSECONDS);
    }
    loop.schedule(this::endMeasuring, end, TimeUnit.NANOSECONDS);
    sweeper =
        loop.scheduleAtFixedRate(
            this::sweep, SWEEP_INTERVAL_MILLIS, SWEEP_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    if (spec.mode() == MoLoadSpec.Mode.OPEN_LOOP) {
      pacer = loop.scheduleAtFixedRate(this::pace, 0, PACER_TICK_MICROS, TimeUnit.MICROSECONDS);
    } else {
      for (MoLoadConnection c : connections) {
        for (int i = 0; i < spec.window(); i++) {
          send(c, startNanos);
        }
      }
    }
  }

  private void startMeasuring() {
    if (phase != Phase.WARMUP) {
      return;
    }
    cpuAtStart.read();
    measureStartNanos = System.nanoTime();
    phase = Phase.MEASURING;
    measuring.complete(null);
  }

  private void endMeasuring() {
    measureEndNanos = System.nanoTime();
    cpuAtEnd.read();
    phase = Phase.DRAINING;
    backlogAtEnd = outstanding;
    if (pacer != null) {
      pacer.cancel(false);
    }
    measured.complete(null);
    if (outstanding == 0) {
      finish();
    }
  }

  private void finish() {
    if (phase == Phase.DONE) {
      return;
    }
    phase = Phase.DONE;
    sweeper.cancel(false);
    try {
      result.complete(buildResult());
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  // ---------------------------------------------------------------- sending

  /** Sends whatever the schedule says is due by now; a late tick catches up at once. */
  private void pace() {
    if (phase != Phase.WARMUP && phase != Phase.MEASURING) {
      return;
    }
    long now = System.nanoTime();
    double rate = spec.ratePerSecond();
    long due = (long) ((now - startNanos) * rate / 1e9) + 1;
    while (issued < due) {
      long scheduled = startNanos + (long) (issued * 1e9 / rate);
      maxSendLagNanos = Math.max(maxSendLagNanos, now - scheduled);
      issued++;
      MoLoadConnection c = nextBoundConnection();
      if (c == null) {
        return;
      }
      send(c, scheduled);
    }
  }

  private MoLoadConnection nextBoundConnection() {
    for (int i = 0; i < connections.size(); i++) {
      MoLoadConnection c = connections.get(nextConnection);
      nextConnection = (nextConnection + 1) % connections.size();
      if (c.isBound()) {
        return c;
      }
    }
    return null;
  }

  /**
   * Sends the next step of the next handset ({@link HandsetPool#takeIdle}) on {@code c}. When none
   * is ready, an open loop has missed its schedule (counted as starved: the pool is too small for
   * the rate); a closed loop keeps the window slot and tries again shortly, since handsets in the
   * middle of a script are only thinking.
   */
  private void send(MoLoadConnection c, long startedAt) {
    Handset h = pool.takeIdle(System.nanoTime());
    if (h == null) {
      if (spec.mode() == MoLoadSpec.Mode.CLOSED_LOOP) {
        waitingForHandset.addLast(c);
        if (!retryScheduled) {
          retryScheduled = true;
          loop.schedule(this::retryWaiting, RETRY_MICROS, TimeUnit.MICROSECONDS);
        }
      } else {
        starved++;
      }
      return;
    }
    CommandMix.Step step = h.currentStep();
    int sequence = c.submit(h, step);
    boolean inMeasure = phase == Phase.MEASURING;
    PendingCommand command = new PendingCommand(h, step, c, sequence, startedAt, inMeasure);
    c.awaitResponse(command);
    h.pending(command);
    inSendOrder.addLast(command);
    outstanding++;
    if (inMeasure) {
      sent++;
    }
    scheduleFlush(c);
  }

  private void retryWaiting() {
    retryScheduled = false;
    if (phase != Phase.WARMUP && phase != Phase.MEASURING) {
      waitingForHandset.clear();
      return;
    }
    // Only those waiting now: a slot that still finds no handset queues up for the next retry.
    for (int n = waitingForHandset.size(); n > 0; n--) {
      MoLoadConnection c = waitingForHandset.pollFirst();
      if (c.isBound()) {
        send(c, System.nanoTime());
      }
    }
  }

  /** Writes of one loop iteration go out in one flush per session, after the iteration. */
  private void scheduleFlush(MoLoadConnection c) {
    unflushed.add(c);
    if (!flushPending) {
      flushPending = true;
      loop.execute(this::flushAll);
    }
  }

  private void flushAll() {
    flushPending = false;
    for (MoLoadConnection c : unflushed) {
      c.flush();
    }
    unflushed.clear();
  }

  // ---------------------------------------------------------------- answers

  void onSubmitResponse(PendingCommand command, int status, long now) {
    command.submitAnswered(true);
    if (command.measured()) {
      submitLatency.recordValue(Math.min(now - command.startNanos(), HIGHEST_TRACKABLE_NANOS));
    }
    if (status != 0) {
      if (command.measured()) {
        refused++;
        refusedByStatus.merge(status, 1L, Long::sum);
      } else {
        warmupRefused++;
      }
      if (!command.isDone()) {
        end(command, PendingCommand.Outcome.REFUSED, now);
      }
    }
  }

  void onDeliver(DeliverSm deliver, long now) {
    if (phase == Phase.MEASURING) {
      replyParts++;
    }
    String number = deliver.destination().address();
    Handset h = pool.byNumber(number);
    PendingCommand command = h == null ? null : h.pending();
    if (command == null) {
      if (h != null && h.quarantined()) {
        late++;
      } else {
        unsolicited++;
        example("unsolicited deliver_sm to " + number + ": " + ReplyPart.textOf(deliver));
      }
      return;
    }
    String whole;
    try {
      ReplyPart part = ReplyPart.of(deliver);
      whole = command.addPart(part.reference(), part.total(), part.sequence(), part.text());
    } catch (IllegalArgumentException | InvalidUdhException | InvalidTextException e) {
      protocolError("reply to " + number + ": " + e.getMessage());
      end(command, PendingCommand.Outcome.UNEXPECTED, now);
      return;
    }
    if (whole == null) {
      return;
    }
    CommandMix.Step step = command.step();
    String from = deliver.source().address();
    if (!from.equals(step.destination()) || !step.accepts(whole)) {
      unexpected++;
      example(
          "'"
              + step.text()
              + "' to "
              + step.destination()
              + " answered from "
              + from
              + ": "
              + whole);
      end(command, PendingCommand.Outcome.UNEXPECTED, now);
      return;
    }
    if (command.measured()) {
      long latency = Math.min(now - command.startNanos(), HIGHEST_TRACKABLE_NANOS);
      endToEnd.recordValue(latency);
      endToEndByStep
          .computeIfAbsent(step, k -> new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS))
          .recordValue(latency);
    }
    if (phase == Phase.MEASURING) {
      completed++;
      completedByScript.merge(h.script().name(), 1L, Long::sum);
      int second = (int) ((now - measureStartNanos) / 1_000_000_000L);
      perSecond[Math.min(second, perSecond.length - 1)]++;
    }
    end(command, PendingCommand.Outcome.ANSWERED, now);
  }

  /**
   * Ends a command: an answered handset moves to its next step, a refused one will try the same
   * step again, and one whose state at the gateway is no longer known leaves the load.
   */
  private void end(PendingCommand command, PendingCommand.Outcome outcome, long now) {
    command.finish(outcome);
    Handset h = command.handset();
    h.pending(null);
    switch (outcome) {
      case ANSWERED -> {
        h.advance(pool.mix(), pool.random());
        pool.release(h, now);
      }
      case REFUSED -> pool.release(h, now);
      case UNEXPECTED, MISSING -> pool.quarantine(h);
    }
    outstanding--;
    MoLoadConnection c = command.connection();
    c.commandEnded();
    if (spec.mode() == MoLoadSpec.Mode.CLOSED_LOOP
        && (phase == Phase.WARMUP || phase == Phase.MEASURING)
        && c.isBound()) {
      send(c, now);
    }
    if (phase == Phase.DRAINING && outstanding == 0) {
      finish();
    }
  }

  /** Gives up on commands whose reply is overdue; they were sent first, so they lead the queue. */
  private void sweep() {
    long now = System.nanoTime();
    long timeout = spec.replyTimeout().toNanos();
    PendingCommand head;
    while ((head = inSendOrder.peekFirst()) != null) {
      if (head.isDone()) {
        inSendOrder.pollFirst();
      } else if (now - head.startNanos() > timeout) {
        inSendOrder.pollFirst();
        missing++;
        example(
            "no whole reply to '"
                + head.step().text()
                + "' from "
                + head.handset().number()
                + " within "
                + spec.replyTimeout()
                + " (submit_sm "
                + (head.submitAnswered() ? "answered" : "unanswered")
                + ", "
                + head.partsReceived()
                + " part(s) in)");
        end(head, PendingCommand.Outcome.MISSING, now);
      } else {
        break;
      }
    }
  }

  // ---------------------------------------------------------------- trouble

  void protocolError(String what) {
    protocolErrors++;
    example(what);
    if (protocolErrors <= MAX_EXAMPLES) {
      log.warn("mo-load - {}", what);
    }
  }

  void disconnected() {
    disconnects++;
  }

  private void example(String what) {
    if (examples.size() < MAX_EXAMPLES) {
      examples.add(what);
    }
  }

  // ---------------------------------------------------------------- figures

  private Map<String, LatencySummary> byStep() {
    // Steps are told apart by identity: the same text at the same number in two scripts (a "是"
    // confirming one product or another) is two steps.
    Map<String, LatencySummary> summaries = new HashMap<>();
    for (CommandMix.Script script : pool.mix().scripts()) {
      for (int i = 0; i < script.steps().size(); i++) {
        Histogram h = endToEndByStep.get(script.steps().get(i));
        if (h != null) {
          summaries.put(MoLoadResult.stepKey(script, i), LatencySummary.of(h));
        }
      }
    }
    return summaries;
  }

  private MoLoadResult buildResult() {
    double nanos = measureEndNanos - measureStartNanos;
    CpuReadings.Cores cores = cpuAtEnd.coresSince(cpuAtStart, nanos);
    int wholeSeconds = (int) Math.min(perSecond.length, (long) (nanos / 1e9));
    long slowest = Long.MAX_VALUE;
    long fastest = 0;
    for (int i = 0; i < wholeSeconds; i++) {
      slowest = Math.min(slowest, perSecond[i]);
      fastest = Math.max(fastest, perSecond[i]);
    }
    if (wholeSeconds == 0) {
      slowest = completed;
      fastest = completed;
    }
    return new MoLoadResult(
        spec,
        sent,
        completed,
        nanos / 1e9,
        slowest,
        fastest,
        replyParts,
        LatencySummary.of(submitLatency),
        LatencySummary.of(endToEnd),
        refused,
        refusedByStatus,
        warmupRefused,
        unexpected,
        missing,
        unsolicited,
        late,
        protocolErrors,
        disconnects,
        starved,
        backlogAtEnd,
        maxSendLagNanos / 1e6,
        cores.gateway(),
        cores.database(),
        cores.driver(),
        cores.others(),
        completedByScript,
        byStep(),
        examples);
  }
}
