package io.vasgate.smpp.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Graceful shutdown of every session: drain, unbind, close; hard close after the grace period. */
public final class SessionShutdown {

  private static final Logger log = LoggerFactory.getLogger(SessionShutdown.class);

  private SessionShutdown() {}

  public static void drainAll(SessionRegistry registry, Duration grace) {
    List<SmppSessionHandler> sessions = new ArrayList<>(registry.handlers());
    if (sessions.isEmpty()) {
      return;
    }
    log.info("smpp-server - draining and unbinding {} session(s)", sessions.size());
    CompletableFuture<?>[] closed =
        sessions.stream().map(SmppSessionHandler::drainAndClose).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(closed).get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("smpp-server - sessions still open after {}, closing them", grace);
      sessions.forEach(SmppSessionHandler::closeNow);
    } catch (ExecutionException e) {
      log.warn("smpp-server - a session failed to close cleanly", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sessions.forEach(SmppSessionHandler::closeNow);
    }
  }
}
