package io.vasgate.account;

import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.SmppLimits;
import java.net.InetAddress;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ESME account as stored: who may bind, how, from where, and with what limits.
 *
 * @param systemId the SMPP system_id, 1..{@value #MAX_SYSTEM_ID_LENGTH} visible ASCII characters,
 *     compared case-sensitively
 * @param passwordHash the password as encoded by {@link PasswordHasher}
 * @param allowedBindTypes the bind operations this account may use, at least one
 * @param maxBinds how many sessions of this account may be bound at once, at least 1
 * @param ipAllowlist the ranges binds may come from; empty allows any address
 * @param role what the account's submissions are
 * @param maxSubmitPerSecond the submit rate above which the account is throttled, at least 1
 * @param windowSize the most requests a session of this account may have outstanding, at least 1
 * @param enabled whether the account may bind at all
 */
public record EsmeAccount(
    String systemId,
    String passwordHash,
    Set<BindType> allowedBindTypes,
    int maxBinds,
    List<CidrRange> ipAllowlist,
    EsmeRole role,
    int maxSubmitPerSecond,
    int windowSize,
    boolean enabled) {

  /**
   * Longest system_id, in characters: SMPP 3.4 section 5.2.1 allows 16 octets including the
   * terminating NUL.
   */
  public static final int MAX_SYSTEM_ID_LENGTH = SmppLimits.MAX_SYSTEM_ID_LENGTH - 1;

  public EsmeAccount {
    checkSystemId(systemId);
    if (passwordHash == null || !PasswordHasher.isWellFormed(passwordHash)) {
      throw new IllegalArgumentException(
          "esme account '"
              + systemId
              + "': passwordHash is not a "
              + PasswordHasher.SCHEME
              + " hash");
    }
    allowedBindTypes = checkBindTypes(systemId, allowedBindTypes);
    ipAllowlist = checkAllowlist(systemId, ipAllowlist);
    checkLimits(systemId, maxBinds, role, maxSubmitPerSecond, windowSize);
  }

  /** Whether sessions of this account may bind as {@code type}. */
  public boolean allows(BindType type) {
    return allowedBindTypes.contains(type);
  }

  /** Whether a bind may come from {@code address}: any address if the allowlist is empty. */
  public boolean allowsPeer(InetAddress address) {
    if (ipAllowlist.isEmpty()) {
      return true;
    }
    for (CidrRange range : ipAllowlist) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** This account with another password hash, e.g. after an operator reset the password. */
  public EsmeAccount withPasswordHash(String newHash) {
    return new EsmeAccount(
        systemId,
        newHash,
        allowedBindTypes,
        maxBinds,
        ipAllowlist,
        role,
        maxSubmitPerSecond,
        windowSize,
        enabled);
  }

  /** This account enabled or disabled. */
  public EsmeAccount withEnabled(boolean nowEnabled) {
    return new EsmeAccount(
        systemId,
        passwordHash,
        allowedBindTypes,
        maxBinds,
        ipAllowlist,
        role,
        maxSubmitPerSecond,
        windowSize,
        nowEnabled);
  }

  /** Whether {@code systemId} could name an account, so a lookup is worth making at all. */
  public static boolean isValidSystemId(String systemId) {
    if (systemId == null || systemId.isEmpty() || systemId.length() > MAX_SYSTEM_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < systemId.length(); i++) {
      char c = systemId.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  static void checkSystemId(String systemId) {
    if (!isValidSystemId(systemId)) {
      throw new IllegalArgumentException(
          "esme account system_id must be 1.."
              + MAX_SYSTEM_ID_LENGTH
              + " visible ASCII characters but was "
              + (systemId == null ? "null" : "'" + systemId + "'"));
    }
  }

  static Set<BindType> checkBindTypes(String systemId, Set<BindType> types) {
    if (types == null || types.isEmpty() || containsNull(types)) {
      throw new IllegalArgumentException(
          "esme account '" + systemId + "': allowedBindTypes must name at least one bind type");
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(types));
  }

  static List<CidrRange> checkAllowlist(String systemId, List<CidrRange> allowlist) {
    if (allowlist == null || containsNull(allowlist)) {
      throw new IllegalArgumentException(
          "esme account '" + systemId + "': ipAllowlist must be a list of ranges (empty = any)");
    }
    return List.copyOf(allowlist);
  }

  // Immutable collections throw on contains(null), so look instead of asking.
  private static boolean containsNull(Iterable<?> values) {
    for (Object value : values) {
      if (value == null) {
        return true;
      }
    }
    return false;
  }

  static void checkLimits(
      String systemId, int maxBinds, EsmeRole role, int maxSubmitPerSecond, int windowSize) {
    positive(systemId, "maxBinds", maxBinds);
    Objects.requireNonNull(role, () -> "esme account '" + systemId + "': role");
    positive(systemId, "maxSubmitPerSecond", maxSubmitPerSecond);
    positive(systemId, "windowSize", windowSize);
  }

  private static void positive(String systemId, String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "esme account '" + systemId + "': " + name + " must be at least 1 but was " + value);
    }
  }

  /** Leaves the hash out: it has no business in logs. */
  @Override
  public String toString() {
    return "EsmeAccount[systemId="
        + systemId
        + ", allowedBindTypes="
        + allowedBindTypes
        + ", maxBinds="
        + maxBinds
        + ", ipAllowlist="
        + ipAllowlist
        + ", role="
        + role
        + ", maxSubmitPerSecond="
        + maxSubmitPerSecond
        + ", windowSize="
        + windowSize
        + ", enabled="
        + enabled
        + "]";
  }
}
