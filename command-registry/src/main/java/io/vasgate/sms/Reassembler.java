package io.vasgate.sms;

import io.vasgate.sms.ReassemblyResult.Rejection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reassembles inbound long messages from parts announced by a UDH or by SAR TLVs.
 *
 * <p>Thread-safe: sessions on different event loops may share one instance. Each call holds a lock
 * for a few map operations and never calls out while holding it. A group expires {@link
 * ReassemblyConfig#timeout()} after its first part; expired groups are dropped whenever a part is
 * offered and by {@link #expireOverdue()} (call it on a timer), and each is handed to the listener.
 * Because every group has the same timeout, insertion order is expiry order, so a sweep only looks
 * at the groups it removes.
 *
 * <p>Completed groups are remembered for {@link ReassemblyConfig#completedRetention()}: a part of
 * one of them is a resend and answered {@link ReassemblyResult.Duplicate}, so a message resent
 * whole is not delivered twice.
 */
public final class Reassembler {

  private static final Logger log = LoggerFactory.getLogger(Reassembler.class);

  private final ReassemblyConfig config;
  private final LongSupplier nanoTime;
  private final Consumer<? super ExpiredGroup> onExpired;
  private final long timeoutNanos;
  private final long retentionNanos;

  /** Guarded by {@code this}; insertion order is first-part order. */
  private final Map<PartGroupKey, Group> groups = new LinkedHashMap<>();

  /** Guarded by {@code this}; completion time of recently completed groups, in completion order. */
  private final Map<PartGroupKey, Long> completed = new LinkedHashMap<>();

  /**
   * @param nanoTime monotonic time source, e.g. {@code System::nanoTime}; tests advance one by hand
   * @param onExpired told of every group dropped incomplete, outside the lock
   */
  public Reassembler(
      ReassemblyConfig config, LongSupplier nanoTime, Consumer<? super ExpiredGroup> onExpired) {
    if (config == null || nanoTime == null || onExpired == null) {
      throw new IllegalArgumentException("config, nanoTime and onExpired must not be null");
    }
    this.config = config;
    this.nanoTime = nanoTime;
    this.onExpired = onExpired;
    this.timeoutNanos = config.timeout().toNanos();
    this.retentionNanos = config.completedRetention().toNanos();
  }

  /**
   * Offers a part announced by a UDH concatenation element; {@code payload} is what follows the
   * UDH.
   */
  public ReassemblyResult offer(String originator, Concatenation concatenation, byte[] payload) {
    return offer(
        originator,
        concatenation.reference(),
        concatenation.total(),
        concatenation.sequence(),
        payload);
  }

  /**
   * Offers a part, e.g. from SAR TLVs (sar_msg_ref_num, sar_total_segments, sar_segment_seqnum).
   *
   * @param originator the caller's key for who sent it to whom, e.g. link + source + destination
   */
  public ReassemblyResult offer(
      String originator, int reference, int total, int sequence, byte[] payload) {
    if (originator == null || payload == null) {
      throw new IllegalArgumentException("originator and payload must not be null");
    }
    if (reference < 0
        || reference > 0xFFFF
        || total < 1
        || total > Concatenation.MAX_PARTS
        || sequence < 1
        || sequence > total) {
      return new ReassemblyResult.Rejected(
          Rejection.INVALID_PART, "reference " + reference + ", part " + sequence + " of " + total);
    }
    if (total > config.maxPartsPerGroup()) {
      return new ReassemblyResult.Rejected(
          Rejection.TOO_MANY_PARTS, total + " parts, at most " + config.maxPartsPerGroup());
    }
    if (payload.length > config.maxPartOctets()) {
      return new ReassemblyResult.Rejected(
          Rejection.PART_TOO_LARGE, payload.length + " octets, at most " + config.maxPartOctets());
    }
    PartGroupKey key = new PartGroupKey(originator, reference, total);
    List<ExpiredGroup> expired = new ArrayList<>(0);
    ReassemblyResult result;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      removeExpired(now, expired);
      result = store(key, sequence, payload, now);
    }
    notifyExpired(expired);
    return result;
  }

  private ReassemblyResult store(PartGroupKey key, int sequence, byte[] payload, long now) {
    Group group = groups.get(key);
    if (group == null) {
      if (completed.containsKey(key)) {
        return new ReassemblyResult.Duplicate(key, sequence);
      }
      if (key.total() == 1) {
        remember(key, now);
        return new ReassemblyResult.Completed(
            new ReassembledMessage(key, new byte[][] {payload}, now, now));
      }
      if (groups.size() >= config.maxPendingGroups()) {
        return new ReassemblyResult.Rejected(
            Rejection.PENDING_GROUPS_FULL, config.maxPendingGroups() + " groups pending");
      }
      group = new Group(key, now);
      groups.put(key, group);
    }
    if (group.parts[sequence - 1] != null) {
      return new ReassemblyResult.Duplicate(key, sequence);
    }
    group.parts[sequence - 1] = payload.clone();
    group.received++;
    group.octets += payload.length;
    if (group.received < key.total()) {
      return new ReassemblyResult.Pending(key, group.received);
    }
    groups.remove(key);
    remember(key, now);
    return new ReassemblyResult.Completed(
        new ReassembledMessage(key, group.parts, group.firstPartNanos, now));
  }

  private void remember(PartGroupKey key, long now) {
    if (retentionNanos == 0) {
      return;
    }
    completed.put(key, now);
    Iterator<Long> oldest = completed.values().iterator();
    while (completed.size() > config.maxPendingGroups()) {
      oldest.next();
      oldest.remove();
    }
  }

  /**
   * Drops every group whose timeout has passed, tells the listener, and returns how many there
   * were.
   */
  public int expireOverdue() {
    List<ExpiredGroup> expired = new ArrayList<>();
    synchronized (this) {
      removeExpired(nanoTime.getAsLong(), expired);
    }
    notifyExpired(expired);
    return expired.size();
  }

  /** Incomplete groups held now. */
  public synchronized int pendingGroups() {
    return groups.size();
  }

  private void removeExpired(long now, List<ExpiredGroup> expired) {
    Iterator<Long> done = completed.values().iterator();
    while (done.hasNext() && now - done.next() >= retentionNanos) {
      done.remove();
    }
    Iterator<Group> it = groups.values().iterator();
    while (it.hasNext()) {
      Group group = it.next();
      // subtraction, not comparison of readings: nanoTime may wrap
      if (now - group.firstPartNanos < timeoutNanos) {
        return;
      }
      it.remove();
      expired.add(group.expire(now));
    }
  }

  private void notifyExpired(List<ExpiredGroup> expired) {
    for (ExpiredGroup group : expired) {
      try {
        onExpired.accept(group);
      } catch (RuntimeException e) {
        log.warn("{} - expiry listener failed", group.key(), e);
      }
    }
  }

  private static final class Group {
    final PartGroupKey key;
    final long firstPartNanos;
    final byte[][] parts;
    int received;
    int octets;

    Group(PartGroupKey key, long firstPartNanos) {
      this.key = key;
      this.firstPartNanos = firstPartNanos;
      this.parts = new byte[key.total()][];
    }

    ExpiredGroup expire(long now) {
      List<Integer> sequences = new ArrayList<>(received);
      for (int i = 0; i < parts.length; i++) {
        if (parts[i] != null) {
          sequences.add(i + 1);
        }
      }
      return new ExpiredGroup(key, sequences, octets, firstPartNanos, now);
    }
  }
}
