package io.vasgate.billing.subscription;

import io.vasgate.persistence.BatchScope;
import io.vasgate.persistence.MultiRowUpdate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live rows of the numbers of one group-commit batch, read for the whole batch in one locked
 * statement ({@link SubscriptionRepository#openBatch}), so that each command finds its number's
 * rows without a round trip of its own.
 *
 * <p>It is the truth only because nothing else can change those rows meanwhile: the batch holds
 * every number's lock and the rows' locks until it ends, and every write of {@link
 * SubscriptionRepository} inside the batch passes through {@link #stored} or {@link #changed}.
 * Lives and dies with its batch, on the batch's thread.
 *
 * <p>New rows and changes of rows wait for the end of the batch ({@link #write}), where each row is
 * written once, with its last state, and all of them in a few multi-row statements: a confirmed
 * order moves twice in its command (awaiting its charge, then active) and is written once. Whoever
 * reads the table in the batch by SQL, or writes a row that refers to a new one, first {@linkplain
 * #write writes} what waits (rows that refer to new ones and wait for the batch's end themselves
 * are written after it).
 */
final class LiveRows implements BatchScope.Deferred {

  /** A row's state as changed at {@code at}, waiting to be written. */
  record Update(Subscription row, Instant at) {}

  /** Writes rows new in the batch. */
  @FunctionalInterface
  interface Inserter {
    void insert(Connection c, List<Update> rows) throws SQLException;
  }

  private static final Comparator<Subscription> BY_ID = Comparator.comparingLong(Subscription::id);

  private final Map<String, List<Subscription>> byNumber;
  private final MultiRowUpdate<Update> writer;
  private final Inserter inserter;
  private final Map<Long, Update> waiting = new LinkedHashMap<>();
  private final Map<Long, Update> toInsert = new LinkedHashMap<>();

  /**
   * @param numbers every number the rows were read for, including those that hold none
   * @param rows their live rows
   * @param writer writes changed rows
   * @param inserter writes new rows
   */
  LiveRows(
      Set<String> numbers,
      List<Subscription> rows,
      MultiRowUpdate<Update> writer,
      Inserter inserter) {
    this.writer = writer;
    this.inserter = inserter;
    this.byNumber = new HashMap<>(numbers.size() * 2);
    for (String number : numbers) {
      byNumber.put(number, new ArrayList<>(2));
    }
    for (Subscription row : rows) {
      List<Subscription> held = byNumber.get(row.msisdn());
      if (held == null) {
        throw new IllegalArgumentException("row " + row.id() + " is not of the numbers read");
      }
      if (row.state().isLive()) {
        held.add(row);
      }
    }
    byNumber.values().forEach(held -> held.sort(BY_ID));
  }

  /** Whether the rows of {@code msisdn} were read, so that {@link #of} is all of them. */
  boolean covers(String msisdn) {
    return byNumber.containsKey(msisdn);
  }

  private void requireCovered(String msisdn) {
    if (!covers(msisdn)) {
      throw new IllegalArgumentException("the rows of " + msisdn + " were not read");
    }
  }

  /** The live rows of a {@linkplain #covers covered} number, oldest first. */
  List<Subscription> of(String msisdn) {
    List<Subscription> held = byNumber.get(msisdn);
    if (held == null) {
      throw new IllegalArgumentException("the rows of " + msisdn + " were not read");
    }
    return List.copyOf(held);
  }

  /** The live row {@code id}, if it is one of a covered number's. */
  Optional<Subscription> byId(long id) {
    for (List<Subscription> held : byNumber.values()) {
      for (Subscription row : held) {
        if (row.id() == id) {
          return Optional.of(row);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Takes {@code row}, a row of a covered number, as changed at {@code at}: what the batch sees at
   * once, what the database gets at the end of the batch.
   */
  void changed(Subscription row, Instant at) {
    requireCovered(row.msisdn());
    stored(row);
    if (toInsert.containsKey(row.id())) {
      // Not written yet: it goes out once, as it is last.
      toInsert.put(row.id(), new Update(row, at));
      return;
    }
    waiting.put(row.id(), new Update(row, at));
  }

  /**
   * Takes {@code row}, new for a covered number at {@code at}, as stored: what the batch sees at
   * once, what the database gets at the end of the batch.
   */
  void inserted(Subscription row, Instant at) {
    requireCovered(row.msisdn());
    stored(row);
    toInsert.put(row.id(), new Update(row, at));
  }

  /**
   * Whether a change of a row of {@code msisdn} waits: the database may still hold it live, and
   * refuse a new order of its product.
   */
  boolean waitsFor(String msisdn) {
    for (Update update : waiting.values()) {
      if (update.row().msisdn().equals(msisdn)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes the changes and new rows that wait, so that the database holds what the batch sees:
   * changes first, since a row that ended frees its product's slot for a new one.
   */
  @Override
  public void write(Connection c) throws SQLException {
    if (!waiting.isEmpty()) {
      List<Update> rows = List.copyOf(waiting.values());
      waiting.clear();
      int found = writer.execute(c, rows);
      if (found != rows.size()) {
        throw new IllegalStateException(
            "subscription - "
                + (rows.size() - found)
                + " of "
                + rows.size()
                + " changed rows vanished");
      }
    }
    if (!toInsert.isEmpty()) {
      List<Update> rows = List.copyOf(toInsert.values());
      toInsert.clear();
      inserter.insert(c, rows);
    }
  }

  /** Whether row {@code id} is new in the batch and not written yet. */
  boolean waitsToInsert(long id) {
    return toInsert.containsKey(id);
  }

  /** Takes {@code row} as now stored: added or replaced while live, dropped once terminal. */
  void stored(Subscription row) {
    List<Subscription> held = byNumber.get(row.msisdn());
    if (held == null) {
      return;
    }
    held.removeIf(r -> r.id() == row.id());
    if (row.state().isLive()) {
      held.add(row);
      held.sort(BY_ID);
    }
  }
}
