package io.vasgate.loadtest.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class InFlightRequestsTest {

  @Test
  void returnsTimeInFlightOfAnsweredRequest() {
    InFlightRequests inFlight = new InFlightRequests(10);
    assertThat(inFlight.add(7, 1_000)).isTrue();
    assertThat(inFlight.add(8, 1_500)).isTrue();

    assertThat(inFlight.complete(8, 4_000)).isEqualTo(2_500);
    assertThat(inFlight.complete(7, 4_000)).isEqualTo(3_000);
    assertThat(inFlight.size()).isZero();
  }

  @Test
  void measuresAcrossNegativeNanoTimes() {
    InFlightRequests inFlight = new InFlightRequests(1);
    inFlight.add(1, -5_000);

    assertThat(inFlight.complete(1, -1_000)).isEqualTo(4_000);
  }

  @Test
  void rejectsResponsesToNothingInFlight() {
    InFlightRequests inFlight = new InFlightRequests(4);
    inFlight.add(3, 10);

    assertThat(inFlight.complete(4, 20)).isEqualTo(-1);
    assertThat(inFlight.complete(3, 20)).isEqualTo(10);
    assertThat(inFlight.complete(3, 30)).as("duplicate response").isEqualTo(-1);
    assertThat(inFlight.complete(0, 30)).isEqualTo(-1);
  }

  /**
   * Regression: the first version forgot a request once 128 later ones (window 2) had been
   * answered, so a jSMPP worker thread descheduled for a few milliseconds made a valid run count
   * "lost responses".
   */
  @Test
  void matchesARequestOvertakenByAnyNumberOfLaterOnes() {
    InFlightRequests inFlight = new InFlightRequests(2);
    inFlight.add(1, 0);

    for (int sequence = 2; sequence < 100_000; sequence++) {
      assertThat(inFlight.add(sequence, sequence)).isTrue();
      assertThat(inFlight.complete(sequence, sequence + 1)).isEqualTo(1);
    }

    assertThat(inFlight.complete(1, 123_456)).isEqualTo(123_456);
    assertThat(inFlight.size()).isZero();
  }

  @Test
  void reportsASequenceNumberStillInFlight() {
    InFlightRequests inFlight = new InFlightRequests(4);
    inFlight.add(5, 0);

    assertThat(inFlight.add(5, 7)).isFalse();
    assertThat(inFlight.size()).isEqualTo(1);
    assertThat(inFlight.complete(5, 10)).isEqualTo(3);
  }

  @Test
  void rejectsReservedSequenceNumberEmptyWindowAndOverflow() {
    assertThatThrownBy(() -> new InFlightRequests(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InFlightRequests(1).add(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    InFlightRequests full = new InFlightRequests(1);
    for (int i = 1; i < full.capacity(); i++) {
      full.add(i, i);
    }
    assertThatThrownBy(() -> full.add(full.capacity(), 0))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Any interleaving of sends and out-of-order answers agrees with a plain map. */
  @Property
  void agreesWithAMapWhateverTheAnswerOrder(
      @ForAll @IntRange(min = 1, max = 200) int window,
      @ForAll @Size(max = 3_000) List<@IntRange(min = 0, max = 1_000_000) Integer> choices,
      @ForAll @IntRange(min = 1, max = 0x7FFF_FFFF) int firstSequence) {
    InFlightRequests inFlight = new InFlightRequests(window);
    Map<Integer, Long> model = new HashMap<>();
    List<Integer> waiting = new ArrayList<>();
    int next = firstSequence;
    long now = 0;
    for (int choice : choices) {
      now++;
      boolean send = waiting.isEmpty() || (waiting.size() < window && choice % 2 == 0);
      if (send) {
        assertThat(inFlight.add(next, now)).isTrue();
        model.put(next, now);
        waiting.add(next);
        next = next == 0x7FFF_FFFF ? 1 : next + 1;
      } else {
        int sequence = waiting.remove(choice % waiting.size());
        assertThat(inFlight.complete(sequence, now)).isEqualTo(now - model.remove(sequence));
      }
      assertThat(inFlight.size()).isEqualTo(model.size());
    }
    for (int sequence : waiting) {
      assertThat(inFlight.complete(sequence, now)).isEqualTo(now - model.get(sequence));
    }
    assertThat(inFlight.size()).isZero();
  }
}
