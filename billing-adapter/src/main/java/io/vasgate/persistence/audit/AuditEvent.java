package io.vasgate.persistence.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to record: who made it, when, what it did to which entity, and the entity before and
 * after as JSON.
 *
 * @param actor the admin user, or {@code system:<what>} for a change the gateway made itself
 * @param at when the change was made; stored to the millisecond, so it is truncated to millis here
 * @param action what was done ({@code create}, {@code update}, {@code retire}, {@code delete})
 * @param entityType the kind of entity ({@code product}, {@code service-number})
 * @param entityId the entity's identity within its type ({@code TQ}, {@code 10658880})
 * @param beforeJson the entity before the change, as a JSON document; empty for a creation
 * @param afterJson the entity after the change, as a JSON document; empty for a deletion
 */
public record AuditEvent(
    String actor,
    Instant at,
    String action,
    String entityType,
    String entityId,
    Optional<String> beforeJson,
    Optional<String> afterJson) {

  /** Longest actor name: the width of {@code audit_log.actor}. */
  public static final int MAX_ACTOR_LENGTH = 64;

  /** Longest action: the width of {@code audit_log.action}. */
  public static final int MAX_ACTION_LENGTH = 32;

  /** Longest entity type: the width of {@code audit_log.entity_type}. */
  public static final int MAX_ENTITY_TYPE_LENGTH = 32;

  /** Longest entity id: the width of {@code audit_log.entity_id}. */
  public static final int MAX_ENTITY_ID_LENGTH = 128;

  /**
   * @throws IllegalArgumentException naming the field if a text is blank or too long, or if the
   *     event has neither a before nor an after
   */
  public AuditEvent {
    requireText(actor, "actor", MAX_ACTOR_LENGTH);
    Objects.requireNonNull(at, "at");
    at = at.truncatedTo(ChronoUnit.MILLIS);
    requireText(action, "action", MAX_ACTION_LENGTH);
    requireText(entityType, "entityType", MAX_ENTITY_TYPE_LENGTH);
    requireText(entityId, "entityId", MAX_ENTITY_ID_LENGTH);
    Objects.requireNonNull(beforeJson, "beforeJson");
    Objects.requireNonNull(afterJson, "afterJson");
    if (beforeJson.isEmpty() && afterJson.isEmpty()) {
      throw new IllegalArgumentException(
          "audit event " + action + " " + entityType + " " + entityId + " has no before or after");
    }
  }

  private static void requireText(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("audit " + field + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          "audit "
              + field
              + " must be at most "
              + maxLength
              + " characters, got "
              + value.length());
    }
  }
}
