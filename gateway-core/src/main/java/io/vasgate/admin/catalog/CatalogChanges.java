package io.vasgate.admin.catalog;

import io.javalin.http.Context;
import io.vasgate.admin.ApiException;
import io.vasgate.admin.auth.AdminAuthenticator;
import io.vasgate.admin.auth.AdminUser;
import io.vasgate.catalog.CatalogService;
import io.vasgate.persistence.catalog.CatalogChange;
import io.vasgate.persistence.catalog.CatalogContent;
import io.vasgate.persistence.catalog.CatalogRejection;
import io.vasgate.persistence.catalog.CatalogRepository;
import io.vasgate.persistence.catalog.ChangeHook;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a catalog change for the authenticated user: audited in the change's transaction, refused
 * changes answered with the 4xx that names the field, and the local catalog refreshed at once so
 * the caller's next dry-run already sees the change.
 */
final class CatalogChanges {

  private static final Logger log = LoggerFactory.getLogger(CatalogChanges.class);

  /** Response header carrying the catalog version a change produced. */
  static final String VERSION_HEADER = "X-Catalog-Version";

  private final CatalogRepository repository;
  private final CatalogAudit audit;
  private final CatalogService catalog;

  CatalogChanges(CatalogRepository repository, CatalogAudit audit, CatalogService catalog) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** The catalog as stored now: what the admin API lists, however fresh the local snapshot. */
  CatalogContent stored() {
    return repository.load().content();
  }

  CatalogRepository repository() {
    return repository;
  }

  CatalogChange apply(Context ctx, Function<ChangeHook, CatalogChange> change) {
    return apply(ctx, change, UnaryOperator.identity());
  }

  /**
   * @param fieldNames renames the fields of a rejection into the names of this endpoint's body
   */
  CatalogChange apply(
      Context ctx, Function<ChangeHook, CatalogChange> change, UnaryOperator<String> fieldNames) {
    AdminUser user = AdminAuthenticator.user(ctx);
    CatalogChange done;
    try {
      done = change.apply(audit.hook(user.name()));
    } catch (CatalogRejection e) {
      String field = e.field().map(fieldNames).orElse(null);
      throw switch (e.reason()) {
        case INVALID -> ApiException.badRequest(field, e.getMessage());
        case NOT_FOUND -> ApiException.notFound(e.getMessage());
        case CONFLICT -> ApiException.conflict(field, e.getMessage());
      };
    }
    log.info(
        "admin - {} {} {} {} (catalog version {})",
        user.name(),
        done.action().id(),
        done.entity().type(),
        done.entityId(),
        done.version());
    try {
      catalog.refresh();
    } catch (RuntimeException e) {
      // Committed already; the refresher will pick it up on its next round.
      log.warn(
          "admin - catalog refresh after version {} failed: {}", done.version(), e.getMessage());
    }
    ctx.header(VERSION_HEADER, Long.toString(done.version()));
    return done;
  }
}
