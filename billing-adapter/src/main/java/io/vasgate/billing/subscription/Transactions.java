package io.vasgate.billing.subscription;

import io.vasgate.persistence.GroupCommit;
import io.vasgate.persistence.SqlTransactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs units of repository work in one database transaction each, retrying those the database
 * aborted to break a deadlock or a lock wait: concurrent duplicate commands for one number contend
 * for the same rows, and InnoDB resolves that by aborting one of them.
 *
 * <p>A subscriber's command work ({@link #forNumber}) goes through a {@link GroupCommit} when one
 * is given, so that concurrent commands share one transaction and one commit; jobs and reads that
 * span numbers run in transactions of their own.
 *
 * <p>Blocking: call from a thread that may block.
 */
public final class Transactions {

  private final DataSource dataSource;
  private final Optional<GroupCommit> groupCommit;

  /** Every transaction on its own. */
  public Transactions(DataSource dataSource) {
    this(dataSource, Optional.empty());
  }

  /**
   * @param groupCommit batches the work of {@link #forNumber}; empty to run it on its own
   */
  public Transactions(DataSource dataSource, Optional<GroupCommit> groupCommit) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.groupCommit = Objects.requireNonNull(groupCommit, "groupCommit");
  }

  /**
   * Runs one subscriber's command work in a transaction, which it may share with other commands'
   * work (group commit); its result is returned only after that transaction committed. Work for one
   * number runs in the order it was submitted. The work may run twice (see {@link
   * io.vasgate.persistence.SqlWork}).
   *
   * @param msisdn the subscriber the work is about: all of it locks only this number's rows
   * @throws SubscriptionStoreException if the database fails, or keeps aborting the transaction
   */
  public <T> T forNumber(String what, String msisdn, Work<T> work) {
    if (groupCommit.isEmpty()) {
      return inTransaction(what, work);
    }
    try {
      return groupCommit.get().call(what, msisdn, work::run);
    } catch (SQLException e) {
      throw new SubscriptionStoreException(what + " failed", e);
    }
  }

  /** Repository work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in a transaction and commits it; rolls back if it throws.
   *
   * @param what names the work in errors and logs
   * @throws SubscriptionStoreException if the database fails, or keeps aborting the transaction
   */
  public <T> T inTransaction(String what, Work<T> work) {
    try {
      return SqlTransactions.run(dataSource, what, work::run);
    } catch (SQLException e) {
      throw new SubscriptionStoreException(what + " failed", e);
    }
  }

  /** Runs {@code work} without a transaction: each statement commits on its own. */
  public <T> T autoCommit(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new SubscriptionStoreException(what + " failed", e);
    }
  }
}
