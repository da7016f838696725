package io.vasgate.loadtest.mo;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulated subscribers: a fixed set of distinct numbers, each working through scripts of the
 * {@link CommandMix}. A handset never has two commands outstanding, so each reply belongs to
 * exactly one command.
 *
 * <p>Two queues decide who sends next. A handset in the middle of a script (it ordered and must now
 * confirm, say) answers after a think time, and once that has passed it goes first: so every script
 * that starts also finishes within a run, and the commands sent follow the mix's shares ({@link
 * CommandMix#messageShares()}) rather than only its first steps. A handset that finished a script
 * goes to the back of the queue of all the others, so with a large pool its next script comes long
 * after, as a real subscriber's would.
 *
 * <p>A pool keeps its handsets' progress across runs against the same gateway. Not thread-safe: the
 * driver's event loop owns it while a run is going.
 */
public final class HandsetPool {

  /** Numbers are this prefix plus a zero-padded index: mainland mobile numbers with 86. */
  public static final String DEFAULT_PREFIX = "86139";

  /** Digits after the prefix, so the numbers are 13 digits like 8613912345678. */
  static final int INDEX_DIGITS = 8;

  /** The largest pool: every index must fit in {@link #INDEX_DIGITS} digits. */
  public static final int MAX_SIZE = 100_000_000;

  /** A subscriber's pause before the next message of a script, unless told otherwise. */
  public static final Duration DEFAULT_THINK_TIME = Duration.ofSeconds(1);

  private final CommandMix mix;
  private final SplittableRandom random;
  private final Map<String, Handset> byNumber;
  private final long thinkTimeNanos;
  private final ArrayDeque<Handset> idle;
  private final ArrayDeque<Handset> continuing = new ArrayDeque<>();
  private int quarantined;

  /**
   * @param size distinct handsets
   * @param seed for the scripts handsets pick and the order they start in: the same seed gives the
   *     same load
   * @param thinkTime how long a subscriber takes to send the next message of a script after the
   *     reply to the last
   */
  public HandsetPool(int size, String prefix, CommandMix mix, long seed, Duration thinkTime) {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("pool size must be in 1.." + MAX_SIZE + ": " + size);
    }
    if (!prefix.matches("[0-9]{1,12}")) {
      throw new IllegalArgumentException("number prefix must be 1 to 12 digits: " + prefix);
    }
    if (thinkTime.isNegative()) {
      throw new IllegalArgumentException("think time must not be negative: " + thinkTime);
    }
    this.mix = mix;
    this.thinkTimeNanos = thinkTime.toNanos();
    this.random = new SplittableRandom(seed);
    this.byNumber = new HashMap<>(size * 2);
    Handset[] order = new Handset[size];
    for (int i = 0; i < size; i++) {
      String number = prefix + String.format("%0" + INDEX_DIGITS + "d", i);
      Handset h = new Handset(number, mix.pick(random), random.nextInt(Handset.MAX_REFERENCE + 1));
      byNumber.put(number, h);
      order[i] = h;
    }
    // Shuffled, so consecutive commands come from numbers far apart, as from real subscribers.
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Handset t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    this.idle = new ArrayDeque<>(size);
    for (Handset h : order) {
      idle.addLast(h);
    }
  }

  CommandMix mix() {
    return mix;
  }

  SplittableRandom random() {
    return random;
  }

  /**
   * The next handset to send at {@code nanoTime}: one in the middle of a script whose think time
   * has passed, else the one that has waited longest to start a script; null if every handset has a
   * command outstanding or is thinking.
   */
  Handset takeIdle(long nanoTime) {
    Handset next = continuing.peekFirst();
    // Think times are all equal, so the queue is in order of readiness.
    if (next != null && next.readyAt() - nanoTime <= 0) {
      return continuing.pollFirst();
    }
    return idle.pollFirst();
  }

  /**
   * Back in line, its command finished at {@code nanoTime}: after the think time if it is in the
   * middle of a script, else behind every other idle handset.
   */
  void release(Handset handset, long nanoTime) {
    if (handset.quarantined() || handset.pending() != null) {
      throw new IllegalStateException(handset.number() + " is not free to take another command");
    }
    if (handset.midScript()) {
      handset.readyAt(nanoTime + thinkTimeNanos);
      continuing.addLast(handset);
    } else {
      idle.addLast(handset);
    }
  }

  /** Out of the load for good (see {@link Handset#quarantined()}). */
  void quarantine(Handset handset) {
    if (!handset.quarantined()) {
      handset.quarantine();
      quarantined++;
    }
  }

  /** The handset with this number, or null if it is none of ours. */
  Handset byNumber(String number) {
    return byNumber.get(number);
  }

  public int size() {
    return byNumber.size();
  }

  /** Handsets waiting for their next command, thinking or not. */
  public int idle() {
    return idle.size() + continuing.size();
  }

  /** Handsets taken out of the load after an unanswered or unexpected reply. */
  public int quarantined() {
    return quarantined;
  }
}
