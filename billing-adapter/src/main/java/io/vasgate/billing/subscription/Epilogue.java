package io.vasgate.billing.subscription;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The caller's own work in the transaction that decides a command's outcome: it runs there, with
 * the outcome, just before that transaction commits, so the caller's records of the command (the
 * MO's result, the reply about to be sent) commit with the command or not at all.
 *
 * <p>It does not run when no transaction decides the outcome: an answer known without the database
 * (a suspended product, a free use), or one that waits for an external billing system's answer. It
 * may run more than once for one command, as the transaction may (see {@link
 * io.vasgate.persistence.SqlWork}); the last run is the one that committed.
 */
@FunctionalInterface
public interface Epilogue<T> {

  void run(Connection c, T outcome) throws SQLException;

  /** Adds nothing. */
  static <T> Epilogue<T> none() {
    return (c, outcome) -> {};
  }
}
