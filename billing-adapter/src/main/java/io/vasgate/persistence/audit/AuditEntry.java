package io.vasgate.persistence.audit;

import java.util.Objects;

/**
 * A recorded {@link AuditEvent}.
 *
 * @param id the entry's number: entries are numbered in the order they were recorded
 * @param event what was recorded
 */
public record AuditEntry(long id, AuditEvent event) {

  public AuditEntry {
    if (id <= 0) {
      throw new IllegalArgumentException("audit entry id must be positive, got " + id);
    }
    Objects.requireNonNull(event, "event");
  }
}
