package io.vasgate.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Inserts many rows into one table in a few multi-row statements whose shapes are fixed, so that
 * each is prepared on the server once per connection and then taken from Connector/J's cache.
 *
 * <p>Connector/J folds a JDBC batch of INSERTs into one multi-row INSERT too, but with server-side
 * prepared statements it prepares that statement for the batch's exact size, runs it once and
 * closes it: a prepare and a close round trip per batch, which at the benchmark's maximum was a
 * sixth of the gateway's JDBC time. Here rows go in chunks of fixed {@linkplain StatementSizes
 * sizes} (45 rows: 32 + 13), as {@link MultiRowUpdate}'s do, so a table has a fixed set of
 * statement shapes.
 */
public final class MultiRowInsert {

  /** Binds one row's values, its first parameter at {@code first}. */
  @FunctionalInterface
  public interface Row {
    void bind(PreparedStatement ps, int first) throws SQLException;
  }

  private final int parameters;
  private final int maxRows;

  /** The statement for n rows at index n, for each {@linkplain StatementSizes size} n. */
  private final String[] statements;

  /**
   * @param oneRow an INSERT of one row, {@code INSERT INTO t (a, b) VALUES (?, ?)}, optionally
   *     followed by a clause for the whole statement ({@code ON DUPLICATE KEY UPDATE ...}); the row
   *     is the first parenthesised group after {@code VALUES}
   * @throws IllegalArgumentException if {@code oneRow} has no such group, a parameter outside it or
   *     a parenthesis inside it, or even one row is too long for the prepared statement cache
   */
  public MultiRowInsert(String oneRow) {
    int values = oneRow.indexOf(" VALUES ");
    int open = values < 0 ? -1 : oneRow.indexOf('(', values);
    int close = open < 0 ? -1 : oneRow.indexOf(')', open);
    if (close < 0) {
      throw new IllegalArgumentException("not a one-row INSERT ... VALUES (...): " + oneRow);
    }
    String head = oneRow.substring(0, open);
    String row = oneRow.substring(open, close + 1);
    String tail = oneRow.substring(close + 1);
    // Rows are bound at a fixed stride: a parameter outside the row, or a call such as NOW() that
    // would end the row early, must not pass unnoticed.
    if (head.indexOf('?') >= 0 || tail.indexOf('?') >= 0 || row.indexOf('(', 1) >= 0) {
      throw new IllegalArgumentException(
          "parameters only, and no calls, in the row of a multi-row INSERT: " + oneRow);
    }
    this.parameters = (int) row.chars().filter(ch -> ch == '?').count();
    String[] shapes = new String[StatementSizes.MAX + 1];
    int widest = 0;
    for (int rows : StatementSizes.upTo(StatementSizes.MAX)) {
      String sql = head + String.join(", ", Collections.nCopies(rows, row)) + tail;
      if (sql.length() >= EmbeddedMariaDb.PREPARED_STATEMENT_CACHE_SQL_LIMIT) {
        break;
      }
      shapes[rows] = sql;
      widest = rows;
    }
    if (widest == 0) {
      throw new IllegalArgumentException("one row is too long to cache: " + oneRow);
    }
    this.statements = shapes;
    this.maxRows = widest;
  }

  /**
   * Inserts {@code rows} on {@code c}: now, or, inside a group commit batch that {@linkplain
   * BatchScope#deferring defers}, with the rows the batch's other work deferred to this statement,
   * just before the batch commits.
   */
  public void writeOn(Connection c, List<? extends Row> rows) throws SQLException {
    Optional<BatchScope> batch = BatchScope.of(c);
    if (batch.isEmpty() || !batch.get().deferring()) {
      execute(c, rows);
      return;
    }
    for (Row row : rows) {
      batch.get().defer(this, row);
    }
  }

  /** Inserts {@code rows} in the order given. */
  public void execute(Connection c, List<? extends Row> rows) throws SQLException {
    int from = 0;
    for (int size : StatementSizes.chunks(rows.size(), maxRows)) {
      try (PreparedStatement ps = c.prepareStatement(statements[size])) {
        for (int i = 0; i < size; i++) {
          rows.get(from + i).bind(ps, 1 + i * parameters);
        }
        ps.executeUpdate();
      }
      from += size;
    }
  }
}
