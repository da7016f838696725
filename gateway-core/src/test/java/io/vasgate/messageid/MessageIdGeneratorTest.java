package io.vasgate.messageid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessageIdGeneratorTest {

  private final AtomicLong millis =
      new AtomicLong(Instant.parse("2026-11-23T08:00:00Z").toEpochMilli());
  private final InstantSource clock = () -> Instant.ofEpochMilli(millis.get());

  @Test
  void idsAreDecimalAndFitTheSmppLimit() {
    String id = new MessageIdGenerator(1023, clock).next();
    assertThat(id).matches("[0-9]{1,19}");
    assertThat(id.length()).isLessThanOrEqualTo(64);
  }

  @Test
  void idsCarryTheirNodeAndTime() {
    long id = new MessageIdGenerator(37, clock).nextLong();
    assertThat(MessageIdGenerator.nodeOf(id)).isEqualTo(37);
    assertThat(MessageIdGenerator.issuedAt(id)).isEqualTo(Instant.ofEpochMilli(millis.get()));
  }

  @Test
  void moreThanASequenceInOneMillisecondBorrowsTheNextMillisecondWithoutRepeating() {
    MessageIdGenerator gen = new MessageIdGenerator(5, clock);
    Set<Long> seen = new HashSet<>();
    long previous = -1;
    for (int i = 0; i < 10_000; i++) {
      long id = gen.nextLong();
      assertThat(id).isGreaterThan(previous);
      assertThat(MessageIdGenerator.nodeOf(id)).isEqualTo(5);
      previous = id;
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void aClockSteppingBackNeverRepeatsAnId() {
    MessageIdGenerator gen = new MessageIdGenerator(1, clock);
    long before = gen.nextLong();
    millis.addAndGet(-60_000);
    assertThat(gen.nextLong()).isGreaterThan(before);
  }

  @Test
  void aRestartedGeneratorIssuesNewIdsOnceTimeHasMoved() {
    long first = new MessageIdGenerator(2, clock).nextLong();
    millis.incrementAndGet();
    long afterRestart = new MessageIdGenerator(2, clock).nextLong();
    assertThat(afterRestart).isGreaterThan(first);
  }

  @Test
  void twoNodesInTheSameMillisecondNeverCollide() {
    MessageIdGenerator a = new MessageIdGenerator(1, clock);
    MessageIdGenerator b = new MessageIdGenerator(2, clock);
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < 5000; i++) {
      ids.add(a.nextLong());
      ids.add(b.nextLong());
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void concurrentCallersGetDistinctIds() {
    MessageIdGenerator gen = new MessageIdGenerator(3, InstantSource.system());
    Set<Long> ids = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 4)
        .parallel()
        .forEach(
            t -> {
              for (int i = 0; i < 20_000; i++) {
                ids.add(gen.nextLong());
              }
            });
    assertThat(ids).hasSize(80_000);
  }

  @Test
  void rejectsNodeIdOutOfRange() {
    assertThatThrownBy(() -> new MessageIdGenerator(1024, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
