package io.vasgate.loadtest.mo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the gateway asks of its MariaDB, seen from the server side: the global status counters
 * ({@code Com_insert}, {@code Handler_commit}, fsyncs, row locks, ...) read before and after a
 * measured period, and optionally every statement, sampled through the general log and reduced to
 * its shape. Divided by the commands of the period they say what one handset command costs the
 * database, which is what group commit and batching are meant to bring down.
 *
 * <p>Reads with the embedded server's root account over its own connection; the few statements it
 * sends itself are left out of the statement sample and are negligible in the counters.
 */
public final class DatabaseStatus implements AutoCloseable {

  /** Counters besides Com_* that say where database time goes. */
  static final List<String> KEY_COUNTERS =
      List.of(
          "Questions",
          "Handler_commit",
          "Handler_rollback",
          "Innodb_data_fsyncs",
          "Innodb_os_log_fsyncs",
          "Innodb_log_writes",
          "Innodb_rows_read",
          "Innodb_rows_inserted",
          "Innodb_rows_updated",
          "Innodb_rows_deleted",
          "Innodb_row_lock_waits",
          "Innodb_row_lock_time",
          "Innodb_deadlocks",
          "Bytes_received",
          "Bytes_sent");

  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'");
  private static final Pattern HEX = Pattern.compile("(?i)\\b(?:0x[0-9a-f]+|x'[0-9a-f]*')");
  private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_0-9])-?\\d+(?:\\.\\d+)?");
  private static final Pattern NULL = Pattern.compile("(?i)\\bNULL\\b");
  private static final Pattern TUPLE = Pattern.compile("\\((?:\\s*\\?\\s*,)*\\s*\\?\\s*\\)");
  private static final Pattern TUPLES = Pattern.compile("\\(\\?\\)(?:\\s*,\\s*\\(\\?\\))+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Connection connection;
  private final long ownThreadId;

  private DatabaseStatus(Connection connection, long ownThreadId) {
    this.connection = connection;
    this.ownThreadId = ownThreadId;
  }

  /**
   * @throws SQLException if the server cannot be reached with root and no password
   */
  public static DatabaseStatus connect(String jdbcUrl) throws SQLException {
    Connection c = DriverManager.getConnection(jdbcUrl, PipelineServerMain.DATABASE_USER, "");
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
      rs.next();
      return new DatabaseStatus(c, rs.getLong(1));
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  /** Every numeric global status counter, by name. */
  public Map<String, Long> counters() throws SQLException {
    Map<String, Long> counters = new TreeMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
      while (rs.next()) {
        try {
          counters.put(rs.getString(1), Long.parseLong(rs.getString(2).trim()));
        } catch (NumberFormatException | NullPointerException e) {
          // ON/OFF, versions and other non-counters.
        }
      }
    }
    return counters;
  }

  /**
   * The counters that moved between two readings and matter here: every Com_* and {@link
   * #KEY_COUNTERS}, in that order.
   */
  public static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> com = new TreeMap<>();
    Map<String, Long> key = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : after.entrySet()) {
      long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      if (e.getKey().startsWith("Com_") && d != 0) {
        com.put(e.getKey(), d);
      }
    }
    for (String name : KEY_COUNTERS) {
      if (after.containsKey(name)) {
        key.put(name, after.get(name) - before.getOrDefault(name, 0L));
      }
    }
    Map<String, Long> all = new LinkedHashMap<>(com);
    all.putAll(key);
    return all;
  }

  /** Starts writing every statement to mysql.general_log (emptied first). Costs throughput. */
  public void startStatementLog() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET GLOBAL general_log = 0");
      s.execute("SET GLOBAL log_output = 'TABLE'");
      s.execute("TRUNCATE TABLE mysql.general_log");
      s.execute("SET GLOBAL general_log = 1");
    }
  }

  /**
   * Stops the general log and counts what it caught by statement shape: literals become {@code ?}
   * and multi-row VALUES lists one tuple, so a batch insert of 300 rows is one statement.
   */
  public Map<String, Long> stopStatementLog() throws SQLException {
    Map<String, Long> shapes = new TreeMap<>();
    try (Statement s = connection.createStatement()) {
      s.execute("SET GLOBAL general_log = 0");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT thread_id, command_type, argument FROM mysql.general_log"
                  + " WHERE command_type IN ('Query', 'Execute')")) {
        while (rs.next()) {
          if (rs.getLong(1) == ownThreadId) {
            continue;
          }
          shapes.merge(shape(rs.getString(3)), 1L, Long::sum);
        }
      }
      s.execute("TRUNCATE TABLE mysql.general_log");
    }
    return shapes;
  }

  /**
   * A statement reduced to its shape: literals as ?, a list of values as one (?), a multi-row
   * VALUES list as (?)+, single spaces. A round trip carrying several statements separated by
   * semicolons (the driver's rewritten batch) becomes its distinct shapes joined by "; ", marked as
   * a batch: it is still one round trip.
   */
  static String shape(String sql) {
    String s = COMMENT.matcher(sql).replaceAll(" ");
    s = HEX.matcher(s).replaceAll("?");
    s = STRING.matcher(s).replaceAll("?");
    s = NUMBER.matcher(s).replaceAll("?");
    s = NULL.matcher(s).replaceAll("?");
    s = SPACES.matcher(s).replaceAll(" ").trim();
    s = TUPLE.matcher(s).replaceAll("(?)");
    s = TUPLES.matcher(s).replaceAll("(?)+");
    // Literals are gone, so every semicolon left separates statements.
    String[] statements = s.split("\\s*;\\s*");
    if (statements.length <= 1) {
      return s;
    }
    java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
    for (String statement : statements) {
      if (!statement.isBlank()) {
        distinct.add(statement.trim());
      }
    }
    return "[batch] " + String.join("; ", distinct);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
