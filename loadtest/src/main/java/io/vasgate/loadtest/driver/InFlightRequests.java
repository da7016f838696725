package io.vasgate.loadtest.driver;

/**
 * The submit_sm of one connection still waiting for their response, keyed by sequence number, with
 * the time each was sent: an open-addressing int-to-long map (linear probing, backward-shift
 * deletion), so the hot path allocates nothing.
 *
 * <p>Responses may come back in any order: a multi-threaded server on a busy machine can let one
 * request be overtaken by thousands of later ones, and that request must still be matched when its
 * response finally arrives. At most {@code window} requests are in flight, so the table never
 * fills. Not thread-safe: one connection, one event loop.
 */
final class InFlightRequests {

  /** Slots per window slot: a load factor of at most 1/4 keeps probe sequences short. */
  static final int SLOTS_PER_WINDOW_SLOT = 4;

  /** Smallest table. */
  static final int MIN_CAPACITY = 16;

  /** Marks a free slot: sequence number 0 is never used for requests (SMPP 3.4 section 3.2). */
  private static final int FREE = 0;

  private final int mask;
  private final int[] sequences;
  private final long[] sentAt;
  private int size;

  InFlightRequests(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    int wanted = Math.max(MIN_CAPACITY, window * SLOTS_PER_WINDOW_SLOT);
    int capacity = Integer.highestOneBit(wanted - 1) << 1;
    this.mask = capacity - 1;
    this.sequences = new int[capacity];
    this.sentAt = new long[capacity];
  }

  int capacity() {
    return sequences.length;
  }

  /** Requests sent and not yet answered. */
  int size() {
    return size;
  }

  /**
   * Records that request {@code sequenceNumber} left at {@code nanoTime}.
   *
   * @return false if a request with the same sequence number was still waiting (its response is
   *     then lost: sequence numbers only repeat after 2^31 requests)
   * @throws IllegalArgumentException for sequence number 0, which marks a free slot
   * @throws IllegalStateException if the table is full, i.e. more than the window was sent
   */
  boolean add(int sequenceNumber, long nanoTime) {
    if (sequenceNumber == FREE) {
      throw new IllegalArgumentException("sequence number 0 is reserved");
    }
    int slot = sequenceNumber & mask;
    while (sequences[slot] != FREE) {
      if (sequences[slot] == sequenceNumber) {
        sentAt[slot] = nanoTime;
        return false;
      }
      slot = (slot + 1) & mask;
    }
    if (size >= mask) {
      throw new IllegalStateException("more than " + mask + " requests in flight");
    }
    sequences[slot] = sequenceNumber;
    sentAt[slot] = nanoTime;
    size++;
    return true;
  }

  /**
   * Removes request {@code sequenceNumber} and returns how long it was in flight, or -1 if no such
   * request is waiting (a duplicate or unsolicited response).
   */
  long complete(int sequenceNumber, long nanoTime) {
    if (sequenceNumber == FREE) {
      return -1;
    }
    int slot = sequenceNumber & mask;
    while (sequences[slot] != FREE) {
      if (sequences[slot] == sequenceNumber) {
        // nanoTime is monotonic, so the difference is never negative even when the values are.
        long latency = nanoTime - sentAt[slot];
        remove(slot);
        return latency;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /**
   * Frees {@code hole} and moves later entries of its probe run back into it where their home slot
   * allows, so that lookups never need tombstones.
   */
  private void remove(int hole) {
    int next = hole;
    while (true) {
      next = (next + 1) & mask;
      int sequence = sequences[next];
      if (sequence == FREE) {
        break;
      }
      int home = sequence & mask;
      if (!cyclicallyWithin(home, hole, next)) {
        sequences[hole] = sequence;
        sentAt[hole] = sentAt[next];
        hole = next;
      }
    }
    sequences[hole] = FREE;
    size--;
  }

  /** Whether {@code slot} lies in the cyclic range (from, to]. */
  private static boolean cyclicallyWithin(int slot, int from, int to) {
    return from <= to ? from < slot && slot <= to : slot > from || slot <= to;
  }
}
