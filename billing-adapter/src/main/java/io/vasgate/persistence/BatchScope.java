package io.vasgate.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link GroupCommit} batch offers the work running in it, beyond the connection: keys the
 * batch locked up front (so each work need not lock its own, one round trip each), rows read for
 * the whole batch up front ({@linkplain #attachment attachments}), and writes that may wait for the
 * end of the batch and go out together (one multi-row statement for the whole batch instead of one
 * per work).
 *
 * <p>Repository code reaches it through the standard JDBC wrapper mechanism, {@link #of}; outside a
 * batch there is none and the code does its own locking and writing, unchanged.
 */
public final class BatchScope {

  /**
   * An attachment holding writes of its own for the end of the batch: written, in the order the
   * attachments were made, before the deferred statements.
   */
  public interface Deferred {
    void write(Connection c) throws SQLException;
  }

  private final Set<String> lockedKeys;
  private final boolean deferring;
  private boolean writeFailed;
  private final Map<MultiRowInsert, List<MultiRowInsert.Row>> deferred = new LinkedHashMap<>();
  private final Map<Class<?>, Object> attachments = new LinkedHashMap<>();

  /**
   * @param deferring whether rows may wait for the end of the batch; a work rerun on its own after
   *     its batch failed writes them at once, so that a failing row fails where its writer can
   *     handle it (a duplicate key it expects, say) rather than at the commit
   */
  BatchScope(Set<String> lockedKeys, boolean deferring) {
    this.lockedKeys = Set.copyOf(lockedKeys);
    this.deferring = deferring;
  }

  /**
   * Whether rows written through {@link MultiRowInsert#writeOn} wait for the end of the batch; in a
   * work rerun on its own they go out at once.
   */
  public boolean deferring() {
    return deferring;
  }

  /** The scope of the batch {@code c} belongs to, if it belongs to one. */
  public static Optional<BatchScope> of(Connection c) throws SQLException {
    return c.isWrapperFor(BatchScope.class)
        ? Optional.of(c.unwrap(BatchScope.class))
        : Optional.empty();
  }

  /**
   * Writes what waits in the batch {@code c} belongs to, if it belongs to one: for work about to
   * read by SQL, or to write at once a row referring to, what may still wait.
   */
  public static void writeDeferredOf(Connection c) throws SQLException {
    Optional<BatchScope> batch = of(c);
    if (batch.isPresent()) {
      batch.get().writeDeferred(c);
    }
  }

  /** Every key the batch locked before its work ran. */
  public Set<String> lockedKeys() {
    return lockedKeys;
  }

  /** Whether the batch locked {@code key} (its lane key) before any of its work ran. */
  public boolean locked(String key) {
    return lockedKeys.contains(key);
  }

  /**
   * Keeps {@code value} for the rest of the batch, for work that finds it by {@code type}: what a
   * {@link GroupCommit.Prologue} read for the whole batch (one statement instead of one per work).
   * Whoever attaches it keeps it true to the transaction.
   */
  public <T> void attach(Class<T> type, T value) {
    attachments.put(type, type.cast(value));
  }

  /** What was attached as {@code type}, if anything still is. */
  public <T> Optional<T> attachment(Class<T> type) {
    return Optional.ofNullable(type.cast(attachments.get(type)));
  }

  /**
   * Adds a row to {@code insert}, written with the rows other work deferred to it, in the order
   * they were deferred, before the batch commits. Only for writes nothing in the batch reads back,
   * or whose readers {@linkplain #writeDeferred write what waits} first.
   */
  public void defer(MultiRowInsert insert, MultiRowInsert.Row row) {
    deferred.computeIfAbsent(insert, k -> new ArrayList<>()).add(row);
  }

  /**
   * Writes what was deferred so far, attachments' writes first, then a few multi-row INSERTs per
   * table: before the batch commits, and whenever work is about to read by SQL what may wait here.
   */
  public void writeDeferred(Connection c) throws SQLException {
    try {
      for (Object attachment : attachments.values()) {
        if (attachment instanceof Deferred deferredWrites) {
          deferredWrites.write(c);
        }
      }
      for (Map.Entry<MultiRowInsert, List<MultiRowInsert.Row>> e : deferred.entrySet()) {
        e.getKey().execute(c, e.getValue());
      }
      deferred.clear();
    } catch (SQLException | RuntimeException e) {
      writeFailed = true;
      throw e;
    }
  }

  /**
   * Whether writing what waited failed, at the end of the batch or when a work wrote it early: the
   * row that failed may be any work's, so each work is then run again on its own, writing at once.
   */
  boolean writeFailed() {
    return writeFailed;
  }

  /**
   * {@code c} as work sees it: the same connection, which also unwraps to this scope. Work must not
   * close it (the batch owns it); a close is ignored.
   */
  Connection expose(Connection c) {
    return Proxies.create(Connection.class, new Handler(c, this));
  }

  private record Handler(Connection target, BatchScope scope) implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "isWrapperFor":
          if (args[0] == BatchScope.class) {
            return true;
          }
          break;
        case "unwrap":
          if (args[0] == BatchScope.class) {
            return scope;
          }
          break;
        case "close":
          return null;
        case "commit", "rollback", "setAutoCommit", "setSavepoint", "releaseSavepoint":
          // Other commands' work shares this transaction: ending it here would commit or undo
          // theirs too. A work that fails throws, and the batch reruns it on its own.
          throw new SQLException(
              method.getName() + " inside a shared transaction: work must leave it to the batch");
        default:
          break;
      }
      return Proxies.forward(proxy, target, method, args);
    }
  }
}
