package io.vasgate.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BindFailureThrottleTest {

  private final ManualClock clock = new ManualClock();
  private final BindFailureThrottle throttle =
      new BindFailureThrottle(BindFailureThrottle.Policy.DEFAULT, clock);

  @Test
  void firstFailuresAreFreeThenDelaysDoubleUpToTheCap() throws Exception {
    InetAddress peer = InetAddress.getByName("203.0.113.7");
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      delays.add(throttle.recordFailure(peer).toMillis());
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(delays).containsExactly(0L, 0L, 250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L);
    assertThat(throttle.recentFailures(peer)).isEqualTo(9);
  }

  @Test
  void anotherAddressIsNotSlowedDown() throws Exception {
    InetAddress attacker = InetAddress.getByName("203.0.113.7");
    for (int i = 0; i < 6; i++) {
      throttle.recordFailure(attacker);
    }

    InetAddress bystander = InetAddress.getByName("203.0.113.8");
    assertThat(throttle.recordFailure(bystander)).isZero();
    assertThat(throttle.recentFailures(bystander)).isEqualTo(1);
  }

  @Test
  void addressThatStaysQuietIsForgotten() throws Exception {
    InetAddress peer = InetAddress.getByName("203.0.113.7");
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure(peer);
    }

    clock.advance(Duration.ofMinutes(10).minusMillis(1));
    assertThat(throttle.recentFailures(peer)).isEqualTo(5);

    clock.advance(Duration.ofMillis(1));
    assertThat(throttle.recentFailures(peer)).isZero();
    assertThat(throttle.recordFailure(peer)).isZero();
  }

  @Test
  void quietPeriodCountsFromTheLastFailure() throws Exception {
    InetAddress peer = InetAddress.getByName("203.0.113.7");
    throttle.recordFailure(peer);
    throttle.recordFailure(peer);
    clock.advance(Duration.ofMinutes(9));

    assertThat(throttle.recordFailure(peer)).isEqualTo(Duration.ofMillis(250));
    clock.advance(Duration.ofMinutes(9));
    assertThat(throttle.recordFailure(peer)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void ipv6AddressesOfOneSlash64ShareACount() throws Exception {
    for (int i = 1; i <= 3; i++) {
      throttle.recordFailure(InetAddress.getByName("2001:db8:1:2::" + i));
    }

    assertThat(throttle.recordFailure(InetAddress.getByName("2001:db8:1:2:ffff::9")))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(throttle.recordFailure(InetAddress.getByName("2001:db8:1:3::1"))).isZero();
  }

  @Test
  void policyRejectsACapBelowTheFirstDelay() {
    assertThatThrownBy(
            () ->
                new BindFailureThrottle.Policy(
                    2, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDelay");
    assertThatThrownBy(
            () ->
                new BindFailureThrottle.Policy(
                    -1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1)))
        .hasMessageContaining("freeFailures");
  }

  @Property(tries = 200)
  void delaysNeverShrinkAsFailuresGrowAndNeverPassTheCap(
      @ForAll @IntRange(min = 0, max = 1_000_000) int failures) {
    BindFailureThrottle.Policy policy = BindFailureThrottle.Policy.DEFAULT;
    Duration now = policy.delayAfter(failures);
    Duration next = policy.delayAfter(failures + 1);

    assertThat(next).isGreaterThanOrEqualTo(now);
    assertThat(next).isLessThanOrEqualTo(policy.maxDelay());
    assertThat(policy.delayAfter(Integer.MAX_VALUE)).isEqualTo(policy.maxDelay());
  }
}
