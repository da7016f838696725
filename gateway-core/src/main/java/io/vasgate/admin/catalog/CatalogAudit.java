package io.vasgate.admin.catalog;

import io.vasgate.admin.AdminJson;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.shortcode.ServiceNumber;
import io.vasgate.persistence.audit.AuditEvent;
import io.vasgate.persistence.audit.AuditLog;
import io.vasgate.persistence.catalog.CatalogChange;
import io.vasgate.persistence.catalog.ChangeHook;
import io.vasgate.persistence.catalog.Partner;
import io.vasgate.persistence.catalog.TemplateOverride;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Records catalog changes in the audit log, in the transaction of the change, with the entity
 * before and after in the JSON the admin API shows, so the audit reads like the API.
 */
public final class CatalogAudit {

  /** The actor of the entries the gateway writes when it seeds the catalog from conf/. */
  public static final String SEED_ACTOR = "system:seed";

  private final AuditLog auditLog;
  private final InstantSource clock;
  private final AdminJson json = new AdminJson();

  public CatalogAudit(AuditLog auditLog, InstantSource clock) {
    this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A hook that records every change it sees as made by {@code actor}. */
  public ChangeHook hook(String actor) {
    Objects.requireNonNull(actor, "actor");
    return (connection, change) -> auditLog.append(connection, event(actor, change));
  }

  AuditLog auditLog() {
    return auditLog;
  }

  private AuditEvent event(String actor, CatalogChange change) {
    return new AuditEvent(
        actor,
        clock.instant(),
        change.action().id(),
        change.entity().type(),
        change.entityId(),
        change.before().map(this::json),
        change.after().map(this::json));
  }

  private String json(Object entity) {
    return json.string(dto(entity));
  }

  private static Object dto(Object entity) {
    if (entity instanceof Product p) {
      return ProductDto.of(p);
    }
    if (entity instanceof ServiceNumber n) {
      return ServiceNumberDto.of(n);
    }
    if (entity instanceof Partner p) {
      return PartnerDto.of(p);
    }
    if (entity instanceof TemplateOverride t) {
      return TemplateOverrideDto.of(t);
    }
    throw new IllegalArgumentException("no audit form for " + entity.getClass().getName());
  }
}
