package io.vasgate.smpp.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vasgate.smpp.pdu.CommandId;
import java.util.EnumMap;
import java.util.Map;

/** The SMPP engine's meters, resolved once so the hot path only increments. */
public final class SessionMetrics {

  private final Map<CommandId, Counter> received = new EnumMap<>(CommandId.class);
  private final Map<CommandId, Counter> sent = new EnumMap<>(CommandId.class);
  private final Counter bindsAccepted;
  private final Counter bindsRejected;
  private final Counter invalidPdus;
  private final Counter responseTimeouts;
  private final Counter throttled;

  public SessionMetrics(MeterRegistry registry, SessionRegistry sessions) {
    for (CommandId id : CommandId.values()) {
      received.put(
          id,
          Counter.builder("smpp.pdus.received")
              .description("PDUs received from ESMEs")
              .tag("command", id.specName())
              .register(registry));
      sent.put(
          id,
          Counter.builder("smpp.pdus.sent")
              .description("PDUs sent to ESMEs")
              .tag("command", id.specName())
              .register(registry));
    }
    bindsAccepted = Counter.builder("smpp.binds").tag("result", "accepted").register(registry);
    bindsRejected = Counter.builder("smpp.binds").tag("result", "rejected").register(registry);
    invalidPdus =
        Counter.builder("smpp.pdus.invalid")
            .description("malformed PDUs and frames received")
            .register(registry);
    responseTimeouts =
        Counter.builder("smpp.response.timeouts")
            .description("our requests the ESME did not answer in time")
            .register(registry);
    throttled =
        Counter.builder("smpp.throttled")
            .description("requests refused with ESME_RTHROTTLED")
            .register(registry);
    Gauge.builder("smpp.sessions", sessions, SessionRegistry::size)
        .description("open SMPP connections")
        .register(registry);
    Gauge.builder("smpp.sessions.bound", sessions, SessionRegistry::boundCount)
        .description("bound SMPP sessions")
        .register(registry);
  }

  void received(CommandId id) {
    received.get(id).increment();
  }

  void sent(CommandId id) {
    sent.get(id).increment();
  }

  void bind(boolean accepted) {
    (accepted ? bindsAccepted : bindsRejected).increment();
  }

  void invalid() {
    invalidPdus.increment();
  }

  void responseTimeout() {
    responseTimeouts.increment();
  }

  void throttled() {
    throttled.increment();
  }
}
