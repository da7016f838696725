package io.vasgate.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MessageJournalTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  private static final AtomicLong ids = new AtomicLong(1000);
  private static final CommandRecords RECORDS = new CommandRecords(Duration.ofSeconds(60));

  private static Database db;
  private static MessageJournal journal;

  @BeforeAll
  static void open() {
    db = TestDatabases.newDatabase("journal");
    journal = new MessageJournal(db.dataSource(), 256, Duration.ofSeconds(60));
  }

  @AfterAll
  static void close() {
    journal.close();
    db.close();
  }

  private static MoDraft mo(String from, String text, Instant at) throws Exception {
    byte[] octets = text.getBytes(StandardCharsets.UTF_16BE);
    byte[] key =
        MessageDigest.getInstance("SHA-256")
            .digest(("mo|" + from + "|1065888002|" + text).getBytes(StandardCharsets.UTF_8));
    return new MoDraft(
        ids.incrementAndGet(),
        "mo",
        1,
        from,
        "1065888002",
        8,
        octets,
        Optional.of(text),
        Optional.empty(),
        key,
        at);
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static void getAll(List<? extends CompletableFuture<?>> futures) throws Exception {
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
  }

  private static MtDraft mt(long id) {
    return new MtDraft(id, Optional.empty(), "mo", "1065888002", "8613800000009", "x", 1, 1, 0, T0);
  }

  /** The ids of {@code count} new MTs, written in state SENT. */
  private static List<Long> sentMts(int count) throws Exception {
    List<Long> mtIds = new ArrayList<>();
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long id = ids.incrementAndGet();
      mtIds.add(id);
      futures.add(journal.recordMt(mt(id)));
    }
    getAll(futures);
    return mtIds;
  }

  /** The ids of {@code count} new MOs, written in state RECEIVED. */
  private static List<Long> receivedMos(String prefix, int count) throws Exception {
    List<Long> moIds = new ArrayList<>();
    List<CompletableFuture<MoRecorded>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      MoDraft draft = mo(prefix + String.format("%06d", i), "KT", T0);
      moIds.add(draft.id());
      futures.add(journal.recordMo(draft));
    }
    getAll(futures);
    return moIds;
  }

  /**
   * The rows {@code sql} selects, each a list of its values as {@link ResultSet#getObject} gives
   * them, but timestamps as instants.
   */
  private static List<List<Object>> select(String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object value = rs.getObject(i);
          row.add(value instanceof Timestamp t ? t.toInstant() : value);
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private static long globalStatus(String name) throws Exception {
    return Long.parseLong((String) select("SHOW GLOBAL STATUS LIKE '" + name + "'").get(0).get(1));
  }

  /**
   * Runs {@code enqueue} against a new journal whose writer is stopped inside its first batch
   * (borrowing its connection) until {@code enqueue} returns: all it enqueued is then in the queue
   * when the writer next drains it, so it makes up one batch however the threads are scheduled.
   * Returns the futures it enqueued, once the journal has closed and so completed them.
   */
  private static List<CompletableFuture<Void>> inOneBatch(
      Function<MessageJournal, List<CompletableFuture<Void>>> enqueue) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    DataSource real = db.dataSource();
    DataSource gated =
        (DataSource)
            Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getConnection")) {
                    entered.countDown();
                    released.await();
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    MessageJournal held = new MessageJournal(gated, 1024, Duration.ofSeconds(60));
    try {
      CompletableFuture<Void> first = held.recordMt(mt(ids.incrementAndGet()));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      List<CompletableFuture<Void>> futures = enqueue.apply(held);
      released.countDown();
      get(first);
      return futures;
    } finally {
      released.countDown();
      held.close();
    }
  }

  @Test
  void recordsAnMoWithItsTextAndOctets() throws Exception {
    MoDraft draft = mo("8613800000001", "开通天气", T0);
    MoRecorded recorded = get(journal.recordMo(draft));
    assertThat(recorded).isEqualTo(new MoRecorded(draft.id(), false));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT text, short_message, status FROM mo_message WHERE id = " + draft.id())) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("开通天气");
      assertThat(rs.getBytes(2)).isEqualTo(draft.shortMessage());
      assertThat(rs.getString(3)).isEqualTo("RECEIVED");
    }
  }

  @Test
  void anMoPastTheWindowTakesOverItsKeyFromTheFirstCopy() throws Exception {
    MoDraft first = mo("8613800000015", "是", T0);
    MoDraft muchLater = mo("8613800000015", "是", T0.plusSeconds(120));
    MoDraft resentLater = mo("8613800000015", "是", T0.plusSeconds(150));
    get(journal.recordMo(first));
    get(journal.recordMo(muchLater));
    assertThat(get(journal.recordMo(resentLater))).isEqualTo(new MoRecorded(muchLater.id(), true));
  }

  @Test
  void aResentMoWithinTheWindowIsRecognisedAndAnsweredWithTheFirstId() throws Exception {
    MoDraft first = mo("8613800000002", "是", T0);
    MoDraft resent = mo("8613800000002", "是", T0.plusSeconds(30));
    MoDraft muchLater = mo("8613800000002", "是", T0.plusSeconds(120));
    assertThat(get(journal.recordMo(first)).duplicate()).isFalse();
    assertThat(get(journal.recordMo(resent))).isEqualTo(new MoRecorded(first.id(), true));
    assertThat(get(journal.recordMo(muchLater))).isEqualTo(new MoRecorded(muchLater.id(), false));
  }

  @Test
  void anOutcomeWithItsMoWritesTheMoAlreadyDoneWithItsKeyAndItsReply() throws Exception {
    MoDraft draft = mo("8613800000011", "KT TQ", T0);
    long mtId = ids.incrementAndGet();
    MoRecorded recorded =
        get(
            journal.recordOutcome(
                Optional.of(draft),
                new MoResult(draft.id(), "PROCESSED", "SUBSCRIBE", "TQ", T0.plusMillis(5)),
                List.of(mt(mtId))));

    assertThat(recorded).isEqualTo(new MoRecorded(draft.id(), false));
    assertThat(
            select(
                "SELECT status, command, product_code, processed_at IS NOT NULL FROM mo_message"
                    + " WHERE id = "
                    + draft.id()))
        .containsExactly(List.of("PROCESSED", "SUBSCRIBE", "TQ", 1));
    assertThat(select("SELECT state FROM mt_message WHERE id = " + mtId))
        .containsExactly(List.of("SENT"));
    assertThat(select("SELECT mo_id FROM mo_dedup WHERE mo_id = " + draft.id()))
        .containsExactly(List.of(draft.id()));
  }

  @Test
  void anOutcomeOfAReSentMoWritesNothingAndNamesTheFirstCopy() throws Exception {
    MoDraft first = mo("8613800000012", "TD TQ", T0);
    MoDraft resent = mo("8613800000012", "TD TQ", T0.plusSeconds(20));
    long mtId = ids.incrementAndGet();
    get(journal.recordMo(first));

    MoRecorded recorded =
        get(
            journal.recordOutcome(
                Optional.of(resent),
                new MoResult(resent.id(), "PROCESSED", "UNSUBSCRIBE", "TQ", T0),
                List.of(mt(mtId))));

    assertThat(recorded).isEqualTo(new MoRecorded(first.id(), true));
    assertThat(select("SELECT id FROM mo_message WHERE id = " + resent.id())).isEmpty();
    assertThat(select("SELECT id FROM mt_message WHERE id = " + mtId)).as("no reply").isEmpty();
  }

  @Test
  void purgingDeletesOnlyTheKeysOfMosPastTheWindow() throws Exception {
    MoDraft old = mo("8613800000013", "0000", T0.minus(Duration.ofDays(3)));
    MoDraft recent = mo("8613800000013", "00000", T0.minus(Duration.ofSeconds(10)));
    get(journal.recordMo(old));
    get(journal.recordMo(recent));

    assertThat(journal.purgeDedupKeys(T0)).isPositive();

    assertThat(
            select(
                "SELECT mo_id FROM mo_dedup WHERE mo_id IN ("
                    + old.id()
                    + ", "
                    + recent.id()
                    + ")"))
        .containsExactly(List.of(recent.id()));
    assertThat(select("SELECT COUNT(*) FROM mo_message WHERE id = " + old.id()))
        .as("the MO itself stays on record")
        .containsExactly(List.of(1L));
  }

  @Test
  void aPurgeStartsJustBeforeTheLastOnesBoundAndOnlyThePeriodicFullOneReachesFurtherBack()
      throws Exception {
    try (MessageJournal own = new MessageJournal(db.dataSource(), 256, Duration.ofSeconds(60))) {
      MoDraft lapsed = mo("8613800000041", "0000", T0.minus(Duration.ofMinutes(5)));
      get(own.recordMo(lapsed));
      own.purgeDedupKeys(T0); // the first knows no bound: from the oldest key
      assertThat(dedupRowOf(lapsed)).isEmpty();

      // Written after that purge, though all but the last arrived before its bound (T0 - 60 s).
      MoDraft late = mo("8613800000042", "0000", T0.minus(Duration.ofMinutes(5)));
      MoDraft withinOverlap =
          mo(
              "8613800000043",
              "0000",
              T0.minus(Duration.ofSeconds(60)).minus(Duration.ofSeconds(5)));
      MoDraft lapsedSince = mo("8613800000044", "0000", T0.minus(Duration.ofSeconds(59)));
      MoDraft recent = mo("8613800000045", "0000", T0);
      getAll(
          List.of(
              own.recordMo(late),
              own.recordMo(withinOverlap),
              own.recordMo(lapsedSince),
              own.recordMo(recent)));

      own.purgeDedupKeys(T0.plusSeconds(2));
      assertThat(dedupRowOf(withinOverlap)).as("within the overlap").isEmpty();
      assertThat(dedupRowOf(lapsedSince)).as("left the window since").isEmpty();
      assertThat(dedupRowOf(late)).as("before the overlap").isNotEmpty();
      assertThat(dedupRowOf(recent)).as("within the window").isNotEmpty();

      assertThat(own.purgeDedupKeys(T0.minus(Duration.ofMinutes(1))))
          .as("after the clock went back: an empty range")
          .isZero();

      own.purgeDedupKeys(T0.plus(MessageJournal.FULL_PURGE_INTERVAL));
      assertThat(dedupRowOf(late)).as("found by the full purge").isEmpty();
    }
  }

  private static List<List<Object>> dedupRowOf(MoDraft mo) throws Exception {
    return select("SELECT mo_id FROM mo_dedup WHERE mo_id = " + mo.id());
  }

  @Test
  void aCommandsMoTakesItsKeyInTheCommandsTransactionAndAKeyStillHeldRefusesIt() throws Exception {
    MoDraft first = mo("8613800000014", "KT JK", T0);
    get(journal.recordMo(first));
    MoDraft resent = mo("8613800000014", "KT JK", T0.plusSeconds(1));
    MoDraft other = mo("8613800000014", "0000", T0.plusSeconds(1));
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      RECORDS.record(
          c,
          Optional.of(other),
          new MoResult(other.id(), "PROCESSED", "QUERY", null, T0),
          List.of());
      assertThatThrownBy(
              () ->
                  RECORDS.record(
                      c,
                      Optional.of(resent),
                      new MoResult(resent.id(), "PROCESSED", "SUBSCRIBE", "JK", T0),
                      List.of()))
          .isInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class);
      c.commit();
    }
    assertThat(select("SELECT status, command FROM mo_message WHERE id = " + other.id()))
        .containsExactly(List.of("PROCESSED", "QUERY"));
    assertThat(select("SELECT id FROM mo_message WHERE id = " + resent.id())).isEmpty();
  }

  @Test
  void aCommandsMoTakesOverAKeyLeftByAnMoPastTheWindow() throws Exception {
    MoDraft longAgo = mo("8613800000016", "0000", T0.minusSeconds(65));
    get(journal.recordMo(longAgo));
    MoDraft again = mo("8613800000016", "0000", T0);
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      RECORDS.record(
          c,
          Optional.of(again),
          new MoResult(again.id(), "PROCESSED", "QUERY", null, T0),
          List.of());
      c.commit();
    }
    assertThat(select("SELECT status FROM mo_message WHERE id = " + again.id()))
        .containsExactly(List.of("PROCESSED"));
    assertThat(
            select(
                "SELECT mo_id FROM mo_dedup WHERE mo_id IN ("
                    + longAgo.id()
                    + ", "
                    + again.id()
                    + ")"))
        .containsExactly(List.of(again.id()));
  }

  @Test
  void aLapsedKeyInALaterChunkOfTheKeysIsTakenOverWithoutFailingTheBatch() throws Exception {
    MoDraft longAgo = mo("8613800000019", "KT WZ", T0.minusSeconds(120));
    get(journal.recordMo(longAgo));
    MoDraft again = mo("8613800000019", "KT WZ", T0);
    // Three keys go in as 2 + 1 rows in key order: the lapsed one must be in the second statement.
    List<MoDraft> others = new ArrayList<>();
    for (int i = 0; others.size() < 2; i++) {
      MoDraft other = mo("86130" + String.format("%08d", i), "0000", T0);
      if (Arrays.compareUnsigned(other.dedupKey(), again.dedupKey()) < 0) {
        others.add(other);
      }
    }
    List<CompletableFuture<MoRecorded>> recorded = new ArrayList<>();
    getAll(
        inOneBatch(
            j -> {
              for (MoDraft d : List.of(others.get(0), others.get(1), again)) {
                recorded.add(j.recordMo(d));
              }
              return recorded.stream().map(f -> f.thenApply(r -> (Void) null)).toList();
            }));
    assertThat(recorded.get(2).join()).isEqualTo(new MoRecorded(again.id(), false));
    assertThat(
            select(
                "SELECT COUNT(*) FROM mo_message WHERE id IN ("
                    + others.get(0).id()
                    + ", "
                    + others.get(1).id()
                    + ", "
                    + again.id()
                    + ")"))
        .containsExactly(List.of(3L));
  }

  @Test
  void aKeyCommittedElsewhereAfterTheJournalLookedMakesItsCopyADuplicateAndFailsNothingElse()
      throws Exception {
    MoDraft elsewhere = mo("8613800000017", "KT TQ", T0);
    MoDraft copy = mo("8613800000017", "KT TQ", T0.plusMillis(200));
    MoDraft unrelated = mo("8613800000018", "KT TQ", T0.plusMillis(200));
    CompletableFuture<MoRecorded> copyRecorded;
    CompletableFuture<MoRecorded> unrelatedRecorded;
    try (Connection other = db.dataSource().getConnection()) {
      // Another gateway's command transaction holds the key, not yet committed.
      other.setAutoCommit(false);
      try (PreparedStatement ps =
          other.prepareStatement(
              "INSERT INTO mo_dedup (dedup_key, mo_id, received_at) VALUES (?, ?, ?)")) {
        ps.setBytes(1, elsewhere.dedupKey());
        ps.setLong(2, elsewhere.id());
        ps.setTimestamp(3, Timestamp.from(elsewhere.receivedAt()));
        ps.executeUpdate();
      }
      copyRecorded = journal.recordMo(copy);
      unrelatedRecorded = journal.recordMo(unrelated);
      Thread.sleep(300);
      other.commit();
    }
    assertThat(get(copyRecorded)).isEqualTo(new MoRecorded(elsewhere.id(), true));
    assertThat(get(unrelatedRecorded)).isEqualTo(new MoRecorded(unrelated.id(), false));
    assertThat(select("SELECT id FROM mo_message WHERE id = " + copy.id())).isEmpty();
  }

  @Test
  void duplicatesInsideOneBatchAreRecordedOnce() throws Exception {
    List<CompletableFuture<MoRecorded>> futures = new ArrayList<>();
    MoDraft a = mo("8613800000003", "0000", T0);
    for (int i = 0; i < 5; i++) {
      MoDraft copy = mo("8613800000003", "0000", T0.plusMillis(i));
      futures.add(journal.recordMo(i == 0 ? a : copy));
    }
    long distinct = futures.stream().map(f -> f.join().id()).distinct().count();
    assertThat(distinct).isEqualTo(1);
    assertThat(futures.stream().filter(f -> !f.join().duplicate()).count()).isEqualTo(1);
  }

  @Test
  void manyConcurrentMosAreAllWrittenInFewCommits() throws Exception {
    List<CompletableFuture<MoRecorded>> futures = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      futures.add(journal.recordMo(mo("86139" + String.format("%08d", i), "KT TQ", T0)));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    assertThat(futures).allSatisfy(f -> assertThat(f.join().duplicate()).isFalse());
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM mo_message WHERE source_addr LIKE '86139%'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2000);
    }
  }

  @Test
  void mtIsRecordedSentThenMarkedAckedOrFailed() throws Exception {
    long ok = ids.incrementAndGet();
    long bad = ids.incrementAndGet();
    get(
        journal.recordMt(
            new MtDraft(
                ok, Optional.of(1L), "mo", "1065888002", "8613800000004", "订购成功", 1, 1, 8, T0)));
    get(
        journal.recordMt(
            new MtDraft(
                bad, Optional.empty(), "mo", "1065888002", "8613800000004", "x", 1, 1, 0, T0)));
    get(journal.mtAnswered(ok, 0, T0.plusSeconds(1)));
    get(journal.mtAnswered(bad, 0x58, T0.plusSeconds(1)));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, state, resp_status FROM mt_message_state WHERE id IN ("
                    + ok
                    + ","
                    + bad
                    + ") ORDER BY id")) {
      rs.next();
      assertThat(rs.getString(2)).isEqualTo("ACKED");
      rs.next();
      assertThat(rs.getString(2)).isEqualTo("FAILED");
      assertThat(rs.getInt(3)).isEqualTo(0x58);
    }
  }

  @Test
  void answersAloneWaitForMoreAndAreWrittenWhenTheWaitEnds() throws Exception {
    List<Long> mtIds = sentMts(2);
    try (MessageJournal j =
        new MessageJournal(db.dataSource(), 256, Duration.ofSeconds(60), Duration.ofMillis(300))) {
      long insertsBefore = globalStatus("Com_insert");
      long started = System.nanoTime();
      CompletableFuture<Void> first = j.mtAnswered(mtIds.get(0), 0, T0);
      CompletableFuture<Void> second = j.mtAnswered(mtIds.get(1), 0x45, T0);
      getAll(List.of(first, second));
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(globalStatus("Com_insert") - insertsBefore).as("one INSERT for both").isEqualTo(1);
    }
    assertThat(
            select(
                "SELECT state FROM mt_message_state WHERE id IN ("
                    + mtIds.get(0)
                    + ","
                    + mtIds.get(1)
                    + ") ORDER BY id"))
        .containsExactly(List.of("ACKED"), List.of("FAILED"));
  }

  @Test
  void aWriteSomeoneWaitsForEndsTheWaitForAnswersAndTakesThemAlong() throws Exception {
    long mtId = sentMts(1).get(0);
    try (MessageJournal j =
        new MessageJournal(db.dataSource(), 256, Duration.ofSeconds(60), Duration.ofSeconds(30))) {
      CompletableFuture<Void> answer = j.mtAnswered(mtId, 0, T0);
      Thread.sleep(100);
      assertThat(answer).as("an answer alone waits").isNotDone();
      long started = System.nanoTime();
      get(j.recordMo(mo("8613800000031", "KT", T0)));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertThat(answer).as("written in the MO's transaction").isDone();
    }
    assertThat(select("SELECT state FROM mt_message_state WHERE id = " + mtId))
        .containsExactly(List.of("ACKED"));
  }

  @Test
  void closingWritesAnswersStillWaitingWithoutWaitingOut() throws Exception {
    long mtId = sentMts(1).get(0);
    MessageJournal j =
        new MessageJournal(db.dataSource(), 256, Duration.ofSeconds(60), Duration.ofSeconds(30));
    CompletableFuture<Void> answer = j.mtAnswered(mtId, 0, T0);
    Thread.sleep(100);
    long started = System.nanoTime();
    j.close();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    get(answer);
    assertThat(select("SELECT state FROM mt_message_state WHERE id = " + mtId))
        .containsExactly(List.of("ACKED"));
  }

  @Test
  void mosProcessedInOneBatchEachKeepTheirOwnStatusCommandAndProduct() throws Exception {
    List<Long> moIds = receivedMos("86137", 70);
    getAll(
        inOneBatch(
            j ->
                IntStream.range(0, moIds.size())
                    .mapToObj(
                        i ->
                            j.moProcessed(
                                moIds.get(i),
                                i % 2 == 0 ? "PROCESSED" : "FAILED",
                                i % 3 == 0 ? null : "KT" + i,
                                i % 3 == 2 ? "P" + i : null,
                                T0.plusMillis(i)))
                    .toList()));
    assertThat(
            select(
                "SELECT id, status, command, product_code, processed_at FROM mo_message"
                    + " WHERE source_addr LIKE '86137%' ORDER BY id"))
        .isEqualTo(
            IntStream.range(0, moIds.size())
                .mapToObj(
                    i ->
                        Arrays.<Object>asList(
                            moIds.get(i),
                            i % 2 == 0 ? "PROCESSED" : "FAILED",
                            i % 3 == 0 ? null : "KT" + i,
                            i % 3 == 2 ? "P" + i : null,
                            T0.plusMillis(i)))
                .toList());
  }

  @Test
  void answersToOverAHundredMtsInOneBatchLeaveEachItsOwnStateAndStatus() throws Exception {
    // 127 = 64 + 32 + 16 + 8 + 4 + 2 + 1: every statement shape in one batch.
    List<Long> mtIds = sentMts(127);
    long untouched = sentMts(1).get(0);
    getAll(
        inOneBatch(
            j ->
                IntStream.range(0, mtIds.size())
                    .mapToObj(
                        i ->
                            j.mtAnswered(mtIds.get(i), i % 3 == 0 ? 0 : 0x58 + i, T0.plusMillis(i)))
                    .toList()));
    List<List<Object>> expected = new ArrayList<>();
    for (int i = 0; i < mtIds.size(); i++) {
      expected.add(
          Arrays.asList(
              mtIds.get(i),
              i % 3 == 0 ? "ACKED" : "FAILED",
              i % 3 == 0 ? 0 : 0x58 + i,
              T0.plusMillis(i)));
    }
    expected.add(Arrays.asList(untouched, "SENT", null, null));
    assertThat(
            select(
                "SELECT id, state, resp_status, updated_at FROM mt_message_state WHERE id BETWEEN "
                    + mtIds.get(0)
                    + " AND "
                    + untouched
                    + " ORDER BY id"))
        .isEqualTo(expected);
  }

  @Test
  void aPartAnsweredBeforeAnswersHadATableOfTheirOwnKeepsItsAnswer() throws Exception {
    long mtId = sentMts(1).get(0);
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE mt_message SET state = 'FAILED', resp_status = 88,"
              + " updated_at = '2026-11-23 08:00:01' WHERE id = "
              + mtId);
    }
    assertThat(
            select(
                "SELECT state, resp_status, updated_at FROM mt_message_state WHERE id = " + mtId))
        .containsExactly(List.of("FAILED", 88, T0.plusSeconds(1)));
  }

  @Test
  void theLastOfTwoUpdatesOfOneMessageInABatchWins() throws Exception {
    long mtId = sentMts(1).get(0);
    long moId = receivedMos("86136", 1).get(0);
    getAll(
        inOneBatch(
            j ->
                List.of(
                    j.mtAnswered(mtId, 0, T0.plusSeconds(1)),
                    j.moProcessed(moId, "PROCESSED", "KT", "P1", T0.plusSeconds(1)),
                    j.mtAnswered(mtId, 0x45, T0.plusSeconds(2)),
                    j.moProcessed(moId, "FAILED", null, null, T0.plusSeconds(2)))));
    assertThat(
            select(
                "SELECT state, resp_status, updated_at FROM mt_message_state WHERE id = " + mtId))
        .containsExactly(List.of("FAILED", 0x45, T0.plusSeconds(2)));
    assertThat(
            select(
                "SELECT status, command, product_code, processed_at FROM mo_message WHERE id = "
                    + moId))
        .containsExactly(Arrays.asList("FAILED", null, null, T0.plusSeconds(2)));
  }

  @Test
  void aBatchOfAnswersAndResultsTakesAStatementPerChunkNotPerRow() throws Exception {
    List<Long> mtIds = sentMts(127);
    List<Long> moIds = receivedMos("86135", 50);
    long updatesBefore = globalStatus("Com_update");
    long insertsBefore = globalStatus("Com_insert");
    getAll(
        inOneBatch(
            j ->
                Stream.concat(
                        mtIds.stream().map(id -> j.mtAnswered(id, 0, T0)),
                        moIds.stream().map(id -> j.moProcessed(id, "PROCESSED", "KT", null, T0)))
                    .toList()));
    // 127 answers = 64 + 48 + 15 appended, and the MT the batch gate writes (inOneBatch); 50 MO
    // results = 48 + 2.
    assertThat(globalStatus("Com_insert") - insertsBefore).isEqualTo(3 + 1);
    assertThat(globalStatus("Com_update") - updatesBefore).isEqualTo(2);
  }

  @Test
  void anUpdateTheDatabaseRejectsFailsItsWholeBatchAndWritesNothing() throws Exception {
    long mtId = sentMts(1).get(0);
    List<Long> moIds = receivedMos("86134", 2);
    List<CompletableFuture<Void>> futures =
        inOneBatch(
            j ->
                List.of(
                    j.mtAnswered(mtId, 0, T0),
                    j.moProcessed(moIds.get(0), "PROCESSED", "KT", null, T0),
                    // Longer than the column: strict mode refuses the statement.
                    j.moProcessed(moIds.get(1), "X".repeat(17), "KT", null, T0)));
    for (CompletableFuture<Void> f : futures) {
      assertThatThrownBy(() -> get(f)).isInstanceOf(ExecutionException.class);
    }
    assertThat(select("SELECT state FROM mt_message_state WHERE id = " + mtId))
        .containsExactly(List.of("SENT"));
    assertThat(select("SELECT status FROM mo_message WHERE source_addr LIKE '86134%'"))
        .containsExactly(List.of("RECEIVED"), List.of("RECEIVED"));
  }

  @Test
  void whenTheDatabaseIsGoneCallersAreToldAndNothingIsAcknowledged() throws Exception {
    Database doomed = TestDatabases.newDatabase("journal_down");
    MessageJournal j = new MessageJournal(doomed.dataSource(), 16, Duration.ofSeconds(60));
    try {
      doomed.close();
      CompletableFuture<MoRecorded> f = j.recordMo(mo("8613800000005", "TD", T0));
      assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    } finally {
      j.close();
    }
  }

  @Test
  void commandRecordsInABatchWaitForItsEndAndCommitWithIt() throws Exception {
    long moId = receivedMos("86133", 1).get(0);
    long mtId = ids.incrementAndGet();
    try (io.vasgate.persistence.GroupCommit batches =
        new io.vasgate.persistence.GroupCommit(db.dataSource(), 1, 64, "records")) {
      long seenInside =
          batches
              .submit(
                  "records",
                  "8613700000000",
                  c -> {
                    RECORDS.record(
                        c,
                        Optional.empty(),
                        new MoResult(moId, "PROCESSED", "SUBSCRIBE", "TQ", T0),
                        List.of(mt(mtId)));
                    try (Statement s = c.createStatement();
                        ResultSet rs =
                            s.executeQuery("SELECT COUNT(*) FROM mt_message WHERE id = " + mtId)) {
                      rs.next();
                      return rs.getLong(1);
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      assertThat(seenInside).as("written at the batch's end").isZero();
    }
    assertThat(select("SELECT status, command, product_code FROM mo_message WHERE id = " + moId))
        .containsExactly(List.of("PROCESSED", "SUBSCRIBE", "TQ"));
    assertThat(select("SELECT state, part_seq FROM mt_message WHERE id = " + mtId))
        .containsExactly(List.of("SENT", 1));
  }

  @Test
  void commandRecordsOutsideABatchAreWrittenAtOnceAndRollBackWithTheirTransaction()
      throws Exception {
    long moId = receivedMos("86132", 1).get(0);
    long mtId = ids.incrementAndGet();
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      RECORDS.record(
          c,
          Optional.empty(),
          new MoResult(moId, "PROCESSED", "QUERY", null, T0),
          List.of(mt(mtId)));
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM mt_message WHERE id = " + mtId)) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(1);
      }
      c.rollback();
    }
    assertThat(select("SELECT status FROM mo_message WHERE id = " + moId))
        .containsExactly(List.of("RECEIVED"));
    assertThat(select("SELECT id FROM mt_message WHERE id = " + mtId)).isEmpty();
  }
}
