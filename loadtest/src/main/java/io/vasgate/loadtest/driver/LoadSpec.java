package io.vasgate.loadtest.driver;

import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.SmppLimits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * One load run: where to connect, how to bind, how many sessions, how many submit_sm each keeps
 * outstanding, and for how long.
 *
 * @param server the SMPP listener
 * @param systemId the system_id every session binds with
 * @param password the password every session binds with
 * @param bindType transmitter or transceiver (a receiver may not submit)
 * @param binds the number of sessions, each on its own TCP connection
 * @param window submit_sm each session keeps outstanding: a new one goes out on every response
 * @param warmup load applied before measuring, so that both JITs reach steady state
 * @param duration the measured period
 * @param bindTimeout how long all sessions may take to connect and bind
 */
public record LoadSpec(
    InetSocketAddress server,
    String systemId,
    String password,
    BindType bindType,
    int binds,
    int window,
    Duration warmup,
    Duration duration,
    Duration bindTimeout) {

  /** Most sessions one run opens; more would only measure the accept queue. */
  public static final int MAX_BINDS = 1_000;

  /**
   * Largest window; the SMPP 3.4 specification sets none, and SMSCs commonly allow 10 to a few
   * hundred.
   */
  public static final int MAX_WINDOW = 10_000;

  /** Bind deadline when none is given: generous, since a cold server JIT-compiles its bind path. */
  public static final Duration DEFAULT_BIND_TIMEOUT = Duration.ofSeconds(30);

  /**
   * @throws IllegalArgumentException if a count or duration is out of range, or the bind type
   *     cannot submit
   */
  public LoadSpec {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(bindType, "bindType");
    Objects.requireNonNull(warmup, "warmup");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(bindTimeout, "bindTimeout");
    if (systemId.length() >= SmppLimits.MAX_SYSTEM_ID_LENGTH) {
      throw new IllegalArgumentException("system_id '" + systemId + "' is too long");
    }
    if (password.length() >= SmppLimits.MAX_PASSWORD_LENGTH) {
      throw new IllegalArgumentException("password is too long");
    }
    if (!bindType.canTransmit()) {
      throw new IllegalArgumentException("a " + bindType + " bind cannot send submit_sm");
    }
    if (binds < 1 || binds > MAX_BINDS) {
      throw new IllegalArgumentException("binds must be in 1.." + MAX_BINDS + ": " + binds);
    }
    if (window < 1 || window > MAX_WINDOW) {
      throw new IllegalArgumentException("window must be in 1.." + MAX_WINDOW + ": " + window);
    }
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup must not be negative: " + warmup);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive: " + duration);
    }
    if (bindTimeout.isNegative() || bindTimeout.isZero()) {
      throw new IllegalArgumentException("bindTimeout must be positive: " + bindTimeout);
    }
  }

  /** A transmitter load with the default bind timeout. */
  public static LoadSpec transmitters(
      InetSocketAddress server,
      String systemId,
      String password,
      int binds,
      int window,
      Duration warmup,
      Duration duration) {
    return new LoadSpec(
        server,
        systemId,
        password,
        BindType.TRANSMITTER,
        binds,
        window,
        warmup,
        duration,
        DEFAULT_BIND_TIMEOUT);
  }
}
