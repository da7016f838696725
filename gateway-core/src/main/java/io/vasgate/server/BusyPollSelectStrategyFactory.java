package io.vasgate.server;

import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Makes one {@link BusyPollSelectStrategy} per event loop, or Netty's default strategy (block as
 * soon as there is nothing to do) when the budget is zero.
 */
final class BusyPollSelectStrategyFactory implements SelectStrategyFactory {

  private final long budgetNanos;
  private final LongSupplier nanoTime;

  /**
   * @param budget how long a loop keeps polling after it was last busy; zero disables polling
   * @param nanoTime the clock, {@code System::nanoTime} outside tests
   */
  BusyPollSelectStrategyFactory(Duration budget, LongSupplier nanoTime) {
    if (budget.isNegative()) {
      throw new IllegalArgumentException("budget must be >= 0, was " + budget);
    }
    this.budgetNanos = budget.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public SelectStrategy newSelectStrategy() {
    return budgetNanos == 0
        ? DefaultSelectStrategyFactory.INSTANCE.newSelectStrategy()
        : new BusyPollSelectStrategy(budgetNanos, nanoTime, Thread::yield);
  }
}
