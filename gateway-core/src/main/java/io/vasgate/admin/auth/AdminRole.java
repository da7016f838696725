package io.vasgate.admin.auth;

import io.javalin.security.RouteRole;

/**
 * What an admin API user may do. Endpoints declare the role they need ({@code app.get(path,
 * handler, AdminRole.READ_ONLY)}); {@link AdminAuthenticator} checks it before the handler runs.
 */
public enum AdminRole implements RouteRole {
  /** Read everything and dry-run commands; change nothing. */
  READ_ONLY,
  /** Everything a read-only user may, and change the catalog. */
  OPERATOR;

  /** True if a user with this role may call an endpoint that needs {@code required}. */
  public boolean permits(AdminRole required) {
    return this == OPERATOR || required == READ_ONLY;
  }
}
