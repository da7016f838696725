package io.vasgate.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.sms.ReassemblyResult.Completed;
import io.vasgate.sms.ReassemblyResult.Duplicate;
import io.vasgate.sms.ReassemblyResult.Pending;
import io.vasgate.sms.ReassemblyResult.Rejected;
import io.vasgate.sms.ReassemblyResult.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReassemblerTest {

  private static final String ORIGIN = "smsc1|8613800138000|1065888012";

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final List<ExpiredGroup> expired = new ArrayList<>();
  private final Reassembler reassembler =
      new Reassembler(
          new ReassemblyConfig(Duration.ofSeconds(60), 3, 10, 254), clock::get, expired::add);

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_16BE);
  }

  @Test
  void completesPartsArrivingInOrder() {
    assertThat(reassembler.offer(ORIGIN, 7, 3, 1, bytes("你好")))
        .isEqualTo(new Pending(new PartGroupKey(ORIGIN, 7, 3), 1));
    assertThat(reassembler.offer(ORIGIN, 7, 3, 2, bytes("，世界"))).isInstanceOf(Pending.class);
    ReassemblyResult last = reassembler.offer(ORIGIN, 7, 3, 3, bytes("！"));
    ReassembledMessage message = last.completed().orElseThrow();
    assertThat(new String(message.payload(), StandardCharsets.UTF_16BE)).isEqualTo("你好，世界！");
    assertThat(message.key()).isEqualTo(new PartGroupKey(ORIGIN, 7, 3));
    assertThat(message.parts()).hasSize(3);
    assertThat(reassembler.pendingGroups()).isZero();
  }

  @Test
  void completesPartsArrivingOutOfOrderInSequenceOrder() {
    reassembler.offer(ORIGIN, 7, 3, 3, bytes("C"));
    reassembler.offer(ORIGIN, 7, 3, 1, bytes("A"));
    ReassemblyResult result = reassembler.offer(ORIGIN, 7, 3, 2, bytes("B"));
    assertThat(result).isInstanceOf(Completed.class);
    assertThat(new String(result.completed().orElseThrow().payload(), StandardCharsets.UTF_16BE))
        .isEqualTo("ABC");
  }

  @Test
  void ucs2CharacterSplitAcrossPartsIsWholeAfterConcatenation() throws Exception {
    // some senders cut a surrogate pair (or even a UCS2 octet pair) at the part boundary
    byte[] all = bytes("a😀");
    reassembler.offer(ORIGIN, 1, 2, 1, Arrays.copyOfRange(all, 0, 3));
    byte[] payload =
        reassembler
            .offer(ORIGIN, 1, 2, 2, Arrays.copyOfRange(all, 3, 6))
            .completed()
            .orElseThrow()
            .payload();
    assertThat(SmsCharset.STANDARD.decode(0x08, payload)).isEqualTo("a😀");
  }

  @Test
  void ignoresDuplicatesOfTheSameSequenceAndKeepsTheFirstCopy() {
    reassembler.offer(ORIGIN, 7, 2, 1, bytes("first"));
    assertThat(reassembler.offer(ORIGIN, 7, 2, 1, bytes("again")))
        .isEqualTo(new Duplicate(new PartGroupKey(ORIGIN, 7, 2), 1));
    byte[] payload =
        reassembler.offer(ORIGIN, 7, 2, 2, bytes("+second")).completed().orElseThrow().payload();
    assertThat(new String(payload, StandardCharsets.UTF_16BE)).isEqualTo("first+second");
  }

  /**
   * An SMSC that lost our deliver_sm_resp resends parts; the whole message must not be delivered
   * twice.
   */
  @Test
  void partsResentAfterCompletionAreDuplicatesUntilTheRetentionEnds() {
    reassembler.offer(ORIGIN, 7, 2, 1, bytes("a"));
    assertThat(reassembler.offer(ORIGIN, 7, 2, 2, bytes("b"))).isInstanceOf(Completed.class);
    assertThat(reassembler.offer(ORIGIN, 7, 2, 1, bytes("a")))
        .isEqualTo(new Duplicate(new PartGroupKey(ORIGIN, 7, 2), 1));
    assertThat(reassembler.offer(ORIGIN, 7, 2, 2, bytes("b"))).isInstanceOf(Duplicate.class);
    assertThat(reassembler.pendingGroups()).isZero();

    clock.addAndGet(Duration.ofSeconds(60).toNanos());
    assertThat(reassembler.offer(ORIGIN, 7, 2, 1, bytes("new"))).isInstanceOf(Pending.class);
  }

  @Test
  void zeroRetentionForgetsCompletedGroupsAtOnce() {
    Reassembler forgetful =
        new Reassembler(
            new ReassemblyConfig(Duration.ofSeconds(60), 3, 10, 254, Duration.ZERO),
            clock::get,
            expired::add);
    forgetful.offer(ORIGIN, 7, 2, 1, bytes("a"));
    forgetful.offer(ORIGIN, 7, 2, 2, bytes("b"));
    assertThat(forgetful.offer(ORIGIN, 7, 2, 1, bytes("a"))).isInstanceOf(Pending.class);
  }

  @Test
  void keepsGroupsOfDifferentOriginatorsReferencesAndTotalsApart() {
    reassembler.offer(ORIGIN, 7, 2, 1, bytes("a"));
    reassembler.offer("other", 7, 2, 1, bytes("b"));
    reassembler.offer(ORIGIN, 8, 2, 1, bytes("c"));
    assertThat(reassembler.pendingGroups()).isEqualTo(3);
    assertThat(reassembler.offer(ORIGIN, 7, 3, 2, bytes("d")))
        .isEqualTo(new Rejected(Rejection.PENDING_GROUPS_FULL, "3 groups pending"));
    assertThat(reassembler.offer("other", 7, 2, 2, bytes("e"))).isInstanceOf(Completed.class);
  }

  @Test
  void singlePartGroupCompletesAtOnceWithoutBeingHeld() {
    assertThat(reassembler.offer(ORIGIN, 1, 1, 1, bytes("x"))).isInstanceOf(Completed.class);
    assertThat(reassembler.pendingGroups()).isZero();
  }

  @Test
  void acceptsPartsStraightFromAParsedUdh() throws Exception {
    Udh first = Udh.parse(Hex.bytes("050003A70201 4869"));
    Udh second = Udh.parse(Hex.bytes("050003A70202 2121"));
    reassembler.offer(ORIGIN, first.concatenation().orElseThrow(), first.payload());
    ReassembledMessage message =
        reassembler
            .offer(ORIGIN, second.concatenation().orElseThrow(), second.payload())
            .completed()
            .orElseThrow();
    assertThat(SmsCharset.STANDARD.decode(0x00, message.payload())).isEqualTo("Hi!!");
    assertThat(message.reference()).isEqualTo(0xA7);
  }

  @Test
  void expiresIncompleteGroupsAfterTheTimeoutAndReportsThem() {
    reassembler.offer(ORIGIN, 7, 3, 2, bytes("B"));
    clock.addAndGet(Duration.ofSeconds(30).toNanos());
    reassembler.offer(ORIGIN, 9, 2, 1, bytes("X"));
    clock.addAndGet(Duration.ofSeconds(30).toNanos() - 1);
    assertThat(reassembler.expireOverdue()).isZero();
    assertThat(expired).isEmpty();

    clock.incrementAndGet();
    assertThat(reassembler.expireOverdue()).isEqualTo(1);
    assertThat(expired)
        .singleElement()
        .satisfies(
            group -> {
              assertThat(group.key()).isEqualTo(new PartGroupKey(ORIGIN, 7, 3));
              assertThat(group.receivedSequences()).containsExactly(2);
              assertThat(group.missingSequences()).containsExactly(1, 3);
              assertThat(group.receivedOctets()).isEqualTo(2);
              assertThat(group.expiredNanos() - group.firstPartNanos())
                  .isEqualTo(Duration.ofSeconds(60).toNanos());
            });
    assertThat(reassembler.pendingGroups()).isEqualTo(1);
  }

  @Test
  void lateGroupIsExpiredWhenAPartArrivesAndTheLatePartStartsAfresh() {
    reassembler.offer(ORIGIN, 7, 2, 1, bytes("A"));
    clock.addAndGet(Duration.ofSeconds(61).toNanos());
    assertThat(reassembler.offer(ORIGIN, 7, 2, 2, bytes("B")))
        .isEqualTo(new Pending(new PartGroupKey(ORIGIN, 7, 2), 1));
    assertThat(expired).extracting(ExpiredGroup::receivedSequences).containsExactly(List.of(1));
  }

  @Test
  void expiryFreesRoomForNewGroups() {
    for (int ref = 0; ref < 3; ref++) {
      reassembler.offer(ORIGIN, ref, 2, 1, bytes("a"));
    }
    assertThat(reassembler.offer(ORIGIN, 3, 2, 1, bytes("a")))
        .isInstanceOfSatisfying(
            Rejected.class,
            r -> assertThat(r.rejection()).isEqualTo(Rejection.PENDING_GROUPS_FULL));
    clock.addAndGet(Duration.ofMinutes(1).toNanos());
    assertThat(reassembler.offer(ORIGIN, 3, 2, 1, bytes("a"))).isInstanceOf(Pending.class);
    assertThat(expired).hasSize(3);
  }

  @Test
  void aFailingExpiryListenerDoesNotStopTheOthersOrTheCaller() {
    AtomicInteger calls = new AtomicInteger();
    Reassembler failing =
        new Reassembler(
            ReassemblyConfig.defaults(),
            clock::get,
            group -> {
              calls.incrementAndGet();
              throw new IllegalStateException("listener bug");
            });
    failing.offer(ORIGIN, 1, 2, 1, bytes("a"));
    failing.offer(ORIGIN, 2, 2, 1, bytes("a"));
    clock.addAndGet(ReassemblyConfig.DEFAULT_TIMEOUT.toNanos());
    assertThat(failing.expireOverdue()).isEqualTo(2);
    assertThat(calls).hasValue(2);
  }

  @Test
  void rejectsPartsBeyondTheCapsOrOutOfRange() {
    assertThat(reassembler.offer(ORIGIN, 1, 11, 1, bytes("a")))
        .isInstanceOfSatisfying(
            Rejected.class, r -> assertThat(r.rejection()).isEqualTo(Rejection.TOO_MANY_PARTS));
    assertThat(reassembler.offer(ORIGIN, 1, 2, 1, new byte[255]))
        .isInstanceOfSatisfying(
            Rejected.class, r -> assertThat(r.rejection()).isEqualTo(Rejection.PART_TOO_LARGE));
    assertThat(reassembler.offer(ORIGIN, 1, 2, 3, bytes("a")))
        .isInstanceOfSatisfying(
            Rejected.class, r -> assertThat(r.rejection()).isEqualTo(Rejection.INVALID_PART));
    assertThat(reassembler.offer(ORIGIN, 1, 2, 0, bytes("a")))
        .isInstanceOfSatisfying(
            Rejected.class, r -> assertThat(r.rejection()).isEqualTo(Rejection.INVALID_PART));
    assertThat(reassembler.offer(ORIGIN, 0x10000, 2, 1, bytes("a")))
        .isInstanceOfSatisfying(
            Rejected.class, r -> assertThat(r.rejection()).isEqualTo(Rejection.INVALID_PART));
    assertThat(reassembler.pendingGroups()).isZero();
  }

  @Test
  void sharedAcrossThreadsEveryGroupCompletesExactlyOnce() throws Exception {
    Reassembler shared = new Reassembler(ReassemblyConfig.defaults(), clock::get, expired::add);
    int groups = 200;
    int total = 5;
    AtomicInteger completed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    try {
      for (int seq = 1; seq <= total; seq++) {
        int sequence = seq;
        workers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int ref = 0; ref < groups; ref++) {
                    if (shared.offer(ORIGIN, ref, total, sequence, new byte[] {(byte) sequence})
                        instanceof Completed done) {
                      assertThat(done.message().payload()).containsExactly(1, 2, 3, 4, 5);
                      completed.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(completed).hasValue(groups);
    assertThat(shared.pendingGroups()).isZero();
    assertThat(expired).isEmpty();
  }

  @Test
  void configRejectsContradictions() {
    assertThatThrownBy(() -> new ReassemblyConfig(Duration.ZERO, 1, 2, 254))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> new ReassemblyConfig(Duration.ofSeconds(1), 1, 256, 254))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPartsPerGroup");
  }
}
