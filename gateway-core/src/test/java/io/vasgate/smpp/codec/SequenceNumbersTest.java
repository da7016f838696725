package io.vasgate.smpp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

  @Test
  void startsAtOne() {
    SequenceNumbers numbers = new SequenceNumbers();

    assertThat(numbers.next()).isEqualTo(1);
    assertThat(numbers.next()).isEqualTo(2);
  }

  @Test
  void wrapsFromTheLargestNumberBackToOne() {
    SequenceNumbers numbers = new SequenceNumbers(0x7FFFFFFE);

    assertThat(numbers.next()).isEqualTo(0x7FFFFFFE);
    assertThat(numbers.next()).isEqualTo(0x7FFFFFFF);
    assertThat(numbers.next()).isEqualTo(1);
    assertThat(numbers.next()).isEqualTo(2);
  }

  @Test
  void refusesToStartOutsideTheRange() {
    assertThatThrownBy(() -> new SequenceNumbers(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SequenceNumbers(-5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void handsOutEachNumberOnceAcrossThreads() throws Exception {
    SequenceNumbers numbers = new SequenceNumbers(0x7FFFFFFF - 5_000);
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    int threads = 4;
    int perThread = 5_000;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        pool.execute(
            () -> {
              try {
                start.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              for (int i = 0; i < perThread; i++) {
                seen.add(numbers.next());
              }
            });
      }
      start.countDown();
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(seen).hasSize(threads * perThread);
    assertThat(seen).allSatisfy(n -> assertThat(n).isBetween(1, 0x7FFFFFFF));
    assertThat(seen).contains(0x7FFFFFFF, 1);
  }
}
