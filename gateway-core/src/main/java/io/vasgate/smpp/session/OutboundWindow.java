package io.vasgate.smpp.session;

import io.vasgate.smpp.pdu.PduRequest;
import io.vasgate.smpp.pdu.PduResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The requests this side sent and is still waiting for, keyed by sequence number, each with the
 * time by which its answer must come; and the requests waiting for a free slot.
 *
 * <p>Confined to the session's event loop: no locks, no atomics. The session stamps sequence
 * numbers, writes what {@link #admit} releases and sweeps {@link #expire} on a timer.
 */
final class OutboundWindow {

  /** A request on the wire, awaiting its response. */
  record InFlight(PduRequest request, CompletableFuture<PduResponse> future, long deadlineNanos) {}

  /** A request waiting for a window slot. */
  record Queued(PduRequest request, CompletableFuture<PduResponse> future) {}

  private final int capacity;
  private final int queueCapacity;
  private final Map<Integer, InFlight> inFlight = new HashMap<>();
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();

  OutboundWindow(int capacity, int queueCapacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("window capacity must be positive: " + capacity);
    }
    if (queueCapacity < 0) {
      throw new IllegalArgumentException("queue capacity must not be negative: " + queueCapacity);
    }
    this.capacity = capacity;
    this.queueCapacity = queueCapacity;
  }

  boolean hasFreeSlot() {
    return inFlight.size() < capacity;
  }

  /** Queues a request for a slot; false when the queue is full. */
  boolean enqueue(PduRequest request, CompletableFuture<PduResponse> future) {
    if (queue.size() >= queueCapacity) {
      return false;
    }
    queue.add(new Queued(request, future));
    return true;
  }

  /** The next queued request that may go out now, or null. */
  Queued pollQueued() {
    return hasFreeSlot() ? queue.poll() : null;
  }

  /** Records a stamped request as on the wire. */
  void add(PduRequest stamped, CompletableFuture<PduResponse> future, long deadlineNanos) {
    InFlight previous =
        inFlight.put(stamped.sequenceNumber(), new InFlight(stamped, future, deadlineNanos));
    if (previous != null) {
      // Only possible after 2^31 requests with one still unanswered: the old one can never match.
      previous
          .future()
          .completeExceptionally(
              new ResponseTimeoutException(
                  "sequence number " + stamped.sequenceNumber() + " was reused"));
    }
  }

  /** The request this response answers, removed from the window; null if none matches. */
  InFlight complete(PduResponse response) {
    return inFlight.remove(response.sequenceNumber());
  }

  /** Removes and returns every request whose deadline passed. */
  List<InFlight> expire(long nowNanos) {
    List<InFlight> expired = null;
    for (Iterator<InFlight> it = inFlight.values().iterator(); it.hasNext(); ) {
      InFlight f = it.next();
      if (nowNanos - f.deadlineNanos() >= 0) {
        it.remove();
        if (expired == null) {
          expired = new ArrayList<>();
        }
        expired.add(f);
      }
    }
    return expired == null ? List.of() : expired;
  }

  /** Fails everything, in flight and queued, e.g. when the connection closes. */
  void failAll(Throwable cause) {
    for (InFlight f : inFlight.values()) {
      f.future().completeExceptionally(cause);
    }
    inFlight.clear();
    for (Queued q : queue) {
      q.future().completeExceptionally(cause);
    }
    queue.clear();
  }

  int inFlightCount() {
    return inFlight.size();
  }

  int queuedCount() {
    return queue.size();
  }
}
