package io.vasgate.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToLongFunction;

/**
 * Sets some columns of many rows of one table, each row found by its primary key {@code id} and
 * given values of its own, in a few statements rather than one per row.
 *
 * <p>Connector/J cannot fold a JDBC batch of UPDATEs into one statement as it does INSERTs: it
 * sends one statement per row, and their per-statement cost (parse, optimise, round trip) was what
 * the journal's writer spent its time on. Here each chunk of rows is one statement of the shape
 * {@code UPDATE t SET c = CASE id WHEN ? THEN ? ... END, ... WHERE id IN (?, ...)}. It is CASE
 * rather than a join against a derived table of the values because a join makes a multi-table
 * UPDATE, which MariaDB may plan as a scan of the whole table, where {@code id IN} is always a
 * range read of the primary key; and the {@code WHERE} holds exactly the ids the CASEs name, so no
 * row falls through a CASE to NULL.
 *
 * <p>Chunks come in the {@linkplain StatementSizes sizes} up to {@link #MAX_ROWS} rows (50 rows: 48
 * + 2), or fewer for an update of many columns, so a table has a fixed set of statement shapes,
 * each prepared once per connection and then taken from Connector/J's cache, however the batch
 * sizes vary.
 *
 * @param <T> what a row's id and values are read from
 */
public final class MultiRowUpdate<T> {

  /** Binds a row's value for one column to parameter {@code index}. */
  @FunctionalInterface
  public interface Binder<T> {
    void bind(PreparedStatement ps, int index, T row) throws SQLException;
  }

  /** A column the update sets, and how a row's value for it is bound. */
  public record Column<T>(String name, Binder<T> binder) {}

  /** The most rows one statement updates. */
  public static final int MAX_ROWS = StatementSizes.MAX;

  private final ToLongFunction<T> id;
  private final List<Column<T>> columns;
  private final int maxRows;

  /** The statement for n rows at index n, for each {@linkplain StatementSizes size} n. */
  private final String[] statements;

  /**
   * Chunks of up to {@link #MAX_ROWS} rows.
   *
   * @throws IllegalArgumentException if the widest statement is too long for Connector/J to cache
   */
  public MultiRowUpdate(String table, ToLongFunction<T> id, List<Column<T>> columns) {
    this(table, id, columns, MAX_ROWS);
  }

  /**
   * @param maxRows the most rows one statement updates, one of the {@linkplain StatementSizes
   *     sizes}: the more columns, the fewer fit the prepared statement cache
   * @throws IllegalArgumentException if the widest statement is too long for Connector/J to cache
   */
  public MultiRowUpdate(String table, ToLongFunction<T> id, List<Column<T>> columns, int maxRows) {
    if (!StatementSizes.isSize(maxRows)) {
      throw new IllegalArgumentException(
          table + " - rows per statement must be one of " + StatementSizes.upTo(MAX_ROWS));
    }
    this.maxRows = maxRows;
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(table + " - an update must set at least one column");
    }
    this.id = id;
    this.columns = List.copyOf(columns);
    this.statements = new String[maxRows + 1];
    for (int rows : StatementSizes.upTo(maxRows)) {
      statements[rows] = sql(table, rows);
    }
    int longest = statements[maxRows].length();
    if (longest >= EmbeddedMariaDb.PREPARED_STATEMENT_CACHE_SQL_LIMIT) {
      throw new IllegalArgumentException(
          table
              + " - an update of "
              + maxRows
              + " rows is "
              + longest
              + " characters of SQL, too long for the prepared statement cache");
    }
  }

  private String sql(String table, int rows) {
    String cases = " WHEN ? THEN ?".repeat(rows);
    StringJoiner set = new StringJoiner(", ", "UPDATE " + table + " SET ", "");
    for (Column<T> column : columns) {
      set.add(column.name() + " = CASE id" + cases + " END");
    }
    return set + " WHERE id IN (" + String.join(",", Collections.nCopies(rows, "?")) + ")";
  }

  /**
   * Writes {@code rows}; of several for the same id, the last wins, as it would if they were
   * written one after another.
   *
   * @return how many rows the statements found (Connector/J reports found rows, changed or not)
   */
  public int execute(Connection c, List<T> rows) throws SQLException {
    // A CASE takes the first WHEN that matches, so only the last row of an id may reach one.
    Map<Long, T> lastById = new LinkedHashMap<>();
    for (T row : rows) {
      lastById.put(id.applyAsLong(row), row);
    }
    List<T> distinct = new ArrayList<>(lastById.values());
    int from = 0;
    int found = 0;
    for (int size : StatementSizes.chunks(distinct.size(), maxRows)) {
      found += write(c, distinct.subList(from, from + size));
      from += size;
    }
    return found;
  }

  private int write(Connection c, List<T> chunk) throws SQLException {
    String sql = statements[chunk.size()];
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int index = 1;
      for (Column<T> column : columns) {
        for (T row : chunk) {
          ps.setLong(index++, id.applyAsLong(row));
          column.binder().bind(ps, index++, row);
        }
      }
      for (T row : chunk) {
        ps.setLong(index++, id.applyAsLong(row));
      }
      return ps.executeUpdate();
    }
  }
}
