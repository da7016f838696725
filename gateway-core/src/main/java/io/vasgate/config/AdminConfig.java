package io.vasgate.config;

import io.vasgate.admin.auth.AdminRole;
import io.vasgate.admin.auth.AdminUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The operations HTTP port: health, metrics and the admin API.
 *
 * @param host the address to bind
 * @param port the TCP port, 0 for any free one (tests)
 * @param users who may call the admin API, each with a bearer token and a role; none means the
 *     admin API refuses every request (health and metrics stay open)
 */
public record AdminConfig(String host, int port, List<AdminUser> users) {

  public AdminConfig {
    users = List.copyOf(users);
  }

  static AdminConfig from(ConfigNode n) {
    String host = n.string("host", "127.0.0.1");
    int port = n.integer("port", 8080, 0, 65535);
    List<AdminUser> users = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    List<ConfigNode> nodes = n.children("users");
    for (int i = 0; i < nodes.size(); i++) {
      ConfigNode node = nodes.get(i);
      AdminUser user = node.build(AdminConfig::user);
      node.rejectUnknownKeys();
      if (!names.add(user.name())) {
        throw new ConfigException(
            "admin.users[" + i + "].name", "'" + user.name() + "' is configured twice");
      }
      if (!hashes.add(user.tokenSha256())) {
        // One token for two users would make the audit log name the wrong person.
        throw new ConfigException(
            "admin.users[" + i + "].token", "is the token of another user; tokens must differ");
      }
      users.add(user);
    }
    return new AdminConfig(host, port, users);
  }

  /**
   * One user: {@code name}, {@code role} (READ_ONLY or OPERATOR) and either {@code token} (the
   * plain bearer token, hashed on reading) or {@code tokenSha256} (its SHA-256 in hex, so the plain
   * token need not sit in the file).
   */
  private static AdminUser user(ConfigNode n) {
    String name = n.requiredString("name");
    AdminRole role = n.enumValue("role", AdminRole.class, null);
    if (role == null) {
      throw new IllegalArgumentException("role is required (READ_ONLY or OPERATOR)");
    }
    Optional<String> token = n.optionalString("token");
    Optional<String> hash = n.optionalString("tokenSha256");
    if (token.isPresent() == hash.isPresent()) {
      throw new IllegalArgumentException("give exactly one of token and tokenSha256");
    }
    return token.isPresent()
        ? AdminUser.withToken(name, token.get(), role)
        : new AdminUser(name, hash.get().trim().toLowerCase(java.util.Locale.ROOT), role);
  }
}
