package io.vasgate.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MoRecoveryRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  private static MoDraft mo(long id, String text, Optional<PartInfo> part, Instant at) {
    byte[] key = new byte[32];
    key[0] = (byte) id;
    key[1] = (byte) (id >> 8);
    return new MoDraft(
        id,
        "mo",
        7,
        "8613800000001",
        "1065888002",
        8,
        text.getBytes(StandardCharsets.UTF_16BE),
        part.isPresent() ? Optional.empty() : Optional.of(text),
        part,
        key,
        at);
  }

  @Test
  void claimsOnlyOldUnprocessedWholeMessagesAndEachOnlyOnce() throws Exception {
    try (Database db = TestDatabases.newDatabase("recovery");
        MessageJournal journal = new MessageJournal(db.dataSource(), 16, Duration.ofSeconds(1))) {
      journal.recordMo(mo(1, "KT TQ", Optional.empty(), T0)).get(10, TimeUnit.SECONDS);
      journal.recordMo(mo(2, "0000", Optional.empty(), T0)).get(10, TimeUnit.SECONDS);
      journal
          .recordMo(mo(3, "TD", Optional.empty(), T0.plusSeconds(600)))
          .get(10, TimeUnit.SECONDS);
      journal
          .recordMo(mo(4, "part", Optional.of(new PartInfo(9, 2, 1)), T0))
          .get(10, TimeUnit.SECONDS);
      journal.moProcessed(2, "PROCESSED", "QUERY", null, T0).get(10, TimeUnit.SECONDS);

      MoRecoveryRepository recovery = new MoRecoveryRepository(db.dataSource());
      var claimed = recovery.claimStale(T0.plusSeconds(60), 100);
      assertThat(claimed).extracting(StaleMo::id).containsExactly(1L);
      assertThat(claimed.get(0).text()).isEqualTo("KT TQ");
      assertThat(claimed.get(0).sessionId()).isEqualTo(7);
      assertThat(recovery.claimStale(T0.plusSeconds(60), 100)).isEmpty();
    }
  }
}
