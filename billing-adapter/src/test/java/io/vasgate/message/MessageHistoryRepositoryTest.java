package io.vasgate.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MessageHistoryRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00.123Z");
  private static final AtomicLong ids = new AtomicLong(5000);
  private static final AtomicLong numbers = new AtomicLong(8613900000000L);

  private static Database db;
  private static MessageJournal journal;
  private static MessageHistoryRepository history;

  @BeforeAll
  static void open() {
    db = TestDatabases.newDatabase("message_history");
    journal = new MessageJournal(db.dataSource(), 256, Duration.ofSeconds(60));
    history = new MessageHistoryRepository(db.dataSource());
  }

  @AfterAll
  static void close() {
    journal.close();
    db.close();
  }

  private static String handset() {
    return String.valueOf(numbers.incrementAndGet());
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static MoDraft mo(String from, String text, Instant at) throws Exception {
    byte[] key =
        MessageDigest.getInstance("SHA-256")
            .digest((from + "|" + text + "|" + at).getBytes(StandardCharsets.UTF_8));
    return new MoDraft(
        ids.incrementAndGet(),
        "mo",
        7,
        from,
        "1065888002",
        8,
        text.getBytes(StandardCharsets.UTF_16BE),
        Optional.of(text),
        Optional.empty(),
        key,
        at);
  }

  private static MtDraft mt(
      long id, long moId, String to, String text, int seq, int total, Instant at) {
    return new MtDraft(id, Optional.of(moId), "mo", "1065888002", to, text, seq, total, 8, at);
  }

  @Test
  void readsBackAnMoWithEverythingTheJournalRecorded() throws Exception {
    String h = handset();
    MoDraft draft = mo(h, "开通天气", T0);
    get(journal.recordMo(draft));
    get(journal.moProcessed(draft.id(), "PROCESSED", "SUBSCRIBE", "TQ", T0.plusMillis(40)));

    List<MoRecord> mos = history.mosFrom(h, Optional.empty(), Optional.empty(), 100);

    assertThat(mos).hasSize(1);
    MoRecord r = mos.get(0);
    assertThat(r.id()).isEqualTo(draft.id());
    assertThat(r.peerSystemId()).isEqualTo("mo");
    assertThat(r.sessionId()).isEqualTo(7);
    assertThat(r.sourceAddr()).isEqualTo(h);
    assertThat(r.destAddr()).isEqualTo("1065888002");
    assertThat(r.dataCoding()).isEqualTo(8);
    assertThat(r.shortMessage()).isEqualTo(draft.shortMessage());
    assertThat(r.text()).contains("开通天气");
    assertThat(r.part()).isEmpty();
    assertThat(r.receivedAt()).isEqualTo(T0);
    assertThat(r.status()).isEqualTo("PROCESSED");
    assertThat(r.command()).contains("SUBSCRIBE");
    assertThat(r.productCode()).contains("TQ");
    assertThat(r.processedAt()).contains(T0.plusMillis(40));
  }

  @Test
  void binaryMoHasOctetsButNoTextAndAPartKeepsItsPlace() throws Exception {
    String h = handset();
    byte[] octets = {0x01, (byte) 0xFF, 0x00};
    byte[] key = MessageDigest.getInstance("SHA-256").digest(octets);
    MoDraft draft =
        new MoDraft(
            ids.incrementAndGet(),
            "mo",
            1,
            h,
            "10658880",
            4,
            octets,
            Optional.empty(),
            Optional.of(new PartInfo(9, 3, 2)),
            key,
            T0);
    get(journal.recordMo(draft));

    MoRecord r = history.mosFrom(h, Optional.empty(), Optional.empty(), 10).get(0);

    assertThat(r.text()).isEmpty();
    assertThat(r.shortMessage()).containsExactly(0x01, 0xFF, 0x00);
    assertThat(r.part()).contains(new PartInfo(9, 3, 2));
    assertThat(r.status()).isEqualTo("RECEIVED");
    assertThat(r.command()).isEmpty();
    assertThat(r.processedAt()).isEmpty();
  }

  @Test
  void mosComeOldestFirstWithinTheWindowAndOnlyTheNumbersOwn() throws Exception {
    String h = handset();
    String other = handset();
    MoDraft late = mo(h, "0000", T0.plusSeconds(20));
    MoDraft early = mo(h, "KT TQ", T0);
    MoDraft middle = mo(h, "是", T0.plusSeconds(10));
    get(journal.recordMo(late));
    get(journal.recordMo(early));
    get(journal.recordMo(middle));
    get(journal.recordMo(mo(other, "KT TQ", T0.plusSeconds(5))));

    assertThat(history.mosFrom(h, Optional.empty(), Optional.empty(), 100))
        .extracting(MoRecord::id)
        .containsExactly(early.id(), middle.id(), late.id());
    assertThat(
            history.mosFrom(
                h, Optional.of(T0.plusSeconds(10)), Optional.of(T0.plusSeconds(20)), 100))
        .extracting(MoRecord::id)
        .as("from is inclusive, to exclusive")
        .containsExactly(middle.id());
    assertThat(history.mosFrom(h, Optional.empty(), Optional.empty(), 2))
        .extracting(MoRecord::id)
        .containsExactly(early.id(), middle.id());
  }

  @Test
  void mtsComeWithTheMoTheyAnswerAndThePeersAnswer() throws Exception {
    String h = handset();
    MoDraft asked = mo(h, "0000", T0);
    get(journal.recordMo(asked));
    long first = ids.incrementAndGet();
    long second = ids.incrementAndGet();
    get(journal.recordMt(mt(first, asked.id(), h, "您订购了: 1.天气", 1, 2, T0.plusMillis(5))));
    get(journal.recordMt(mt(second, asked.id(), h, "您订购了: 1.天气", 2, 2, T0.plusMillis(6))));
    get(journal.mtAnswered(first, 0, T0.plusMillis(9)));
    get(journal.mtAnswered(second, 0x58, T0.plusMillis(10)));

    List<MtRecord> mts = history.mtsTo(h, Optional.empty(), Optional.empty(), 100);

    assertThat(mts).extracting(MtRecord::id).containsExactly(first, second);
    MtRecord a = mts.get(0);
    assertThat(a.moId()).contains(asked.id());
    assertThat(a.sourceAddr()).isEqualTo("1065888002");
    assertThat(a.destAddr()).isEqualTo(h);
    assertThat(a.text()).isEqualTo("您订购了: 1.天气");
    assertThat(a.partSeq()).isEqualTo(1);
    assertThat(a.partTotal()).isEqualTo(2);
    assertThat(a.createdAt()).isEqualTo(T0.plusMillis(5));
    assertThat(a.state()).isEqualTo("ACKED");
    assertThat(a.respStatus()).contains(0);
    assertThat(a.updatedAt()).contains(T0.plusMillis(9));
    assertThat(mts.get(1).state()).isEqualTo("FAILED");
    assertThat(mts.get(1).respStatus()).contains(0x58);
    assertThat(history.mtsTo(h, Optional.of(T0.plusMillis(6)), Optional.empty(), 100))
        .extracting(MtRecord::id)
        .containsExactly(second);
  }

  @Test
  void anUnansweredMtHasNoPeerStatus() throws Exception {
    String h = handset();
    long id = ids.incrementAndGet();
    get(
        journal.recordMt(
            new MtDraft(id, Optional.empty(), "mo", "10658880", h, "提醒", 1, 1, 8, T0)));

    MtRecord r = history.mtsTo(h, Optional.empty(), Optional.empty(), 1).get(0);

    assertThat(r.moId()).isEmpty();
    assertThat(r.state()).isEqualTo("SENT");
    assertThat(r.respStatus()).isEmpty();
    assertThat(r.updatedAt()).isEmpty();
  }

  @Test
  void refusesLimitsOutOfRange() {
    assertThatThrownBy(
            () -> history.mosFrom("8613800000000", Optional.empty(), Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(
            () ->
                history.mtsTo(
                    "8613800000000",
                    Optional.empty(),
                    Optional.empty(),
                    MessageHistoryRepository.MAX_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
