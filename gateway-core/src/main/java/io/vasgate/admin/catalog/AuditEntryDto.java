package io.vasgate.admin.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One audit entry: who did what to which entity, and the entity before and after in the JSON of the
 * admin API (null before a creation and after a deletion).
 */
public record AuditEntryDto(
    long id,
    String actor,
    Instant at,
    String action,
    String entityType,
    String entityId,
    JsonNode before,
    JsonNode after) {}
