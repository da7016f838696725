package io.vasgate.smpp.codec;

import io.vasgate.smpp.pdu.SmppLimits;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out sequence numbers 1 to 0x7FFFFFFF and wraps back to 1, as SMPP 3.4 section 3.2 asks.
 * Thread-safe and lock-free; one instance per session.
 */
public final class SequenceNumbers {

  private final AtomicInteger last;

  /** Starts at 1. */
  public SequenceNumbers() {
    this(SmppLimits.MIN_SEQUENCE_NUMBER);
  }

  /**
   * @param first the first number to hand out
   * @throws IllegalArgumentException if it is outside 1 to 0x7FFFFFFF
   */
  public SequenceNumbers(int first) {
    if (first < SmppLimits.MIN_SEQUENCE_NUMBER) {
      throw new IllegalArgumentException(
          "first sequence number " + first + " is outside 1..0x7FFFFFFF");
    }
    this.last = new AtomicInteger(first - 1);
  }

  /** The next sequence number. */
  public int next() {
    return last.updateAndGet(n -> n >= SmppLimits.MAX_SEQUENCE_NUMBER ? 1 : n + 1);
  }
}
