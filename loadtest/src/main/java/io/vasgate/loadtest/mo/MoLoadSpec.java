package io.vasgate.loadtest.mo;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One run of handset commands against a gateway.
 *
 * @param server the gateway's SMPP address
 * @param systemId an MO-source account (role MO_SOURCE, transceiver binds allowed)
 * @param binds transceiver sessions, all submitting MOs and all able to receive the replies
 * @param mode paced at a rate, or as fast as a window of commands per bind allows
 * @param ratePerSecond commands sent per second in an open-loop run; 0 in a closed loop
 * @param window commands (MO sent, reply not yet complete) per bind in a closed loop; 0 in an open
 *     loop
 * @param warmup load before the measured period
 * @param duration the measured period
 * @param replyTimeout how long a command may wait for its whole reply before it counts as missing;
 *     after the measured period the run waits this long at most for the stragglers
 * @param bindTimeout for connecting and binding every session
 */
public record MoLoadSpec(
    InetSocketAddress server,
    String systemId,
    String password,
    int binds,
    Mode mode,
    double ratePerSecond,
    int window,
    Duration warmup,
    Duration duration,
    Duration replyTimeout,
    Duration bindTimeout) {

  /** How commands are paced. */
  public enum Mode {
    /** A new command at fixed intervals, whatever the gateway answers: latency at a given load. */
    OPEN_LOOP,
    /** A new command on a bind whenever one of its commands is answered: the highest rate. */
    CLOSED_LOOP
  }

  /** The most binds a run may open; above what any MO router would hold on one gateway. */
  public static final int MAX_BINDS = 256;

  /** Above this the single driver thread, not the gateway, would be measured. */
  public static final double MAX_RATE_PER_SECOND = 100_000;

  /** The most commands in flight per bind in a closed loop. */
  public static final int MAX_WINDOW = 10_000;

  /** The demo MO-source account of conf/gateway.yaml. */
  public static final String DEMO_SYSTEM_ID = "mo";

  /** Its password. */
  public static final String DEMO_PASSWORD = "mo";

  public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(30);

  public static final Duration DEFAULT_BIND_TIMEOUT = Duration.ofSeconds(30);

  /**
   * @throws IllegalArgumentException if a value is out of range or the rate and window do not match
   *     the mode
   */
  public MoLoadSpec {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(mode, "mode");
    if (binds < 1 || binds > MAX_BINDS) {
      throw new IllegalArgumentException("binds must be in 1.." + MAX_BINDS + ": " + binds);
    }
    if (mode == Mode.OPEN_LOOP) {
      if (!(ratePerSecond > 0 && ratePerSecond <= MAX_RATE_PER_SECOND) || window != 0) {
        throw new IllegalArgumentException(
            "an open-loop run needs a rate in (0, "
                + MAX_RATE_PER_SECOND
                + "] and no window: rate="
                + ratePerSecond
                + " window="
                + window);
      }
    } else if (window < 1 || window > MAX_WINDOW || ratePerSecond != 0) {
      throw new IllegalArgumentException(
          "a closed-loop run needs a window in 1.."
              + MAX_WINDOW
              + " and no rate: window="
              + window
              + " rate="
              + ratePerSecond);
    }
    positiveOrZero(warmup, "warmup");
    positive(duration, "duration");
    positive(replyTimeout, "replyTimeout");
    positive(bindTimeout, "bindTimeout");
  }

  /** A paced run as the demo MO source. */
  public static MoLoadSpec openLoop(
      InetSocketAddress server,
      int binds,
      double ratePerSecond,
      Duration warmup,
      Duration duration) {
    return new MoLoadSpec(
        server,
        DEMO_SYSTEM_ID,
        DEMO_PASSWORD,
        binds,
        Mode.OPEN_LOOP,
        ratePerSecond,
        0,
        warmup,
        duration,
        DEFAULT_REPLY_TIMEOUT,
        DEFAULT_BIND_TIMEOUT);
  }

  /** A run as fast as {@code window} commands per bind allow, as the demo MO source. */
  public static MoLoadSpec closedLoop(
      InetSocketAddress server, int binds, int window, Duration warmup, Duration duration) {
    return new MoLoadSpec(
        server,
        DEMO_SYSTEM_ID,
        DEMO_PASSWORD,
        binds,
        Mode.CLOSED_LOOP,
        0,
        window,
        warmup,
        duration,
        DEFAULT_REPLY_TIMEOUT,
        DEFAULT_BIND_TIMEOUT);
  }

  /** The same run with another reply timeout. */
  public MoLoadSpec withReplyTimeout(Duration timeout) {
    return new MoLoadSpec(
        server,
        systemId,
        password,
        binds,
        mode,
        ratePerSecond,
        window,
        warmup,
        duration,
        timeout,
        bindTimeout);
  }

  /** E.g. "open 5000/s" or "closed window 50". */
  public String label() {
    return mode == Mode.OPEN_LOOP
        ? String.format(Locale.ROOT, "open %.0f/s", ratePerSecond)
        : "closed window " + window;
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  private static void positiveOrZero(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
  }
}
