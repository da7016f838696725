package io.vasgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.SelectStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The spin-before-block decisions, driven by a hand-set clock and a scripted poll result. */
class BusyPollSelectStrategyTest {

  private static final long BUDGET = 100_000; // 100 µs

  private long now = 1_000_000_000L;
  private int ready;
  private int polls;
  private int pauses;
  private final BusyPollSelectStrategy strategy =
      new BusyPollSelectStrategy(BUDGET, () -> now, () -> pauses++);

  private int turn(boolean hasTasks) throws Exception {
    return strategy.calculateStrategy(
        () -> {
          polls++;
          return ready;
        },
        hasTasks);
  }

  /** Brings the strategy to "busy at {@link #now}": a poll found one event. */
  private void busyNow() throws Exception {
    ready = 1;
    assertThat(turn(false)).isEqualTo(1);
    ready = 0;
  }

  @Test
  void handsOverReadyEventsWithoutBlocking() throws Exception {
    ready = 3;
    assertThat(turn(false)).isEqualTo(3);
    assertThat(polls).isEqualTo(1);
  }

  @Test
  void keepsPollingWithinTheBudgetAfterIoWasFound() throws Exception {
    busyNow();
    now += BUDGET - 1;
    assertThat(turn(false)).isZero();
  }

  @Test
  void yieldsBetweenPollsThatFindNothingButNotAfterFindingIoOrWithTasks() throws Exception {
    busyNow();
    assertThat(pauses).isZero();
    assertThat(turn(false)).isZero();
    assertThat(pauses).isEqualTo(1);
    assertThat(turn(true)).isZero();
    assertThat(pauses).isEqualTo(1);
    now += BUDGET;
    assertThat(turn(false)).isEqualTo(SelectStrategy.SELECT);
    assertThat(pauses).isEqualTo(1);
  }

  @Test
  void blocksOnceTheBudgetHasPassedWithNothingReady() throws Exception {
    busyNow();
    now += BUDGET;
    assertThat(turn(false)).isEqualTo(SelectStrategy.SELECT);
  }

  @Test
  void foundIoStartsAFreshBudget() throws Exception {
    busyNow();
    now += BUDGET - 1;
    busyNow();
    now += BUDGET - 1;
    assertThat(turn(false)).isZero();
    now += 1;
    assertThat(turn(false)).isEqualTo(SelectStrategy.SELECT);
  }

  @Test
  void comingBackFromABlockingWaitCountsAsBusy() throws Exception {
    busyNow();
    now += BUDGET;
    assertThat(turn(false)).isEqualTo(SelectStrategy.SELECT);
    // The loop blocked and something woke it: the events it handled are invisible here, so the
    // next turn polls and a full budget of polling follows.
    now += 5_000_000;
    assertThat(turn(false)).isZero();
    now += BUDGET - 1;
    assertThat(turn(false)).isZero();
    now += 1;
    assertThat(turn(false)).isEqualTo(SelectStrategy.SELECT);
  }

  @Test
  void aLoopWithTasksNeverBlocksButStillPolls() throws Exception {
    busyNow();
    now += 10 * BUDGET;
    assertThat(turn(true)).isZero();
    ready = 2;
    assertThat(turn(true)).isEqualTo(2);
  }

  @Test
  void anIdleLoopPollsForOneBudgetAndThenBlocks() throws Exception {
    busyNow();
    int zeroTurns = 0;
    int answer;
    // One turn per microsecond with nothing ever ready: it must give up after the budget.
    while ((answer = turn(false)) == 0) {
      zeroTurns++;
      now += 1_000;
      assertThat(zeroTurns).isLessThanOrEqualTo(1_000);
    }
    assertThat(answer).isEqualTo(SelectStrategy.SELECT);
    assertThat(zeroTurns).isEqualTo(100);
  }

  @Test
  void theFirstTurnOfANewLoopCountsAsBusy() throws Exception {
    assertThat(turn(false)).isZero();
    now += BUDGET;
    assertThat(turn(false)).isEqualTo(SelectStrategy.SELECT);
  }

  @Test
  void rejectsANonPositiveBudget() {
    assertThatThrownBy(() -> new BusyPollSelectStrategy(0, () -> 0, () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new BusyPollSelectStrategyFactory(Duration.ofNanos(-1), System::nanoTime))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zeroBudgetFactoryGivesNettysBlockAtOnceStrategy() throws Exception {
    SelectStrategy plain =
        new BusyPollSelectStrategyFactory(Duration.ZERO, () -> now).newSelectStrategy();
    assertThat(plain).isNotInstanceOf(BusyPollSelectStrategy.class);
    assertThat(
            plain.calculateStrategy(
                () -> {
                  polls++;
                  return 0;
                },
                false))
        .isEqualTo(SelectStrategy.SELECT);
    assertThat(polls).isZero();
  }

  @Test
  void positiveBudgetFactoryGivesOneStrategyPerLoop() {
    BusyPollSelectStrategyFactory factory =
        new BusyPollSelectStrategyFactory(Duration.ofNanos(BUDGET), () -> now);
    assertThat(factory.newSelectStrategy())
        .isInstanceOf(BusyPollSelectStrategy.class)
        .isNotSameAs(factory.newSelectStrategy());
  }
}
