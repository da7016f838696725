package io.vasgate.persistence.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which audit entries to read: every filter is optional and they combine with AND. Entries come
 * newest first, {@code limit} at a time; the next page starts before the last id of this one.
 *
 * @param entityType only entries about this kind of entity
 * @param entityId only entries about the entity with this id (needs {@code entityType})
 * @param actor only entries by this actor
 * @param from only entries at or after this instant
 * @param to only entries before this instant
 * @param beforeId only entries with a smaller id: the cursor of the next page
 * @param limit at most this many entries, 1 to {@link #MAX_LIMIT}
 */
public record AuditQuery(
    Optional<String> entityType,
    Optional<String> entityId,
    Optional<String> actor,
    Optional<Instant> from,
    Optional<Instant> to,
    OptionalLong beforeId,
    int limit) {

  /** Entries per page unless a query asks otherwise. */
  public static final int DEFAULT_LIMIT = 50;

  /** Most entries one page may hold: before and after documents make entries large. */
  public static final int MAX_LIMIT = 500;

  /**
   * @throws IllegalArgumentException naming the parameter for an entity id without a type, a time
   *     range that ends before it starts, or a limit out of range
   */
  public AuditQuery {
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(beforeId, "beforeId");
    if (entityId.isPresent() && entityType.isEmpty()) {
      throw new IllegalArgumentException("entityId needs an entityType");
    }
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      throw new IllegalArgumentException(
          "to (" + to.get() + ") is before from (" + from.get() + ")");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", got " + limit);
    }
  }

  /** Every entry, newest first, {@link #DEFAULT_LIMIT} per page. */
  public static AuditQuery all() {
    return new AuditQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty(),
        DEFAULT_LIMIT);
  }

  /** Only entries about one kind of entity. */
  public AuditQuery entityType(String type) {
    return new AuditQuery(Optional.of(type), entityId, actor, from, to, beforeId, limit);
  }

  /** Only entries about one entity. */
  public AuditQuery entity(String type, String id) {
    return new AuditQuery(Optional.of(type), Optional.of(id), actor, from, to, beforeId, limit);
  }

  public AuditQuery actor(String name) {
    return new AuditQuery(entityType, entityId, Optional.of(name), from, to, beforeId, limit);
  }

  public AuditQuery from(Instant start) {
    return new AuditQuery(entityType, entityId, actor, Optional.of(start), to, beforeId, limit);
  }

  public AuditQuery to(Instant end) {
    return new AuditQuery(entityType, entityId, actor, from, Optional.of(end), beforeId, limit);
  }

  public AuditQuery before(long id) {
    return new AuditQuery(entityType, entityId, actor, from, to, OptionalLong.of(id), limit);
  }

  public AuditQuery limit(int max) {
    return new AuditQuery(entityType, entityId, actor, from, to, beforeId, max);
  }
}
