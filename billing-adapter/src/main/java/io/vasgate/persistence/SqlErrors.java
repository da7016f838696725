package io.vasgate.persistence;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

/** What MySQL/MariaDB errors mean for the caller. */
public final class SqlErrors {

  /** ER_LOCK_WAIT_TIMEOUT. */
  private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

  /** ER_LOCK_DEADLOCK. */
  private static final int ER_LOCK_DEADLOCK = 1213;

  /** ER_DUP_ENTRY. */
  private static final int ER_DUP_ENTRY = 1062;

  private SqlErrors() {}

  /** Whether {@code e} (or a cause) is a unique key refusing a row: what it names is taken. */
  public static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == ER_DUP_ENTRY) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code e} (or a cause) is a deadlock or lock-wait abort: the transaction did nothing
   * and may simply be run again.
   */
  public static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransactionRollbackException) {
        return true;
      }
      if (t instanceof SQLException sql
          && (sql.getErrorCode() == ER_LOCK_DEADLOCK
              || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT
              || "40001".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
