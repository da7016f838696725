package io.vasgate.command.shortcode;

/** Checks on the decimal strings service numbers are made of. */
final class Digits {

  private Digits() {}

  /** True if {@code s} is non-empty and all ASCII digits. */
  static boolean isDigits(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
