package io.vasgate.billing.subscription;

import io.vasgate.billing.charging.ChargeRequest;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.ChargingGateway;
import io.vasgate.billing.charging.RefundRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A billing system for tests that behaves like the real ones on idempotency: the first final answer
 * for a key is the answer forever, and money moves at most once per key. Answers are scripted;
 * calls are counted per key; charges can be held until the test releases them, and a charge can
 * "crash" the caller after the money moved.
 */
public final class FakeChargingGateway implements ChargingGateway {

  /** Thrown from {@link #charge} to simulate the calling process dying mid-call. */
  public static final class SimulatedCrash extends Error {
    public SimulatedCrash(String key) {
      super("simulated crash after charging " + key);
    }
  }

  private final Map<String, Deque<ChargeStatus>> scripted = new HashMap<>();
  private final Deque<ChargeStatus> scriptedForAny = new ArrayDeque<>();
  private final Map<String, ChargeResult> decided = new HashMap<>();
  private final Map<String, Long> moved = new HashMap<>();
  private final Map<String, Integer> calls = new HashMap<>();
  private final List<ChargeRequest> requests = new ArrayList<>();
  private final Map<String, ChargeResult> refunds = new HashMap<>();
  private final List<RefundRequest> refundRequests = new ArrayList<>();
  private final Set<String> crashAfterCharging = new HashSet<>();
  private final Set<String> lostResponse = new HashSet<>();
  private final List<Runnable> held = new ArrayList<>();
  private boolean holding;
  private boolean loseNext;
  private int txn;

  /** Forgets everything: scripts, decisions, counts. */
  public synchronized void reset() {
    scripted.clear();
    scriptedForAny.clear();
    decided.clear();
    moved.clear();
    calls.clear();
    requests.clear();
    refunds.clear();
    refundRequests.clear();
    crashAfterCharging.clear();
    lostResponse.clear();
    held.clear();
    holding = false;
    loseNext = false;
  }

  /** The next answers for {@code key}, in order; then SUCCESS. */
  public synchronized FakeChargingGateway answer(String key, ChargeStatus... statuses) {
    scripted.computeIfAbsent(key, k -> new ArrayDeque<>()).addAll(List.of(statuses));
    return this;
  }

  /** The next answers for any key without a script of its own, in order; then SUCCESS. */
  public synchronized FakeChargingGateway answerAny(ChargeStatus... statuses) {
    scriptedForAny.addAll(List.of(statuses));
    return this;
  }

  /** The next charge of {@code key} moves the money and then throws {@link SimulatedCrash}. */
  public synchronized FakeChargingGateway crashAfterCharging(String key) {
    crashAfterCharging.add(key);
    return this;
  }

  /** The next charge of {@code key} moves the money but answers TEMPORARY_FAILURE (lost reply). */
  public synchronized FakeChargingGateway loseResponse(String key) {
    lostResponse.add(key);
    return this;
  }

  /** The next charge, whatever its key, moves the money but answers TEMPORARY_FAILURE. */
  public synchronized FakeChargingGateway loseNextResponse() {
    loseNext = true;
    return this;
  }

  /** From now on, charges wait until {@link #release}. */
  public synchronized void hold() {
    holding = true;
  }

  /** Answers every held charge, and stops holding. */
  public void release() {
    List<Runnable> toRun;
    synchronized (this) {
      holding = false;
      toRun = new ArrayList<>(held);
      held.clear();
    }
    toRun.forEach(Runnable::run);
  }

  @Override
  public CompletableFuture<ChargeResult> charge(ChargeRequest request) {
    CompletableFuture<ChargeResult> answer = new CompletableFuture<>();
    synchronized (this) {
      requests.add(request);
      calls.merge(request.idempotencyKey(), 1, Integer::sum);
      notifyAll();
      if (crashAfterCharging.remove(request.idempotencyKey())) {
        decide(request, ChargeStatus.SUCCESS);
        throw new SimulatedCrash(request.idempotencyKey());
      }
      if (holding) {
        held.add(() -> answer.complete(answerTo(request)));
        return answer;
      }
    }
    answer.complete(answerTo(request));
    return answer;
  }

  private synchronized ChargeResult answerTo(ChargeRequest request) {
    String key = request.idempotencyKey();
    ChargeResult previous = decided.get(key);
    if (previous != null) {
      return previous;
    }
    if (lostResponse.remove(key) || loseNext) {
      loseNext = false;
      decide(request, ChargeStatus.SUCCESS);
      return new ChargeResult(ChargeStatus.TEMPORARY_FAILURE, "", "timeout");
    }
    Deque<ChargeStatus> script = scripted.get(key);
    ChargeStatus status;
    if (script != null && !script.isEmpty()) {
      status = script.poll();
    } else if (script == null && !scriptedForAny.isEmpty()) {
      status = scriptedForAny.poll();
    } else {
      status = ChargeStatus.SUCCESS;
    }
    if (status == ChargeStatus.TEMPORARY_FAILURE) {
      return new ChargeResult(status, "", "billing system timed out");
    }
    return decide(request, status);
  }

  private ChargeResult decide(ChargeRequest request, ChargeStatus status) {
    ChargeResult result =
        new ChargeResult(
            status, status == ChargeStatus.SUCCESS ? "T" + (++txn) : "", status.name());
    decided.put(request.idempotencyKey(), result);
    if (status == ChargeStatus.SUCCESS) {
      moved.put(request.idempotencyKey(), request.amountFen());
    }
    return result;
  }

  @Override
  public synchronized CompletableFuture<ChargeResult> refund(RefundRequest request) {
    refundRequests.add(request);
    ChargeResult result =
        refunds.computeIfAbsent(
            request.idempotencyKey(),
            k ->
                moved.containsKey(request.chargeIdempotencyKey())
                    ? new ChargeResult(ChargeStatus.SUCCESS, "R" + (++txn), "refunded")
                    : new ChargeResult(ChargeStatus.REJECTED, "", "no such charge"));
    return CompletableFuture.completedFuture(result);
  }

  /** How many times {@code key} was sent. */
  public synchronized int calls(String key) {
    return calls.getOrDefault(key, 0);
  }

  /** Every charge request, in order. */
  public synchronized List<ChargeRequest> requests() {
    return List.copyOf(requests);
  }

  /** The fen taken for {@code key}: at most once, whatever the calls. */
  public synchronized long movedFen(String key) {
    return moved.getOrDefault(key, 0L);
  }

  /** How many keys moved money. */
  public synchronized int chargesThatMovedMoney() {
    return moved.size();
  }

  /** The refunds requested, in order. */
  public synchronized List<RefundRequest> refundRequests() {
    return List.copyOf(refundRequests);
  }

  /** Whether the refund {@code refundKey} succeeded. */
  public synchronized boolean refunded(String refundKey) {
    ChargeResult result = refunds.get(refundKey);
    return result != null && result.succeeded();
  }

  /** Waits (bounded) until at least {@code n} charges were sent in total. */
  public synchronized void awaitRequests(int n, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (requests.size() < n) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("only " + requests.size() + " of " + n + " charges arrived");
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
