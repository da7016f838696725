package io.vasgate.smpp.session;

import io.vasgate.account.BindAuthenticator;
import io.vasgate.config.SmppServerConfig;
import io.vasgate.throttle.AccountThrottles;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What every session of a server shares, handed to each session's handler in one piece.
 *
 * @param config the listener's timers and limits
 * @param serverSystemId the system_id we answer binds with
 * @param authenticator checks bind credentials (blocking work runs on its own executor)
 * @param requestHandler the business seam for message requests
 * @param registry the live sessions
 * @param metrics the engine's meters
 * @param throttles per-account submit rate limits
 * @param nanoTime the clock for deadlines, injectable for tests
 */
public record SessionServices(
    SmppServerConfig config,
    String serverSystemId,
    BindAuthenticator authenticator,
    SmppRequestHandler requestHandler,
    SessionRegistry registry,
    SessionMetrics metrics,
    AccountThrottles throttles,
    LongSupplier nanoTime) {

  public SessionServices {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(serverSystemId, "serverSystemId");
    Objects.requireNonNull(authenticator, "authenticator");
    Objects.requireNonNull(requestHandler, "requestHandler");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(throttles, "throttles");
    Objects.requireNonNull(nanoTime, "nanoTime");
  }
}
