package io.vasgate.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pooled connection a single writer thread keeps between its transactions, in manual-commit
 * mode: borrowing one per transaction costs two extra statements each time ({@code SET
 * autocommit=0}, and the pool's {@code SET autocommit=1} on return), which for a writer committing
 * small batches was a third of everything it sent.
 *
 * <p>It goes back to the pool after a failure, when the writer has been idle a while, and after
 * {@code maxHold} however busy, so that the pool still retires and replaces it as it would any
 * other. Not thread-safe: one writer thread owns it.
 */
public final class HeldConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HeldConnection.class);

  private final DataSource dataSource;
  private final long maxHoldNanos;
  private final LongSupplier nanoTime;
  private Connection held;
  private long heldSince;

  /**
   * @param maxHold the longest a connection is kept before it goes back to the pool
   */
  public HeldConnection(DataSource dataSource, Duration maxHold, LongSupplier nanoTime) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.maxHoldNanos = maxHold.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  public HeldConnection(DataSource dataSource) {
    this(dataSource, Duration.ofMinutes(1), System::nanoTime);
  }

  /** The held connection, in manual-commit mode, borrowing a fresh one when needed. */
  public Connection get() throws SQLException {
    if (held != null && nanoTime.getAsLong() - heldSince > maxHoldNanos) {
      release();
    }
    if (held == null) {
      Connection c = dataSource.getConnection();
      try {
        c.setAutoCommit(false);
      } catch (SQLException e) {
        closeQuietly(c);
        throw e;
      }
      held = c;
      heldSince = nanoTime.getAsLong();
    }
    return held;
  }

  /** Whether a connection is held now. */
  public boolean holding() {
    return held != null;
  }

  /**
   * Gives the connection back after a failure: its state is unknown, so it is rolled back first,
   * and the next {@link #get} borrows another.
   */
  public void discard() {
    if (held == null) {
      return;
    }
    try {
      held.rollback();
    } catch (SQLException e) {
      log.debug("held connection - rollback before discarding failed: {}", e.toString());
    }
    release();
  }

  /** Gives the connection back to the pool (between transactions only). */
  public void release() {
    if (held == null) {
      return;
    }
    Connection c = held;
    held = null;
    closeQuietly(c);
  }

  @Override
  public void close() {
    release();
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("held connection - close failed: {}", e.toString());
    }
  }
}
