package io.vasgate.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MessageJournalTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  private static final AtomicLong ids = new AtomicLong(1000);

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
  void aResentMoWithinTheWindowIsRecognisedAndAnsweredWithTheFirstId() throws Exception {
    MoDraft first = mo("8613800000002", "是", T0);
    MoDraft resent = mo("8613800000002", "是", T0.plusSeconds(30));
    MoDraft muchLater = mo("8613800000002", "是", T0.plusSeconds(120));
    assertThat(get(journal.recordMo(first)).duplicate()).isFalse();
    assertThat(get(journal.recordMo(resent))).isEqualTo(new MoRecorded(first.id(), true));
    assertThat(get(journal.recordMo(muchLater))).isEqualTo(new MoRecorded(muchLater.id(), false));
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
                "SELECT id, state, resp_status FROM mt_message WHERE id IN ("
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
}
