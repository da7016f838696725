package io.vasgate.loadtest.mo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HandsetPoolTest {

  private static final Duration THINK = Duration.ofSeconds(1);
  private static final long T0 = 1_000_000_000L;

  private static HandsetPool pool(int size, long seed) {
    return new HandsetPool(size, HandsetPool.DEFAULT_PREFIX, CommandMix.standard(), seed, THINK);
  }

  @Test
  void everyHandsetHasItsOwnThirteenDigitNumber() {
    HandsetPool pool = pool(1000, 1);
    Set<String> numbers = new HashSet<>();
    Handset h;
    while ((h = pool.takeIdle(T0)) != null) {
      assertThat(h.number()).matches("86139[0-9]{8}");
      assertThat(pool.byNumber(h.number())).isSameAs(h);
      numbers.add(h.number());
    }
    assertThat(numbers).hasSize(1000);
    assertThat(pool.byNumber("8613800000000")).isNull();
  }

  @Test
  void aHandsetIsHandedOutAgainOnlyAfterItIsReleasedAndAfterEveryOtherIdleOne() {
    HandsetPool pool = pool(3, 1);
    Handset a = pool.takeIdle(T0);
    Handset b = pool.takeIdle(T0);
    Handset c = pool.takeIdle(T0);
    assertThat(pool.takeIdle(T0)).isNull();

    pool.release(b, T0);
    pool.release(a, T0);

    assertThat(pool.takeIdle(T0)).isSameAs(b);
    assertThat(pool.takeIdle(T0)).isSameAs(a);
    assertThat(pool.takeIdle(T0)).isNull();
    assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
  }

  @Test
  void aQuarantinedHandsetNeverComesBack() {
    HandsetPool pool = pool(2, 1);
    Handset h = pool.takeIdle(T0);

    pool.quarantine(h);
    pool.quarantine(h);

    assertThat(pool.quarantined()).isEqualTo(1);
    assertThatThrownBy(() -> pool.release(h, T0)).isInstanceOf(IllegalStateException.class);
    assertThat(pool.idle()).isEqualTo(1);
  }

  @Test
  void aHandsetInTheMiddleOfAScriptGoesFirstOnceItsThinkTimeHasPassed() {
    CommandMix twoSteps =
        new CommandMix(
            List.of(
                new CommandMix.Script(
                    "order-confirm",
                    1,
                    List.of(
                        new CommandMix.Step(CommandMix.TQ_NUMBER, "KT TQ", List.of("天气")),
                        new CommandMix.Step(CommandMix.TQ_NUMBER, "是", List.of("天气"))))));
    HandsetPool pool = new HandsetPool(3, HandsetPool.DEFAULT_PREFIX, twoSteps, 1, THINK);
    Handset ordered = pool.takeIdle(T0);
    Handset done = pool.takeIdle(T0);
    ordered.advance(pool.mix(), pool.random());

    pool.release(ordered, T0);
    pool.release(done, T0);

    assertThat(ordered.midScript()).isTrue();
    assertThat(done.midScript()).isFalse();
    // Still thinking: a handset starting a script goes instead.
    Handset starting = pool.takeIdle(T0 + THINK.toNanos() - 1);
    assertThat(starting).isNotSameAs(ordered).isNotSameAs(done);
    // Thought long enough: it goes before the one that finished its script.
    assertThat(pool.takeIdle(T0 + THINK.toNanos())).isSameAs(ordered);
    assertThat(pool.takeIdle(T0 + THINK.toNanos())).isSameAs(done);
    assertThat(pool.idle()).isZero();
  }

  @Test
  void theSameSeedGivesTheSameLoad() {
    HandsetPool one = pool(500, 9);
    HandsetPool two = pool(500, 9);
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Handset x = one.takeIdle(T0);
      Handset y = two.takeIdle(T0);
      first.add(x.number() + x.script().name());
      second.add(y.number() + y.script().name());
    }
    assertThat(first).isEqualTo(second);
  }

  @Test
  void aHandsetWorksThroughItsScriptThenPicksAnother() {
    HandsetPool pool = pool(1, 5);
    Handset h = pool.takeIdle(T0);
    CommandMix.Script script = h.script();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < script.steps().size(); i++) {
      texts.add(h.currentStep().text());
      h.advance(pool.mix(), pool.random());
    }
    assertThat(texts).isEqualTo(script.steps().stream().map(CommandMix.Step::text).toList());
    assertThat(h.currentStep()).isSameAs(h.script().steps().get(0));
  }

  @Property(tries = 50)
  void aHandsetNeverRepeatsAReferenceWithin65536Messages(
      @ForAll @IntRange(min = 0, max = 0xFFFF) int first) {
    Handset h = new Handset("8613900000000", CommandMix.standard().scripts().get(0), first);
    boolean[] seen = new boolean[Handset.MAX_REFERENCE + 1];
    int repeats = 0;
    for (int i = 0; i <= Handset.MAX_REFERENCE; i++) {
      int ref = h.nextReference();
      if (seen[ref]) {
        repeats++;
      }
      seen[ref] = true;
    }
    assertThat(repeats).isZero();
    assertThat(h.nextReference()).isEqualTo((first + 1) & Handset.MAX_REFERENCE);
  }
}
