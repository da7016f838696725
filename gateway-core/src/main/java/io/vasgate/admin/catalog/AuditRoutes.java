package io.vasgate.admin.catalog;

import static io.vasgate.admin.auth.AdminRole.READ_ONLY;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vasgate.admin.AdminJson;
import io.vasgate.admin.AdminRoutes;
import io.vasgate.admin.ApiException;
import io.vasgate.persistence.audit.AuditEntry;
import io.vasgate.persistence.audit.AuditEvent;
import io.vasgate.persistence.audit.AuditLog;
import io.vasgate.persistence.audit.AuditPage;
import io.vasgate.persistence.audit.AuditQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/audit}: who changed what, newest first. Parameters, all optional: {@code entity}
 * ({@code product} or {@code product:TQ}), {@code actor}, {@code from} and {@code to} (ISO-8601
 * instants, from inclusive, to exclusive), {@code limit} (1-500, default 50), {@code before} (the
 * {@code nextBefore} of the previous page).
 */
final class AuditRoutes implements AdminRoutes {

  private final AuditLog auditLog;
  private final AdminJson json;

  AuditRoutes(AuditLog auditLog, AdminJson json) {
    this.auditLog = auditLog;
    this.json = json;
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/audit", this::query, READ_ONLY);
  }

  private void query(Context ctx) {
    AuditQuery query = AuditQuery.all();
    String entity = ctx.queryParam("entity");
    if (entity != null && !entity.isBlank()) {
      int colon = entity.indexOf(':');
      if (colon < 0) {
        query = query.entityType(entity.trim());
      } else if (colon == 0 || colon == entity.length() - 1) {
        throw ApiException.badRequest("entity", "must be a type or type:id, e.g. product:TQ");
      } else {
        query = query.entity(entity.substring(0, colon).trim(), entity.substring(colon + 1).trim());
      }
    }
    String actor = ctx.queryParam("actor");
    if (actor != null && !actor.isBlank()) {
      query = query.actor(actor.trim());
    }
    Instant from = instant(ctx, "from");
    Instant to = instant(ctx, "to");
    if (from != null) {
      query = query.from(from);
    }
    if (to != null) {
      if (from != null && to.isBefore(from)) {
        throw ApiException.badRequest("to", "is before from");
      }
      query = query.to(to);
    }
    String limit = ctx.queryParam("limit");
    if (limit != null) {
      query = query.limit((int) number(limit, "limit", 1, AuditQuery.MAX_LIMIT));
    }
    String before = ctx.queryParam("before");
    if (before != null) {
      query = query.before(number(before, "before", 1, Long.MAX_VALUE));
    }
    AuditPage page = auditLog.query(query);
    json.write(
        ctx,
        200,
        new AuditPageDto(
            page.entries().stream().map(this::dto).toList(),
            page.nextBeforeId().isPresent() ? page.nextBeforeId().getAsLong() : null));
  }

  private AuditEntryDto dto(AuditEntry entry) {
    AuditEvent e = entry.event();
    return new AuditEntryDto(
        entry.id(),
        e.actor(),
        e.at(),
        e.action(),
        e.entityType(),
        e.entityId(),
        e.beforeJson().map(json::tree).orElse(null),
        e.afterJson().map(json::tree).orElse(null));
  }

  private static Instant instant(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name, "must be an ISO-8601 instant such as 2025-03-01T08:00:00Z");
    }
  }

  private static long number(String value, String name, long min, long max) {
    long parsed;
    try {
      parsed = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name, "must be a whole number, got '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw ApiException.badRequest(name, "must be in " + min + ".." + max + ", got " + parsed);
    }
    return parsed;
  }
}
