package io.vasgate.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One unit of work in a transaction of its own, rerun when the database aborted it. */
public final class SqlTransactions {

  /** Attempts of a transaction the database aborted (deadlock, lock wait) before giving up. */
  public static final int MAX_ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(SqlTransactions.class);

  private SqlTransactions() {}

  /**
   * Runs {@code work} on a pooled connection in one transaction and commits it; rolls back if it
   * throws; reruns it up to {@link #MAX_ATTEMPTS} times if the database aborted it ({@link
   * SqlErrors#isTransient}).
   *
   * @param what names the work in logs
   * @throws SQLException the last failure, if it was not transient or attempts ran out
   */
  public static <T> T run(DataSource dataSource, String what, SqlWork<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException | Error e) {
          rollbackQuietly(c, what);
          throw e;
        }
      } catch (SQLException e) {
        if (SqlErrors.isTransient(e) && attempt < MAX_ATTEMPTS) {
          log.debug("{} - transaction aborted ({}), attempt {}", what, e, attempt + 1);
          continue;
        }
        throw e;
      }
    }
  }

  private static void rollbackQuietly(Connection c, String what) {
    try {
      c.rollback();
    } catch (SQLException e) {
      log.warn("{} - rollback failed", what, e);
    }
  }
}
