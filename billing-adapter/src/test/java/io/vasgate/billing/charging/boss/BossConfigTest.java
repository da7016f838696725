package io.vasgate.billing.charging.boss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BossConfigTest {

  private static final URI BOSS = URI.create("http://boss.example:8080/api");

  @Example
  void defaultsAreValidAndResolveOperationsUnderTheBase() {
    BossConfig config = BossConfig.defaults(BOSS);

    assertThat(config.resolve("charge"))
        .isEqualTo(URI.create("http://boss.example:8080/api/charge"));
    assertThat(BossConfig.defaults(URI.create("https://boss.example/api/")).resolve("refund"))
        .isEqualTo(URI.create("https://boss.example/api/refund"));
  }

  @Property
  void backoffDoublesFromTheInitialWaitAndNeverExceedsTheMaximum(
      @ForAll @IntRange(min = 1, max = 10) int failedAttempt,
      @ForAll @IntRange(min = 0, max = 1000) int initialMillis,
      @ForAll @IntRange(min = 0, max = 5000) int extraMillis) {
    Duration initial = Duration.ofMillis(initialMillis);
    Duration max = initial.plusMillis(extraMillis);
    BossConfig config =
        new BossConfig(BOSS, Duration.ofSeconds(1), 10, initial, max, 5, Duration.ofSeconds(1));

    Duration expected = initial.multipliedBy(1L << (failedAttempt - 1));
    assertThat(config.backoff(failedAttempt))
        .isEqualTo(expected.compareTo(max) > 0 ? max : expected);
  }

  @Example
  void namesTheKeyOfEachBadValue() {
    assertRejected("ftp://boss/", Duration.ofSeconds(1), 3, 100, 200, 5, "billing.boss.baseUri");
    assertRejected("/relative", Duration.ofSeconds(1), 3, 100, 200, 5, "billing.boss.baseUri");
    assertRejected(
        "http://boss/", Duration.ofMillis(1), 3, 100, 200, 5, "billing.boss.requestTimeout");
    assertRejected(
        "http://boss/", Duration.ofSeconds(1), 0, 100, 200, 5, "billing.boss.maxAttempts");
    assertRejected(
        "http://boss/", Duration.ofSeconds(1), 11, 100, 200, 5, "billing.boss.maxAttempts");
    assertRejected(
        "http://boss/", Duration.ofSeconds(1), 3, -1, 200, 5, "billing.boss.initialBackoff");
    assertRejected(
        "http://boss/", Duration.ofSeconds(1), 3, 300, 200, 5, "billing.boss.maxBackoff");
    assertRejected(
        "http://boss/",
        Duration.ofSeconds(1),
        3,
        100,
        200,
        0,
        "billing.boss.breakerFailureThreshold");
    assertThatThrownBy(
            () ->
                new BossConfig(
                    BOSS, Duration.ofSeconds(1), 3, Duration.ZERO, Duration.ZERO, 5, Duration.ZERO))
        .hasMessageContaining("billing.boss.breakerCoolDown");
  }

  private static void assertRejected(
      String uri,
      Duration timeout,
      int attempts,
      long initialMillis,
      long maxMillis,
      int threshold,
      String key) {
    assertThatThrownBy(
            () ->
                new BossConfig(
                    URI.create(uri),
                    timeout,
                    attempts,
                    Duration.ofMillis(initialMillis),
                    Duration.ofMillis(maxMillis),
                    threshold,
                    Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key);
  }
}
