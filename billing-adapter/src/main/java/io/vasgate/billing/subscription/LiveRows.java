package io.vasgate.billing.subscription;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * SubscriptionRepository} inside the batch passes through {@link #stored}. Lives and dies with its
 * batch, on the batch's thread.
 */
final class LiveRows {

  private static final Comparator<Subscription> BY_ID = Comparator.comparingLong(Subscription::id);

  private final Map<String, List<Subscription>> byNumber;

  /**
   * @param numbers every number the rows were read for, including those that hold none
   * @param rows their live rows
   */
  LiveRows(Set<String> numbers, List<Subscription> rows) {
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
