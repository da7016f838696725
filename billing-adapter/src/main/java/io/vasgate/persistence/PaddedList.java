package io.vasgate.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * A list of statement parameters whose length varies (an {@code IN (...)} list, the rows of a
 * multi-row INSERT) padded to a power of two by repeating its last value: a handful of statement
 * shapes then serve every length, so the server-side prepared statements are reused instead of one
 * being prepared per length. Repeats change nothing: {@code IN} ignores them, and a repeated row of
 * an upsert finds itself.
 */
public final class PaddedList {

  private PaddedList() {}

  /** How many parameters {@code size} values are padded to: the next power of two. */
  public static int shape(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("nothing to pad: " + size);
    }
    return size == 1 ? 1 : Integer.highestOneBit(size - 1) << 1;
  }

  /**
   * {@code n} placeholders, {@code ?,?,...}: an {@code IN} list or a row of values, padded or not.
   *
   * @throws IllegalArgumentException if {@code n} is not positive (an empty IN list is bad SQL)
   */
  public static String placeholders(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
    return String.join(",", Collections.nCopies(n, "?"));
  }

  /** Binds {@code values} padded to {@code shape} parameters, from parameter 1. */
  public static void bind(PreparedStatement ps, List<String> values, int shape)
      throws SQLException {
    for (int i = 0; i < shape; i++) {
      ps.setString(i + 1, values.get(Math.min(i, values.size() - 1)));
    }
  }
}
