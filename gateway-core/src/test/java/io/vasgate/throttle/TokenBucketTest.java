package io.vasgate.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void allowsOneSecondsBurstThenRefusesUntilTimePasses() {
    TokenBucket bucket = new TokenBucket(100, now::get);
    int granted = 0;
    while (bucket.tryAcquire(1)) {
      granted++;
    }
    assertThat(granted).isEqualTo(100);
    now.addAndGet(10_000_000L); // 10 ms refill one permit at 100/s
    assertThat(bucket.tryAcquire(1)).isTrue();
    assertThat(bucket.tryAcquire(1)).isFalse();
  }

  @Test
  void sustainedRateMatchesTheContract() {
    TokenBucket bucket = new TokenBucket(50, now::get);
    while (bucket.tryAcquire(1)) {}
    int granted = 0;
    for (int ms = 0; ms < 10_000; ms++) {
      now.addAndGet(1_000_000L);
      if (bucket.tryAcquire(1)) {
        granted++;
      }
    }
    assertThat(granted).isBetween(499, 501);
  }

  @Test
  void idleTimeNeverBuildsMoreThanOneSecondOfCredit() {
    TokenBucket bucket = new TokenBucket(10, now::get);
    now.addAndGet(3_600_000_000_000L);
    int granted = 0;
    while (bucket.tryAcquire(1)) {
      granted++;
    }
    assertThat(granted).isEqualTo(10);
  }

  @Test
  void multipartMessagesCostOnePermitPerPart() {
    TokenBucket bucket = new TokenBucket(10, now::get);
    assertThat(bucket.tryAcquire(7)).isTrue();
    assertThat(bucket.tryAcquire(4)).isFalse();
    assertThat(bucket.tryAcquire(3)).isTrue();
  }
}
