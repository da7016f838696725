package io.vasgate.account;

import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.SmppLimits;
import java.util.List;
import java.util.Set;

/**
 * An ESME account as written in the shipped configuration, with its password in plain text; the
 * database only ever holds the {@link EsmeAccount} made from it, with the password hashed.
 *
 * @param systemId the SMPP system_id, as in {@link EsmeAccount}
 * @param password the bind password, 1..{@value #MAX_PASSWORD_LENGTH} printable ASCII characters
 * @param allowedBindTypes as in {@link EsmeAccount}
 * @param maxBinds as in {@link EsmeAccount}
 * @param ipAllowlist as in {@link EsmeAccount}
 * @param role as in {@link EsmeAccount}
 * @param maxSubmitPerSecond as in {@link EsmeAccount}
 * @param windowSize as in {@link EsmeAccount}
 * @param enabled as in {@link EsmeAccount}
 */
public record AccountSpec(
    String systemId,
    String password,
    Set<BindType> allowedBindTypes,
    int maxBinds,
    List<CidrRange> ipAllowlist,
    EsmeRole role,
    int maxSubmitPerSecond,
    int windowSize,
    boolean enabled) {

  /**
   * Longest password, in characters: SMPP 3.4 section 5.2.2 allows 9 octets including the
   * terminating NUL.
   */
  public static final int MAX_PASSWORD_LENGTH = SmppLimits.MAX_PASSWORD_LENGTH - 1;

  public AccountSpec {
    EsmeAccount.checkSystemId(systemId);
    checkPassword(systemId, password);
    allowedBindTypes = EsmeAccount.checkBindTypes(systemId, allowedBindTypes);
    ipAllowlist = EsmeAccount.checkAllowlist(systemId, ipAllowlist);
    EsmeAccount.checkLimits(systemId, maxBinds, role, maxSubmitPerSecond, windowSize);
  }

  private static void checkPassword(String systemId, String password) {
    // An empty password would let anyone who learns the system_id bind.
    boolean valid =
        password != null && !password.isEmpty() && password.length() <= MAX_PASSWORD_LENGTH;
    for (int i = 0; valid && i < password.length(); i++) {
      char c = password.charAt(i);
      valid = c >= 0x20 && c <= 0x7E;
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "esme account '"
              + systemId
              + "': password must be 1.."
              + MAX_PASSWORD_LENGTH
              + " printable ASCII characters");
    }
  }

  /** The account to store: this spec with its password hashed by {@code hasher}. */
  public EsmeAccount toAccount(PasswordHasher hasher) {
    return new EsmeAccount(
        systemId,
        hasher.hash(password),
        allowedBindTypes,
        maxBinds,
        ipAllowlist,
        role,
        maxSubmitPerSecond,
        windowSize,
        enabled);
  }

  /** Leaves the password out. */
  @Override
  public String toString() {
    return "AccountSpec[systemId="
        + systemId
        + ", password=***, allowedBindTypes="
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
