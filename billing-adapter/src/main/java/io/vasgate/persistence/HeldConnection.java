package io.vasgate.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
 * closing one only hands it back for the next use of the same SQL. Taking a statement from
 * Connector/J's cache and returning it (with the pool's wrapping and tracking, and the reset of
 * every parameter, twice) was an eighth of the gateway's CPU at the benchmark's maximum, for a
 * writer that runs the same few dozen statements batch after batch. A statement still in use when
 * its SQL is prepared again (a query inside the loop over its own results) gets a fresh one.
 */
public final class HeldConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HeldConnection.class);

  private final DataSource dataSource;
  private final long maxHoldNanos;
  private final LongSupplier nanoTime;
  private Connection held;
  private Connection exposed;
  private long heldSince;

  /** The most statements kept: SQL built with values in it would otherwise grow it unbounded. */
  static final int MAX_KEPT = 512;

  private final Map<String, Kept> kept = new HashMap<>();

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
      exposed =
          (Connection)
              Proxy.newProxyInstance(
                  HeldConnection.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  new KeepingConnection(c));
      heldSince = nanoTime.getAsLong();
    }
    return exposed;
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
    exposed = null;
    for (Kept k : kept.values()) {
      try {
        k.statement.close();
      } catch (SQLException e) {
        log.debug("held connection - closing a kept statement failed: {}", e.toString());
      }
    }
    kept.clear();
    closeQuietly(c);
  }

  /** How many statements are kept open now. */
  int keptStatements() {
    return kept.size();
  }

  /** A statement kept open, and whether a caller has it now. */
  private static final class Kept {
    final PreparedStatement statement;
    final PreparedStatement handle;
    boolean inUse;
    boolean batched;

    Kept(PreparedStatement statement) {
      this.statement = statement;
      this.handle =
          (PreparedStatement)
              Proxy.newProxyInstance(
                  HeldConnection.class.getClassLoader(),
                  new Class<?>[] {PreparedStatement.class},
                  new KeptStatement(this));
    }
  }

  private final class KeepingConnection implements InvocationHandler {
    private final Connection target;

    KeepingConnection(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (args != null
          && args.length == 1
          && args[0] instanceof String sql
          && method.getName().equals("prepareStatement")) {
        return prepare(sql);
      }
      switch (method.getName()) {
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          return invokeOn(target, method, args);
      }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
      Kept k = kept.get(sql);
      if (k == null) {
        if (kept.size() >= MAX_KEPT) {
          return target.prepareStatement(sql);
        }
        k = new Kept(target.prepareStatement(sql));
        kept.put(sql, k);
      } else if (k.inUse) {
        return target.prepareStatement(sql);
      }
      k.inUse = true;
      return k.handle;
    }
  }

  private static final class KeptStatement implements InvocationHandler {
    private final Kept kept;

    KeptStatement(Kept kept) {
      this.kept = kept;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close":
          if (kept.batched) {
            // Rows added but never executed (the caller failed between) must not go out with
            // the next caller's batch.
            kept.statement.clearBatch();
            kept.batched = false;
          }
          kept.inUse = false;
          return null;
        case "addBatch":
          kept.batched = true;
          return invokeOn(kept.statement, method, args);
        case "isClosed":
          return !kept.inUse;
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          return invokeOn(kept.statement, method, args);
      }
    }
  }

  private static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
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
