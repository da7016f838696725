package io.vasgate.billing.charging.boss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.billing.charging.ManualInstantSource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private static final Duration COOL_DOWN = Duration.ofSeconds(10);

  private final ManualInstantSource clock =
      new ManualInstantSource(Instant.parse("2024-05-01T00:00:00Z"));
  private final CircuitBreaker breaker = new CircuitBreaker("test", 3, COOL_DOWN, clock);

  @Test
  void staysClosedWhileFailuresAreNotConsecutive() {
    for (int i = 0; i < 10; i++) {
      assertThat(breaker.tryAcquire()).isTrue();
      breaker.onFailure();
      assertThat(breaker.tryAcquire()).isTrue();
      breaker.onFailure();
      assertThat(breaker.tryAcquire()).isTrue();
      breaker.onSuccess();
    }
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void opensOnTheThresholdthConsecutiveFailureAndRefusesUntilTheCoolDownHasPassed() {
    failTimes(3);

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    clock.advance(COOL_DOWN.minusNanos(1));
    assertThat(breaker.tryAcquire()).isFalse();
    clock.advance(Duration.ofNanos(1));
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
  }

  @Test
  void letsExactlyOneTrialThroughWhileHalfOpen() {
    failTimes(3);
    clock.advance(COOL_DOWN);

    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.tryAcquire()).isFalse();
  }

  @Test
  void closesWhenTheTrialSucceeds() {
    failTimes(3);
    clock.advance(COOL_DOWN);
    breaker.tryAcquire();

    breaker.onSuccess();

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void reopensForAFullCoolDownWhenTheTrialFails() {
    failTimes(3);
    clock.advance(COOL_DOWN);
    breaker.tryAcquire();
    clock.advance(Duration.ofSeconds(4));

    breaker.onFailure();

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    clock.advance(COOL_DOWN.minusMillis(1));
    assertThat(breaker.tryAcquire()).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void needsAFreshRunOfFailuresAfterClosingAgain() {
    failTimes(3);
    clock.advance(COOL_DOWN);
    breaker.tryAcquire();
    breaker.onSuccess();

    failTimes(2);

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void ignoresLateFailuresOfRequestsSentBeforeItOpened() {
    failTimes(3);
    clock.advance(Duration.ofSeconds(9));

    breaker.onFailure();
    clock.advance(Duration.ofSeconds(1));

    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void refusesNonsensicalSettings() {
    assertThatThrownBy(() -> new CircuitBreaker("x", 0, COOL_DOWN, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failureThreshold");
    assertThatThrownBy(() -> new CircuitBreaker("x", 1, Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coolDown");
  }

  private void failTimes(int n) {
    for (int i = 0; i < n; i++) {
      assertThat(breaker.tryAcquire()).isTrue();
      breaker.onFailure();
    }
  }
}
