package io.vasgate.smpp.session;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every live SMPP session of this process: for health, for graceful shutdown, and for finding the
 * receiver sessions of a system_id to deliver to.
 */
public final class SessionRegistry {

  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, SmppSessionHandler> sessions = new ConcurrentHashMap<>();

  long nextId() {
    return ids.incrementAndGet();
  }

  void add(SmppSessionHandler session) {
    sessions.put(session.id(), session);
  }

  void remove(SmppSessionHandler session) {
    sessions.remove(session.id());
  }

  public Collection<? extends SmppSession> all() {
    return List.copyOf(sessions.values());
  }

  Collection<SmppSessionHandler> handlers() {
    return List.copyOf(sessions.values());
  }

  /**
   * Bound sessions of {@code systemId} that we may deliver to (bound as receiver or transceiver).
   */
  public List<SmppSession> receiversOf(String systemId) {
    return sessions.values().stream()
        .filter(s -> s.state().esmeMayReceive())
        .filter(s -> s.account().map(a -> a.systemId().equals(systemId)).orElse(false))
        .map(SmppSession.class::cast)
        .toList();
  }

  public int size() {
    return sessions.size();
  }

  /** How many sessions are in each state right now. */
  public Map<SessionState, Integer> countByState() {
    Map<SessionState, Integer> counts = new EnumMap<>(SessionState.class);
    for (SmppSessionHandler s : sessions.values()) {
      counts.merge(s.state(), 1, Integer::sum);
    }
    return counts;
  }

  public int boundCount() {
    int n = 0;
    for (SmppSessionHandler s : sessions.values()) {
      if (s.state().isBound()) {
        n++;
      }
    }
    return n;
  }
}
