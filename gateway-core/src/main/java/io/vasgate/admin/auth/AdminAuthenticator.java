package io.vasgate.admin.auth;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.vasgate.admin.AdminRoutes;
import io.vasgate.admin.ApiException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer-token authentication and role checks for every endpoint that declares an {@link
 * AdminRole}; endpoints without one ({@code /health}, {@code /metrics}) stay open.
 *
 * <p>Answers 401 with {@code WWW-Authenticate} for a missing, malformed or unknown token and 403
 * when the user's role does not permit the endpoint. Tokens are compared by SHA-256 in constant
 * time against every configured user, so the timing tells nothing about how close a guess was or
 * which user it nearly matched.
 */
public final class AdminAuthenticator implements AdminRoutes {

  private static final Logger log = LoggerFactory.getLogger(AdminAuthenticator.class);

  /** The context attribute the authenticated {@link AdminUser} is stored under. */
  private static final String USER_ATTRIBUTE = "vasgate.admin.user";

  private static final String BEARER = "Bearer ";

  private final List<AdminUser> users;
  private final List<byte[]> hashes;

  /**
   * @param users the configured users; none means every protected endpoint answers 401
   */
  public AdminAuthenticator(List<AdminUser> users) {
    this.users = List.copyOf(users);
    this.hashes = this.users.stream().map(u -> HexFormat.of().parseHex(u.tokenSha256())).toList();
    if (this.users.isEmpty()) {
      log.warn("admin-auth - no admin.users configured: the admin API will refuse every request");
    }
  }

  @Override
  public void register(Javalin app) {
    app.beforeMatched(this::check);
  }

  private void check(Context ctx) {
    Optional<AdminRole> required = required(ctx.routeRoles());
    if (required.isEmpty()) {
      return;
    }
    AdminUser user =
        authenticate(ctx.header("Authorization"))
            .orElseThrow(
                () -> {
                  ctx.header("WWW-Authenticate", "Bearer realm=\"vasgate-admin\"");
                  return new ApiException(
                      401,
                      "unauthorized",
                      "a valid 'Authorization: Bearer <token>' is required",
                      null);
                });
    if (!user.role().permits(required.get())) {
      log.info(
          "admin-auth - {} ({}) refused {} {}", user.name(), user.role(), ctx.method(), ctx.path());
      throw new ApiException(
          403,
          "forbidden",
          "user " + user.name() + " is " + user.role() + "; this needs " + required.get(),
          null);
    }
    ctx.attribute(USER_ATTRIBUTE, user);
  }

  /** The user whose token is in {@code authorization} ({@code Bearer <token>}), if any. */
  public Optional<AdminUser> authenticate(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String token = authorization.substring(BEARER.length()).trim();
    if (token.isEmpty()) {
      return Optional.empty();
    }
    byte[] presented = AdminUser.sha256(token);
    AdminUser match = null;
    for (int i = 0; i < users.size(); i++) {
      // No early exit: every user is compared whatever matched.
      if (MessageDigest.isEqual(presented, hashes.get(i)) && match == null) {
        match = users.get(i);
      }
    }
    return Optional.ofNullable(match);
  }

  /**
   * The user {@link #check} authenticated for this request.
   *
   * @throws IllegalStateException if the endpoint declared no {@link AdminRole}
   */
  public static AdminUser user(Context ctx) {
    AdminUser user = ctx.attribute(USER_ATTRIBUTE);
    if (user == null) {
      throw new IllegalStateException(ctx.path() + " declares no AdminRole, so it has no user");
    }
    return user;
  }

  private static Optional<AdminRole> required(java.util.Set<RouteRole> roles) {
    Optional<AdminRole> required = Optional.empty();
    for (RouteRole role : roles) {
      if (role == AdminRole.OPERATOR) {
        return Optional.of(AdminRole.OPERATOR);
      }
      if (role == AdminRole.READ_ONLY) {
        required = Optional.of(AdminRole.READ_ONLY);
      }
    }
    return required;
  }
}
