package io.vasgate.messageid;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the SMPP {@code message_id}s of every message the gateway accepts: the same string goes
 * into submit_sm_resp, the receipt's {@code id:} field and {@code receipted_message_id}, so ESMEs
 * can always correlate.
 *
 * <p>An id is a 63-bit number written in decimal (at most 19 digits, well under the 65-byte limit):
 * 41 bits of milliseconds since 2025-01-01T00:00Z, 10 bits of node id and 12 bits of sequence. The
 * node id keeps gateways that share a database apart; the timestamp keeps a restarted gateway from
 * reusing the ids it issued before, as long as the clock did not step back by more than the
 * downtime. Within a process the ids only grow: a clock that steps back, or more than 4,096 ids in
 * one millisecond, borrows the next millisecond instead of waiting or repeating.
 */
public final class MessageIdGenerator {

  /** The start of the id epoch: 2025-01-01T00:00:00Z. */
  public static final long EPOCH_MILLIS = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

  /** Node ids occupy 10 bits. */
  public static final int MAX_NODE_ID = (1 << 10) - 1;

  private static final int SEQUENCE_BITS = 12;
  private static final int NODE_BITS = 10;
  private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

  private final InstantSource clock;
  private final long nodeBits;

  /**
   * The last issued (millisecond, sequence) pair packed as {@code millis << 12 | sequence}, so that
   * "one more" carries a full sequence into the next millisecond by plain addition.
   */
  private final AtomicLong last = new AtomicLong();

  public MessageIdGenerator(int nodeId, InstantSource clock) {
    if (nodeId < 0 || nodeId > MAX_NODE_ID) {
      throw new IllegalArgumentException("node id must be in 0.." + MAX_NODE_ID + ": " + nodeId);
    }
    this.clock = clock;
    this.nodeBits = (long) nodeId << SEQUENCE_BITS;
  }

  /** The next id as a number. */
  public long nextLong() {
    long now = Math.max(0, clock.millis() - EPOCH_MILLIS) << SEQUENCE_BITS;
    long issued = last.updateAndGet(previous -> Math.max(now, previous + 1));
    long millis = issued >>> SEQUENCE_BITS;
    return (millis << (NODE_BITS + SEQUENCE_BITS)) | nodeBits | (issued & SEQUENCE_MASK);
  }

  /** The next id in its wire form. */
  public String next() {
    return Long.toString(nextLong());
  }

  /** The millisecond an id was issued in, for diagnostics. */
  public static Instant issuedAt(long id) {
    return Instant.ofEpochMilli((id >>> (NODE_BITS + SEQUENCE_BITS)) + EPOCH_MILLIS);
  }

  /** The node that issued an id. */
  public static int nodeOf(long id) {
    return (int) ((id >>> SEQUENCE_BITS) & MAX_NODE_ID);
  }
}
