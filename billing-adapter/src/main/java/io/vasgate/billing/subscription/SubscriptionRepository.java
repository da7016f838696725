package io.vasgate.billing.subscription;

import static io.vasgate.billing.subscription.SqlValues.bounded;

import io.vasgate.persistence.BatchScope;
import io.vasgate.persistence.MultiRowInsert;
import io.vasgate.persistence.MultiRowUpdate;
import io.vasgate.persistence.PaddedList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Orders/subscriptions and their transitions, in tables {@code subscription} and {@code
 * subscription_transition} (migration V300). Every state change goes through {@link #change} or
 * {@link #changeAll}, which write the transition in the same transaction, so no change goes
 * unrecorded.
 *
 * <p>Methods take the caller's connection: the caller ({@link Transactions}) owns the transaction,
 * and {@code ForUpdate} methods lock the rows they return until it ends. Lock order, everywhere:
 * the number ({@link #lockNumber}, commands only), then subscription rows, then their {@code
 * order_charge} rows.
 */
public final class SubscriptionRepository {

  private static final String COLUMNS =
      "id, msisdn, product_code, service_port, state, price_fen, created_at, confirm_deadline,"
          + " activated_at, trial_end, next_charge_date, cancelled_at, order_mo_id";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM subscription ";

  /**
   * New rows, with ids of our own (not the table's AUTO_INCREMENT), so that inside a group commit
   * batch they can wait for its end and go out together ({@link LiveRows}).
   */
  private static final MultiRowInsert INSERT =
      new MultiRowInsert(
          "INSERT INTO subscription (id, msisdn, product_code, service_port, state, price_fen,"
              + " created_at, confirm_deadline, activated_at, trial_end, next_charge_date,"
              + " cancelled_at, order_mo_id, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

  private static final String UPDATE =
      "UPDATE subscription SET state = ?, confirm_deadline = ?, activated_at = ?, trial_end = ?,"
          + " next_charge_date = ?, cancelled_at = ?, updated_at = ? WHERE id = ? AND state = ?";

  private static final MultiRowInsert INSERT_TRANSITION =
      new MultiRowInsert(
          "INSERT INTO subscription_transition (subscription_id, msisdn, product_code, from_state,"
              + " to_state, at, cause_mo_id, cause_job, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");

  private static final String LOCK_NUMBER =
      "INSERT INTO subscription_number_lock (msisdn) VALUES (?)"
          + " ON DUPLICATE KEY UPDATE msisdn = VALUES(msisdn)";

  private static final String LIVE_FOR_UPDATE =
      SELECT + "WHERE msisdn = ? AND live_product = ? FOR UPDATE";

  private static final String LIVE = SELECT + "WHERE msisdn = ? AND live_product = ?";

  private static final String PENDING_ON_PORT_FOR_UPDATE =
      SELECT
          + "WHERE msisdn = ? AND live_product IS NOT NULL AND service_port = ?"
          + " AND state IN ('PENDING_CONFIRMATION', 'PENDING_CHARGE') ORDER BY id DESC FOR UPDATE";

  private static final String LATEST_EXPIRED_ON_PORT =
      SELECT
          + "WHERE msisdn = ? AND service_port = ? AND state = 'EXPIRED' AND confirm_deadline > ?"
          + " ORDER BY id DESC LIMIT 1";

  private static final String LIVE_ON_PORT_FOR_UPDATE =
      SELECT
          + "WHERE msisdn = ? AND service_port = ? AND live_product IS NOT NULL"
          + " ORDER BY id FOR UPDATE";

  private static final String SUBSCRIBED =
      SELECT
          + "WHERE msisdn = ? AND live_product IS NOT NULL"
          + " AND state IN ('TRIAL', 'ACTIVE', 'SUSPENDED') ORDER BY id";

  private static final String BY_ID_FOR_UPDATE = SELECT + "WHERE id = ? FOR UPDATE";

  private static final String ALL_OF = SELECT + "WHERE msisdn = ? ORDER BY id";

  private static final String EXPIRED_PENDING_FOR_UPDATE =
      SELECT
          + "WHERE pending_deadline <= ?"
          + " ORDER BY pending_deadline, id LIMIT ? FOR UPDATE SKIP LOCKED";

  private static final String DUE_FOR_UPDATE =
      SELECT + "WHERE due_date <= ? AND id > ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

  private static final String TO_REMIND_FOR_UPDATE =
      SELECT
          + "WHERE due_date > ? AND due_date <= ?"
          + " AND (reminded_for IS NULL OR reminded_for <> next_charge_date) AND id > ?"
          + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

  private static final String MARK_REMINDED =
      "UPDATE subscription SET reminded_for = next_charge_date WHERE id = ?";

  private static final String ADVANCE =
      "UPDATE subscription SET next_charge_date = ?, updated_at = ?"
          + " WHERE id = ? AND state = 'ACTIVE' AND next_charge_date = ?";

  private static final String OF_PRODUCT_FOR_UPDATE =
      SELECT
          + "WHERE live_product = ? AND state = ? AND id > ? ORDER BY id LIMIT ?"
          + " FOR UPDATE SKIP LOCKED";

  private static final String COUNT_OF_PRODUCT =
      "SELECT COUNT(*) FROM subscription WHERE live_product = ? AND state = ?";

  private static final String TRANSITIONS_OF =
      "SELECT id, subscription_id, msisdn, product_code, from_state, to_state, at, cause_mo_id,"
          + " cause_job, detail FROM subscription_transition WHERE msisdn = ? ORDER BY at, id";

  /** Writes a batch's changed rows ({@link LiveRows}). */
  private static final MultiRowUpdate<LiveRows.Update> CHANGED_ROWS =
      new MultiRowUpdate<>(
          "subscription",
          u -> u.row().id(),
          List.of(
              new MultiRowUpdate.Column<>(
                  "state", (ps, i, u) -> ps.setString(i, u.row().state().name())),
              new MultiRowUpdate.Column<>(
                  "confirm_deadline",
                  (ps, i, u) -> SqlValues.setInstant(ps, i, u.row().confirmDeadline())),
              new MultiRowUpdate.Column<>(
                  "activated_at", (ps, i, u) -> SqlValues.setInstant(ps, i, u.row().activatedAt())),
              new MultiRowUpdate.Column<>(
                  "trial_end", (ps, i, u) -> SqlValues.setDate(ps, i, u.row().trialEnd())),
              new MultiRowUpdate.Column<>(
                  "next_charge_date",
                  (ps, i, u) -> SqlValues.setDate(ps, i, u.row().nextChargeDate())),
              new MultiRowUpdate.Column<>(
                  "cancelled_at", (ps, i, u) -> SqlValues.setInstant(ps, i, u.row().cancelledAt())),
              new MultiRowUpdate.Column<>(
                  "updated_at", (ps, i, u) -> SqlValues.setInstant(ps, i, u.at()))));

  /** A row to insert as {@code u} has it, last changed at {@code u.at()}. */
  private static MultiRowInsert.Row newRow(LiveRows.Update u) {
    Subscription row = u.row();
    return (ps, first) -> {
      ps.setLong(first, row.id());
      ps.setString(first + 1, row.msisdn());
      ps.setString(first + 2, row.productCode());
      ps.setString(first + 3, row.servicePort());
      ps.setString(first + 4, row.state().name());
      ps.setLong(first + 5, row.priceFen());
      SqlValues.setInstant(ps, first + 6, row.createdAt());
      SqlValues.setInstant(ps, first + 7, row.confirmDeadline());
      SqlValues.setInstant(ps, first + 8, row.activatedAt());
      SqlValues.setDate(ps, first + 9, row.trialEnd());
      SqlValues.setDate(ps, first + 10, row.nextChargeDate());
      SqlValues.setInstant(ps, first + 11, row.cancelledAt());
      SqlValues.setLong(ps, first + 12, row.orderMoId());
      SqlValues.setInstant(ps, first + 13, u.at());
    };
  }

  /** Writes rows new in a batch. */
  private static void insertNew(Connection c, List<LiveRows.Update> rows) throws SQLException {
    INSERT.execute(c, rows.stream().map(SubscriptionRepository::newRow).toList());
  }

  /** MySQL/MariaDB ER_DUP_ENTRY. */
  private static final int ER_DUP_ENTRY = 1062;

  /** A change of one row: {@code before} as locked, {@code after} as it is to be stored. */
  public record Change(Subscription before, Subscription after, String detail) {
    public Change {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(detail, "detail");
      if (before.id() != after.id()) {
        throw new IllegalArgumentException("a change cannot change the id");
      }
      if (before.state() != after.state() && !before.state().canMoveTo(after.state())) {
        throw new IllegalStateException(
            "subscription "
                + before.id()
                + " cannot move from "
                + before.state()
                + " to "
                + after.state());
      }
    }
  }

  /**
   * Locks {@code msisdn} for the rest of the transaction: the first statement of every command's
   * transaction, so that one number's commands queue instead of deadlocking (a duplicate-key check
   * takes a shared lock that two duplicates would then both try to upgrade). Jobs, which lock
   * subscription rows with SKIP LOCKED, never take it, so lock order stays number, subscription,
   * charge.
   */
  public void lockNumber(Connection c, String msisdn) throws SQLException {
    Optional<BatchScope> batch = BatchScope.of(c);
    if (batch.isPresent() && batch.get().locked(msisdn)) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(LOCK_NUMBER)) {
      ps.setString(1, msisdn);
      ps.executeUpdate();
    }
  }

  /** Trailing digits a number block spans: {@link #laneSpread} keeps a block in one lane. */
  static final int BLOCK_DIGITS = 3;

  /**
   * The group commit lane spread of a number: numbers that differ only in their last {@value
   * #BLOCK_DIGITS} digits share a lane. InnoDB's duplicate check on the one-live-row unique key
   * takes next-key locks even under READ COMMITTED, so a batch ordering for one number waits for
   * the batch that holds the row next to it in that index; with neighbouring numbers in different
   * lanes, measured at the benchmark's maximum, one lane batch in twenty waited ~10 ms for the
   * other lane's commit. Blocks of a thousand numbers still spread over the lanes like the numbers.
   */
  public static int laneSpread(String msisdn) {
    if (msisdn.length() <= BLOCK_DIGITS) {
      return msisdn.hashCode();
    }
    return msisdn.substring(0, msisdn.length() - BLOCK_DIGITS).hashCode();
  }

  /**
   * Opens a group commit's batch of commands (its {@link
   * io.vasgate.persistence.GroupCommit.Prologue Prologue}): locks every number of {@code msisdns},
   * in the order given (sorted by the caller, so that two transactions locking overlapping sets
   * cannot deadlock), then reads and locks their live rows, two statements for the whole batch; the
   * commands then find their rows in the batch ({@link LiveRows}) instead of one query each.
   */
  public static void openBatch(Connection c, List<String> msisdns, BatchScope scope)
      throws SQLException {
    if (msisdns.isEmpty()) {
      return;
    }
    int shape = PaddedList.shape(msisdns.size());
    StringBuilder lock = new StringBuilder("INSERT INTO subscription_number_lock (msisdn) VALUES ");
    for (int i = 0; i < shape; i++) {
      lock.append(i == 0 ? "(?)" : ",(?)");
    }
    lock.append(" ON DUPLICATE KEY UPDATE msisdn = VALUES(msisdn)");
    try (PreparedStatement ps = c.prepareStatement(lock.toString())) {
      PaddedList.bind(ps, msisdns, shape);
      ps.executeUpdate();
    }
    String read =
        SELECT
            + "WHERE msisdn IN ("
            + PaddedList.placeholders(shape)
            + ") AND live_product IS NOT NULL FOR UPDATE";
    List<Subscription> rows;
    try (PreparedStatement ps = c.prepareStatement(read)) {
      PaddedList.bind(ps, msisdns, shape);
      try (ResultSet rs = ps.executeQuery()) {
        rows = new ArrayList<>(msisdns.size());
        while (rs.next()) {
          rows.add(map(rs));
        }
      }
    }
    scope.attach(
        LiveRows.class,
        new LiveRows(Set.copyOf(msisdns), rows, CHANGED_ROWS, SubscriptionRepository::insertNew));
  }

  /** The batch's rows of {@code msisdn}, if a batch read them. */
  private static Optional<LiveRows> liveRows(Connection c, String msisdn) throws SQLException {
    Optional<LiveRows> rows = liveRows(c);
    return rows.isPresent() && rows.get().covers(msisdn) ? rows : Optional.empty();
  }

  /** The rows the batch of {@code c} read, if it is in one that did. */
  private static Optional<LiveRows> liveRows(Connection c) throws SQLException {
    Optional<BatchScope> batch = BatchScope.of(c);
    return batch.isPresent() ? batch.get().attachment(LiveRows.class) : Optional.empty();
  }

  /** Before SQL reads or writes the table in a batch: the database then holds what it sees. */
  private static void writeWaiting(Connection c) throws SQLException {
    Optional<LiveRows> batch = liveRows(c);
    if (batch.isPresent()) {
      batch.get().write(c);
    }
  }

  /**
   * Stores a new order and its creating transition.
   *
   * @param id the new row's id, unique among every process writing the table
   * @return the stored order, or empty if the number already holds a live row for the product
   */
  public Optional<Subscription> insert(
      Connection c, NewOrder order, long id, TransitionCause cause, String detail)
      throws SQLException {
    Optional<LiveRows> batch = liveRows(c, order.msisdn());
    if (batch.isPresent()
        && batch.get().of(order.msisdn()).stream()
            .anyMatch(s -> s.productCode().equals(order.productCode()))) {
      // What the unique key would refuse, known without asking.
      return Optional.empty();
    }
    Subscription stored = order.withId(id);
    if (batch.isPresent() && BatchScope.of(c).orElseThrow().deferring()) {
      // The batch holds the number: nobody else can take the slot the unique key guards.
      batch.get().inserted(stored, order.createdAt());
    } else {
      if (batch.isPresent() && batch.get().waitsFor(order.msisdn())) {
        // The unique key must see the number's rows as the batch does: a cancelled row freed the
        // slot.
        batch.get().write(c);
      }
      try {
        insertNew(c, List.of(new LiveRows.Update(stored, order.createdAt())));
      } catch (SQLException e) {
        // Only the one-live-row key means "already ordered"; a taken id is a fault (two
        // gateways sharing a node id).
        if (e.getErrorCode() == ER_DUP_ENTRY
            && String.valueOf(e.getMessage()).contains("subscription_one_live")) {
          return Optional.empty();
        }
        throw e;
      }
      if (batch.isPresent()) {
        batch.get().stored(stored);
      }
    }
    writeTransitions(
        c,
        List.of(
            (ps, first) ->
                bindTransition(
                    ps,
                    first,
                    stored,
                    Optional.empty(),
                    stored.state(),
                    order.createdAt(),
                    cause,
                    detail)));
    return Optional.of(stored);
  }

  /** The number's live row for the product, locked. */
  public Optional<Subscription> findLiveForUpdate(Connection c, String msisdn, String productCode)
      throws SQLException {
    Optional<LiveRows> batch = liveRows(c, msisdn);
    if (batch.isPresent()) {
      return batch.get().of(msisdn).stream()
          .filter(s -> s.productCode().equals(productCode))
          .findFirst();
    }
    return one(c, LIVE_FOR_UPDATE, msisdn, productCode);
  }

  /** The number's live row for the product, not locked. */
  public Optional<Subscription> findLive(Connection c, String msisdn, String productCode)
      throws SQLException {
    if (liveRows(c, msisdn).isPresent()) {
      return findLiveForUpdate(c, msisdn, productCode);
    }
    return one(c, LIVE, msisdn, productCode);
  }

  /** Orders awaiting confirmation or their first charge on {@code port}, newest first, locked. */
  public List<Subscription> findPendingOnPortForUpdate(Connection c, String msisdn, String port)
      throws SQLException {
    Optional<LiveRows> batch = liveRows(c, msisdn);
    if (batch.isPresent()) {
      List<Subscription> pending =
          new ArrayList<>(
              batch.get().of(msisdn).stream()
                  .filter(s -> s.servicePort().equals(port))
                  .filter(
                      s ->
                          s.state() == SubscriptionState.PENDING_CONFIRMATION
                              || s.state() == SubscriptionState.PENDING_CHARGE)
                  .toList());
      Collections.reverse(pending);
      return pending;
    }
    return list(c, PENDING_ON_PORT_FOR_UPDATE, msisdn, port);
  }

  /** The newest order on {@code port} that expired with a deadline after {@code since}. */
  public Optional<Subscription> findLatestExpiredOnPort(
      Connection c, String msisdn, String port, Instant since) throws SQLException {
    return one(c, LATEST_EXPIRED_ON_PORT, msisdn, port, since);
  }

  /** Every live row of the number on {@code port}, oldest first, locked. */
  public List<Subscription> findLiveOnPortForUpdate(Connection c, String msisdn, String port)
      throws SQLException {
    Optional<LiveRows> batch = liveRows(c, msisdn);
    if (batch.isPresent()) {
      return batch.get().of(msisdn).stream().filter(s -> s.servicePort().equals(port)).toList();
    }
    return list(c, LIVE_ON_PORT_FOR_UPDATE, msisdn, port);
  }

  /** What the number holds (trial, active, suspended), oldest first: the {@code 0000} list. */
  public List<Subscription> findSubscribed(Connection c, String msisdn) throws SQLException {
    Optional<LiveRows> batch = liveRows(c, msisdn);
    if (batch.isPresent()) {
      return batch.get().of(msisdn).stream().filter(s -> s.state().isSubscribed()).toList();
    }
    return list(c, SUBSCRIBED, msisdn);
  }

  /** The live rows with these ids that belong to {@code msisdn}, oldest first, locked. */
  public List<Subscription> findLiveByIdsForUpdate(
      Connection c, String msisdn, Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    Optional<LiveRows> batch = liveRows(c, msisdn);
    if (batch.isPresent()) {
      return batch.get().of(msisdn).stream().filter(s -> ids.contains(s.id())).toList();
    }
    String sql =
        SELECT
            + "WHERE msisdn = ? AND id IN ("
            + PaddedList.placeholders(ids.size())
            + ") AND live_product IS NOT NULL ORDER BY id FOR UPDATE";
    List<Object> args = new ArrayList<>();
    args.add(msisdn);
    args.addAll(ids);
    return list(c, sql, args.toArray());
  }

  /** The row {@code id}, locked. */
  public Optional<Subscription> findByIdForUpdate(Connection c, long id) throws SQLException {
    Optional<LiveRows> batch = liveRows(c);
    if (batch.isPresent()) {
      Optional<Subscription> live = batch.get().byId(id);
      if (live.isPresent()) {
        return live;
      }
    }
    return one(c, BY_ID_FOR_UPDATE, id);
  }

  /** Every row of the number, oldest first. */
  public List<Subscription> findAllOf(Connection c, String msisdn) throws SQLException {
    return list(c, ALL_OF, msisdn);
  }

  /**
   * Orders whose confirmation window closed by {@code now}, locked; rows another process holds are
   * skipped.
   */
  public List<Subscription> findExpiredPendingForUpdate(Connection c, Instant now, int limit)
      throws SQLException {
    return list(c, EXPIRED_PENDING_FOR_UPDATE, now, limit);
  }

  /**
   * Trials and active subscriptions with a charge due on or before {@code today} and an id after
   * {@code afterId}, in id order, locked; rows another process holds are skipped.
   */
  public List<Subscription> findDueForUpdate(Connection c, LocalDate today, long afterId, int limit)
      throws SQLException {
    return list(c, DUE_FOR_UPDATE, today, afterId, limit);
  }

  /**
   * Trials and active subscriptions with a charge due after {@code today} and up to {@code horizon}
   * that no reminder was sent for yet, in id order, locked (others skipped).
   */
  public List<Subscription> findToRemindForUpdate(
      Connection c, LocalDate today, LocalDate horizon, long afterId, int limit)
      throws SQLException {
    return list(c, TO_REMIND_FOR_UPDATE, today, horizon, afterId, limit);
  }

  /** Records that the reminder for each row's current next charge date was sent. */
  public void markReminded(Connection c, Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    writeWaiting(c);
    try (PreparedStatement ps = c.prepareStatement(MARK_REMINDED)) {
      for (long id : ids) {
        ps.setLong(1, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Moves the next charge of an active subscription from {@code due} to {@code next} (a renewal was
   * paid; not a state change).
   *
   * @return false if the row is no longer active with that due date
   */
  public boolean advanceNextCharge(Connection c, long id, LocalDate due, LocalDate next, Instant at)
      throws SQLException {
    writeWaiting(c);
    try (PreparedStatement ps = c.prepareStatement(ADVANCE)) {
      SqlValues.setDate(ps, 1, next);
      SqlValues.setInstant(ps, 2, at);
      ps.setLong(3, id);
      SqlValues.setDate(ps, 4, due);
      boolean advanced = ps.executeUpdate() == 1;
      Optional<LiveRows> batch = liveRows(c);
      if (advanced && batch.isPresent()) {
        Optional<Subscription> row = batch.get().byId(id);
        if (row.isPresent()) {
          batch.get().stored(row.get().withNextChargeDate(Optional.of(next)));
        }
      }
      return advanced;
    }
  }

  /**
   * Rows of {@code productCode} in {@code state} after {@code afterId}, in id order, locked; rows
   * another transaction holds (a batch of commands on their numbers) are skipped, not waited for:
   * waiting, in id order, for rows that batches lock in number order could deadlock.
   */
  public List<Subscription> findOfProductForUpdate(
      Connection c, String productCode, SubscriptionState state, long afterId, int limit)
      throws SQLException {
    return list(c, OF_PRODUCT_FOR_UPDATE, productCode, state.name(), afterId, limit);
  }

  /** How many rows of {@code productCode} are in {@code state}, locked or not. */
  public long countOfProduct(Connection c, String productCode, SubscriptionState state)
      throws SQLException {
    writeWaiting(c);
    try (PreparedStatement ps = c.prepareStatement(COUNT_OF_PRODUCT)) {
      ps.setString(1, productCode);
      ps.setString(2, state.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Stores {@code change} and its transition.
   *
   * @throws IllegalStateException if the row is no longer in the state the change starts from
   *     (callers hold the row lock, so this is a bug)
   */
  public void change(Connection c, Change change, TransitionCause cause, Instant at)
      throws SQLException {
    changeAll(c, List.of(change), cause, at);
  }

  /**
   * Stores every change and its transition, two round trips however many; inside a batch that read
   * the rows, none: they go out with the batch's.
   */
  public void changeAll(Connection c, List<Change> changes, TransitionCause cause, Instant at)
      throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    Optional<LiveRows> batch = liveRows(c);
    if (batch.isPresent() && heldByBatch(batch.get(), changes)) {
      for (Change change : changes) {
        batch.get().changed(change.after(), at);
      }
    } else {
      writeWaiting(c);
      update(c, changes, at);
      if (batch.isPresent()) {
        for (Change change : changes) {
          batch.get().stored(change.after());
        }
      }
    }
    writeTransitions(c, changes, cause, at);
  }

  /**
   * Whether the batch holds every changed row, each in the state its change starts from.
   *
   * @throws IllegalStateException if it holds one in another state (a change made without the row's
   *     lock: a bug)
   */
  private static boolean heldByBatch(LiveRows batch, List<Change> changes) {
    for (Change change : changes) {
      Optional<Subscription> held = batch.byId(change.before().id());
      if (held.isEmpty()) {
        return false;
      }
      if (held.get().state() != change.before().state()) {
        throw noLonger(change);
      }
    }
    return true;
  }

  private static IllegalStateException noLonger(Change change) {
    return new IllegalStateException(
        "subscription "
            + change.before().id()
            + " is no longer "
            + change.before().state()
            + "; was it changed without its lock?");
  }

  private static void update(Connection c, List<Change> changes, Instant at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
      for (Change change : changes) {
        Subscription s = change.after();
        ps.setString(1, s.state().name());
        SqlValues.setInstant(ps, 2, s.confirmDeadline());
        SqlValues.setInstant(ps, 3, s.activatedAt());
        SqlValues.setDate(ps, 4, s.trialEnd());
        SqlValues.setDate(ps, 5, s.nextChargeDate());
        SqlValues.setInstant(ps, 6, s.cancelledAt());
        SqlValues.setInstant(ps, 7, at);
        ps.setLong(8, s.id());
        ps.setString(9, change.before().state().name());
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          throw noLonger(changes.get(i));
        }
      }
    }
  }

  private static void writeTransitions(
      Connection c, List<Change> changes, TransitionCause cause, Instant at) throws SQLException {
    List<Change> transitions =
        changes.stream().filter(ch -> ch.before().state() != ch.after().state()).toList();
    if (transitions.isEmpty()) {
      return;
    }
    List<MultiRowInsert.Row> rows = new ArrayList<>(transitions.size());
    for (Change change : transitions) {
      rows.add(
          (ps, first) ->
              bindTransition(
                  ps,
                  first,
                  change.after(),
                  Optional.of(change.before().state()),
                  change.after().state(),
                  at,
                  cause,
                  change.detail()));
    }
    writeTransitions(c, rows);
  }

  /**
   * Writes transition rows now, or, inside a group commit, with the whole batch's just before it
   * commits: nothing in a command reads its transitions back, and a batch's transitions then cost
   * one statement instead of one per command.
   */
  private static void writeTransitions(Connection c, List<MultiRowInsert.Row> rows)
      throws SQLException {
    INSERT_TRANSITION.writeOn(c, rows);
  }

  /** Every transition of the number's rows, in the order they happened. */
  public List<StateTransition> transitionsOf(Connection c, String msisdn) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(TRANSITIONS_OF)) {
      ps.setString(1, msisdn);
      try (ResultSet rs = ps.executeQuery()) {
        List<StateTransition> result = new ArrayList<>();
        while (rs.next()) {
          String from = rs.getString("from_state");
          Optional<Long> mo = SqlValues.optionalLong(rs, "cause_mo_id");
          TransitionCause cause =
              mo.isPresent()
                  ? new TransitionCause.Mo(mo.get())
                  : new TransitionCause.Job(rs.getString("cause_job"));
          result.add(
              new StateTransition(
                  rs.getLong("id"),
                  rs.getLong("subscription_id"),
                  rs.getString("msisdn"),
                  rs.getString("product_code"),
                  from == null ? Optional.empty() : Optional.of(SubscriptionState.valueOf(from)),
                  SubscriptionState.valueOf(rs.getString("to_state")),
                  SqlValues.instant(rs, "at"),
                  cause,
                  rs.getString("detail")));
        }
        return result;
      }
    }
  }

  private static void bindTransition(
      PreparedStatement ps,
      int first,
      Subscription s,
      Optional<SubscriptionState> from,
      SubscriptionState to,
      Instant at,
      TransitionCause cause,
      String detail)
      throws SQLException {
    ps.setLong(first, s.id());
    ps.setString(first + 1, s.msisdn());
    ps.setString(first + 2, s.productCode());
    if (from.isPresent()) {
      ps.setString(first + 3, from.get().name());
    } else {
      ps.setNull(first + 3, Types.VARCHAR);
    }
    ps.setString(first + 4, to.name());
    SqlValues.setInstant(ps, first + 5, at);
    if (cause instanceof TransitionCause.Mo mo) {
      ps.setLong(first + 6, mo.moId());
      ps.setNull(first + 7, Types.VARCHAR);
    } else {
      ps.setNull(first + 6, Types.BIGINT);
      ps.setString(first + 7, ((TransitionCause.Job) cause).name());
    }
    ps.setString(first + 8, bounded(detail, StateTransition.MAX_DETAIL_LENGTH));
  }

  private static Optional<Subscription> one(Connection c, String sql, Object... args)
      throws SQLException {
    List<Subscription> rows = list(c, sql, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static List<Subscription> list(Connection c, String sql, Object... args)
      throws SQLException {
    writeWaiting(c);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        Object arg = args[i];
        if (arg instanceof Instant instant) {
          SqlValues.setInstant(ps, i + 1, instant);
        } else {
          ps.setObject(i + 1, arg);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<Subscription> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(map(rs));
        }
        return rows;
      }
    }
  }

  private static Subscription map(ResultSet rs) throws SQLException {
    return new Subscription(
        rs.getLong("id"),
        rs.getString("msisdn"),
        rs.getString("product_code"),
        rs.getString("service_port"),
        SubscriptionState.valueOf(rs.getString("state")),
        rs.getLong("price_fen"),
        SqlValues.instant(rs, "created_at"),
        SqlValues.optionalInstant(rs, "confirm_deadline"),
        SqlValues.optionalInstant(rs, "activated_at"),
        SqlValues.optionalDate(rs, "trial_end"),
        SqlValues.optionalDate(rs, "next_charge_date"),
        SqlValues.optionalInstant(rs, "cancelled_at"),
        SqlValues.optionalLong(rs, "order_mo_id"));
  }
}
