package io.vasgate.command.parse;

/**
 * Whether two strings are at most one edit apart, counting an insertion, a deletion, a substitution
 * or a swap of two neighbouring characters as one edit (optimal string alignment), the typos phone
 * users make. Linear time, no allocation: it runs over every word and product of a number for each
 * near miss.
 */
final class EditDistance {

  private EditDistance() {}

  static boolean withinOne(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (la == lb) {
      int i = firstDifference(a, b);
      if (i == la) {
        return true;
      }
      if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
        return true; // substitution
      }
      return i + 1 < la
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, la - i - 2);
    }
    if (la == lb + 1) {
      return oneDeletion(a, b);
    }
    if (lb == la + 1) {
      return oneDeletion(b, a);
    }
    return false;
  }

  /** True if deleting one character of {@code longer} gives {@code shorter}. */
  private static boolean oneDeletion(String longer, String shorter) {
    int i = firstDifference(longer, shorter);
    return longer.regionMatches(i + 1, shorter, i, shorter.length() - i);
  }

  private static int firstDifference(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
