package io.vasgate.command.parse;

import java.util.ArrayList;
import java.util.List;

/** Reads item numbers chosen from a list ({@code 1 3} once {@code 1，3} is normalised). */
final class Selection {

  /**
   * Most digits in one item number: two, since items run up to {@link
   * CommandParser#MAX_ITEM_NUMBER}.
   */
  private static final int MAX_DIGITS = 2;

  private Selection() {}

  /**
   * The item numbers of {@code normalized}, ascending and distinct, if every space-separated token
   * is a number from 1 to {@code maxItem}; else null. Leading zeros are accepted ({@code 01}).
   */
  static List<Integer> items(String normalized, int maxItem) {
    if (normalized.isEmpty() || !isDigit(normalized.charAt(0))) {
      return null;
    }
    boolean[] chosen = new boolean[maxItem + 1];
    int count = 0;
    int i = 0;
    int n = normalized.length();
    while (i < n) {
      int value = 0;
      int digits = 0;
      while (i < n && isDigit(normalized.charAt(i))) {
        value = value * 10 + (normalized.charAt(i) - '0');
        digits++;
        i++;
        if (digits > MAX_DIGITS) {
          return null;
        }
      }
      if (digits == 0 || value < 1 || value > maxItem) {
        return null;
      }
      if (i < n && normalized.charAt(i++) != ' ') {
        return null;
      }
      if (!chosen[value]) {
        chosen[value] = true;
        count++;
      }
    }
    List<Integer> items = new ArrayList<>(count);
    for (int item = 1; item <= maxItem; item++) {
      if (chosen[item]) {
        items.add(item);
      }
    }
    return items;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
