package io.vasgate.loadtest.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineCpuClockTest {

  @Test
  void countsBusyFieldsOfTheAggregateLineOnly() {
    // user nice system idle iowait irq softirq steal guest guest_nice
    List<String> stat =
        List.of(
            "cpu  1000 20 300 999999 888 4 50 6 7000 8000",
            "cpu0 1 1 1 1 1 1 1 1 1 1",
            "intr 12345");

    // 1000 + 20 + 300 + 4 + 50 + 6 = 1380 ticks of 10 ms; idle, iowait and guest time are not.
    assertThat(MachineCpuClock.parse(stat)).isEqualTo(13_800_000_000L);
  }

  @Test
  void rejectsAStatWithoutAggregateLine() {
    assertThatThrownBy(() -> MachineCpuClock.parse(List.of("cpu0 1 2 3 4")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MachineCpuClock.parse(List.of("cpu  1 x 3 4")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void advancesWithTheMachine() {
    MachineCpuClock clock = MachineCpuClock.ofThisMachine();
    if (clock == null) {
      return; // not Linux
    }
    long before = clock.cpuNanos();
    long spin = System.nanoTime() + 50_000_000;
    long sink = 0;
    while (System.nanoTime() < spin) {
      sink += sink * 31 + 7;
    }
    assertThat(clock.cpuNanos()).as("sink %s", sink).isGreaterThan(before);
  }
}
