package io.vasgate.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * The row counts a multi-row statement ({@link MultiRowInsert}, {@link MultiRowUpdate}) comes in:
 * every count up to 16, then 24, 32, 48 and 64. Any number of rows up to 64 then goes out in at
 * most two statements (45 rows: 32 + 13), where powers of two alone took up to seven (32 + 8 + 4 +
 * 1 for the same 45); each statement saved is a round trip and a statement's fixed cost on both
 * sides, and a group commit batch writes a dozen tables.
 *
 * <p>Every count is a statement of its own, prepared on the server once per connection and kept in
 * Connector/J's cache, and the server keeps each prepared statement's parse tree (about 9 KB per
 * row of 17 parameters, measured on MariaDB 11.4): the counts above 16 are spaced so that a table's
 * twenty statements hold about two and a half times the rows of its seven powers of two, not the
 * sixteen times of every count up to 64.
 */
final class StatementSizes {

  /** The most rows one statement carries. */
  static final int MAX = 64;

  private static final int[] SIZES = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 24, 32, 48, MAX
  };

  private StatementSizes() {}

  /** Whether statements come in {@code rows} rows. */
  static boolean isSize(int rows) {
    for (int size : SIZES) {
      if (size == rows) {
        return true;
      }
    }
    return false;
  }

  /** The sizes up to {@code maxRows}, smallest first. */
  static List<Integer> upTo(int maxRows) {
    List<Integer> sizes = new ArrayList<>();
    for (int size : SIZES) {
      if (size <= maxRows) {
        sizes.add(size);
      }
    }
    return sizes;
  }

  /**
   * The statements {@code rows} rows go out in, largest first: each the largest size that fits both
   * the rows left and {@code maxRows}.
   *
   * @param maxRows a size ({@link #isSize})
   */
  static List<Integer> chunks(int rows, int maxRows) {
    if (!isSize(maxRows)) {
      throw new IllegalArgumentException("not a statement size: " + maxRows);
    }
    List<Integer> chunks = new ArrayList<>(2);
    int rest = rows;
    while (rest > 0) {
      int size = largestUpTo(Math.min(rest, maxRows));
      chunks.add(size);
      rest -= size;
    }
    return chunks;
  }

  private static int largestUpTo(int rows) {
    int largest = SIZES[0];
    for (int size : SIZES) {
      if (size > rows) {
        break;
      }
      largest = size;
    }
    return largest;
  }
}
