package io.vasgate.server;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Spin-before-block for one epoll event loop: for a short budget after the loop was last busy it
 * polls without blocking, and only then blocks in {@code epoll_wait} as Netty's default strategy
 * does.
 *
 * <p>Why: with one bind and a small window the ESME sends its next requests a few tens of
 * microseconds after our responses. An event loop that blocks in that gap lets its vCPU halt, and
 * on a VM the wake-up costs tens of microseconds of latency and of CPU, more than the PDU itself;
 * polling through the gap costs less than the wake-up it avoids (the technique of Aeron's idle
 * strategies and Linux's busy_poll). A loop idle for longer than the budget blocks as usual, so an
 * idle gateway costs nothing, and the spin never outlasts the budget.
 *
 * <p>Between polls that find nothing it yields the CPU ({@code Thread::yield}): with more runnable
 * threads than cores (the default is two event loops per core, and an ESME may run on the same
 * host) the scheduler can then give the core to a thread that has work instead of to the poll, and
 * when nothing else is runnable the yield returns at once and the core stays awake.
 *
 * <p>"Busy" means: a non-blocking poll found I/O, or the loop has just come back from a blocking
 * wait. The strategy cannot see what woke a blocking wait (I/O, a task or a timer), so a timer
 * wake-up also buys one budget of polling; timers fire at most a few times a second per session.
 *
 * <p>Netty's epoll loop calls {@link #calculateStrategy} once per turn, before it runs its tasks: a
 * count of ready events from the supplier (0 included) means "process these and run the tasks, then
 * ask again"; {@link SelectStrategy#SELECT} means block until I/O, a task or the next timer. One
 * instance per event loop, used only by its thread, so it needs no synchronisation.
 */
final class BusyPollSelectStrategy implements SelectStrategy {

  private final long budgetNanos;
  private final LongSupplier nanoTime;
  private final Runnable pause;

  /** When the loop was last busy. */
  private long busyAt;

  /** Whether the last answer was {@link SelectStrategy#SELECT}, i.e. the loop blocked since. */
  private boolean blocked = true;

  /**
   * @param budgetNanos how long to keep polling after the loop was last busy; must be positive
   * @param nanoTime the clock, {@code System::nanoTime} outside tests
   * @param pause run between polls that found nothing, {@code Thread::yield} outside tests
   */
  BusyPollSelectStrategy(long budgetNanos, LongSupplier nanoTime, Runnable pause) {
    if (budgetNanos <= 0) {
      throw new IllegalArgumentException("budgetNanos must be > 0, was " + budgetNanos);
    }
    this.budgetNanos = budgetNanos;
    this.nanoTime = nanoTime;
    this.pause = pause;
  }

  @Override
  public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
    int ready = selectNow.get();
    if (ready > 0 || blocked) {
      busyAt = nanoTime.getAsLong();
      blocked = false;
      return ready;
    }
    if (hasTasks) {
      return 0;
    }
    if (nanoTime.getAsLong() - busyAt < budgetNanos) {
      // Nothing ready: let the loop run its tasks and come back to poll again.
      pause.run();
      return 0;
    }
    blocked = true;
    return SelectStrategy.SELECT;
  }
}
