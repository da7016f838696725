package io.vasgate.admin.catalog;

import io.vasgate.admin.AdminJson;
import io.vasgate.admin.AdminRoutes;
import io.vasgate.admin.auth.AdminAuthenticator;
import io.vasgate.admin.auth.AdminUser;
import io.vasgate.catalog.CatalogService;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.persistence.catalog.CatalogRepository;
import java.util.List;

/**
 * The catalog part of the admin API, assembled: authentication first (it guards every endpoint that
 * declares an {@link io.vasgate.admin.auth.AdminRole}), then products and partners, service numbers
 * and templates, the dry-run and the audit log.
 */
public final class CatalogAdminApi {

  private CatalogAdminApi() {}

  /**
   * The routes to hand to the {@link io.vasgate.admin.AdminHttpServer}.
   *
   * @param users who may call the API
   * @param repository where changes go
   * @param audit records every change, in its transaction
   * @param catalog refreshed after each change; serves the dry-run
   * @param defaults the shipped reply templates, shown beside overrides
   */
  public static List<AdminRoutes> routes(
      List<AdminUser> users,
      CatalogRepository repository,
      CatalogAudit audit,
      CatalogService catalog,
      ReplyTemplates defaults) {
    AdminJson json = new AdminJson();
    CatalogChanges changes = new CatalogChanges(repository, audit, catalog);
    return List.of(
        new AdminAuthenticator(users),
        new ProductRoutes(changes, json),
        new ServiceNumberRoutes(changes, json, defaults),
        new DryRunRoutes(catalog, json),
        new AuditRoutes(audit.auditLog(), json));
  }
}
