package io.vasgate.persistence.catalog;

/**
 * A partner (SP, service provider) whose products the gateway sells and with whom revenue is
 * shared.
 *
 * @param code the partner code the operator assigned ({@code 901234})
 * @param name the partner's name, for people
 */
public record Partner(String code, String name) {

  /** Longest partner code: the width of {@code partner.code}. */
  public static final int MAX_CODE_LENGTH = 32;

  /** Longest partner name: the width of {@code partner.name}. */
  public static final int MAX_NAME_LENGTH = 128;

  /**
   * @throws IllegalArgumentException if the code is not 1-{@value #MAX_CODE_LENGTH} ASCII letters,
   *     digits, {@code _} or {@code -}, or the name is blank or too long
   */
  public Partner {
    if (!isCode(code)) {
      throw new IllegalArgumentException(
          "partner code must be 1-"
              + MAX_CODE_LENGTH
              + " ASCII letters, digits, '_' or '-', got '"
              + code
              + "'");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("partner " + code + ": name must not be blank");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "partner " + code + ": name must be at most " + MAX_NAME_LENGTH + " characters");
    }
  }

  /** True if {@code code} is a well-formed partner code. */
  public static boolean isCode(String code) {
    if (code == null || code.isEmpty() || code.length() > MAX_CODE_LENGTH) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
