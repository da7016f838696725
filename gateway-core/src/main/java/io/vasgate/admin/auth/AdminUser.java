package io.vasgate.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A user of the admin API, known by the SHA-256 of its bearer token: the plain token is never kept
 * in memory after configuration is read, nor logged.
 *
 * @param name who the user is, as the audit log records it
 * @param tokenSha256 the lower-case hex SHA-256 of the UTF-8 token
 * @param role what the user may do
 */
public record AdminUser(String name, String tokenSha256, AdminRole role) {

  /** Longest user name: names go into {@code audit_log.actor}, 64 wide. */
  public static final int MAX_NAME_LENGTH = 64;

  /**
   * Shortest plain token accepted: 16 characters of a random token are already ~80 bits, and a
   * shorter one is likely a password someone chose.
   */
  public static final int MIN_TOKEN_LENGTH = 16;

  /** Length of a SHA-256 in hex. */
  public static final int SHA256_HEX_LENGTH = 64;

  /**
   * @throws IllegalArgumentException if the name is not 1-{@value #MAX_NAME_LENGTH} ASCII letters,
   *     digits, {@code .}, {@code _} or {@code -} (the {@code system:} prefix of the gateway's own
   *     audit entries is thereby reserved), or the hash is no SHA-256 in hex
   */
  public AdminUser {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1," + MAX_NAME_LENGTH + "}")) {
      throw new IllegalArgumentException(
          "name must be 1-"
              + MAX_NAME_LENGTH
              + " ASCII letters, digits, '.', '_' or '-', got '"
              + name
              + "'");
    }
    if (tokenSha256 == null || !tokenSha256.matches("[0-9a-f]{" + SHA256_HEX_LENGTH + "}")) {
      throw new IllegalArgumentException(
          "user " + name + ": tokenSha256 must be " + SHA256_HEX_LENGTH + " lower-case hex digits");
    }
    Objects.requireNonNull(role, "role");
  }

  /**
   * A user with the plain {@code token}, which is hashed here.
   *
   * @throws IllegalArgumentException if the token is shorter than {@value #MIN_TOKEN_LENGTH}
   *     characters or contains whitespace (it could not travel in an Authorization header)
   */
  public static AdminUser withToken(String name, String token, AdminRole role) {
    if (token == null || token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          "user " + name + ": token must be at least " + MIN_TOKEN_LENGTH + " characters");
    }
    if (!token.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
      throw new IllegalArgumentException(
          "user " + name + ": token must be visible ASCII without spaces");
    }
    return new AdminUser(name, sha256Hex(token), role);
  }

  /** The lower-case hex SHA-256 of the UTF-8 bytes of {@code token}. */
  public static String sha256Hex(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    // Even the hash stays out of logs: it is all an attacker needs to test guesses offline.
    return "AdminUser[name=" + name + ", role=" + role + "]";
  }
}
