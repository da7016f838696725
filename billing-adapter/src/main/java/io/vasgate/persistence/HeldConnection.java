package io.vasgate.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
 *
 * <p>While it is held, the statements prepared on it ({@code prepareStatement(String)}) stay open:
 * closing one hands it back for the next use of the same SQL, whose caller must set every parameter
 * again ({@link LeasedStatement}). Taking each from Connector/J's cache and returning it (the
 * pool's wrapping and tracking, a cache lookup, every parameter reset on the way out and again on
 * the way in) was an eighth of the gateway's CPU at the benchmark's maximum, for writers that run
 * the same few dozen statements batch after batch. A statement still in use when its SQL is
 * prepared again (a query inside the loop over its own results) gets a fresh one; each caller gets
 * a handle of its own, dead once closed.
 */
public final class HeldConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HeldConnection.class);

  private final DataSource dataSource;
  private final long maxHoldNanos;
  private final LongSupplier nanoTime;
  private Connection held;

  /** What was handed out for {@link #held}, with the statements kept on it. */
  private KeepingConnection keeping;

  private long heldSince;

  /** The most statements kept: SQL built with values in it would otherwise grow it unbounded. */
  static final int MAX_KEPT = 512;

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
      keeping = new KeepingConnection(c);
      heldSince = nanoTime.getAsLong();
    }
    return keeping.proxy;
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
    KeepingConnection k = keeping;
    held = null;
    keeping = null;
    try {
      k.closeAll();
    } finally {
      closeQuietly(c);
    }
  }

  /** How many statements are kept open now. */
  int keptStatements() {
    return keeping == null ? 0 : keeping.kept.size();
  }

  @Override
  public void close() {
    release();
  }

  /**
   * The connection handed out: {@code prepareStatement(String)} takes a kept statement, everything
   * else goes to the pooled connection. A proxy kept past {@link #release} keeps nothing more (its
   * connection is closed).
   */
  private static final class KeepingConnection implements InvocationHandler {
    final Connection target;
    final Connection proxy;
    final Map<String, Kept> kept = new HashMap<>();

    KeepingConnection(Connection target) {
      this.target = target;
      this.proxy = Proxies.create(Connection.class, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (args != null
          && args.length == 1
          && args[0] instanceof String sql
          && method.getName().equals("prepareStatement")) {
        return prepare(sql);
      }
      return Proxies.forward(proxy, target, method, args);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
      Kept k = kept.get(sql);
      if (k != null && k.statement.isClosed()) {
        // Closed behind the handle's back (through its ResultSet, say): keep a new one.
        kept.remove(sql);
        k = null;
      }
      if (k == null) {
        if (kept.size() >= MAX_KEPT) {
          return target.prepareStatement(sql);
        }
        PreparedStatement prepared = target.prepareStatement(sql);
        try {
          k = new Kept(prepared, proxy);
        } catch (SQLException | RuntimeException e) {
          try {
            prepared.close();
          } catch (SQLException closing) {
            e.addSuppressed(closing);
          }
          throw e;
        }
        kept.put(sql, k);
      } else if (k.lease != null) {
        return target.prepareStatement(sql);
      }
      return k.lend();
    }

    void closeAll() {
      for (Kept k : kept.values()) {
        try {
          k.statement.close();
        } catch (SQLException | RuntimeException e) {
          log.debug("held connection - closing a kept statement failed: {}", e.toString());
        }
      }
      kept.clear();
    }
  }

  /** A statement kept open, and the caller's lease on it, if a caller has it now. */
  private static final class Kept implements LeasedStatement.Owner {
    final PreparedStatement statement;
    final Connection connection;
    final int parameterCount;
    LeasedStatement lease;
    boolean batched;

    Kept(PreparedStatement statement, Connection connection) throws SQLException {
      this.statement = statement;
      this.connection = connection;
      this.parameterCount = statement.getParameterMetaData().getParameterCount();
    }

    /** A handle of its own for each caller: a stale one cannot reach the next caller's lease. */
    PreparedStatement lend() {
      lease = new LeasedStatement(statement, connection, parameterCount, this);
      return lease;
    }

    @Override
    public void rowsAdded() {
      batched = true;
    }

    @Override
    public void giveBack() throws SQLException {
      try {
        if (batched) {
          // Rows added but never executed (the caller failed between) must not go out with the
          // next caller's batch.
          batched = false;
          statement.clearBatch();
        }
        // The last caller's parameter values stay (see LeasedStatement): clearing them cost
        // some 8% of the gateway's CPU at the benchmark's maximum.
      } finally {
        lease = null;
      }
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("held connection - close failed: {}", e.toString());
    }
  }
}
