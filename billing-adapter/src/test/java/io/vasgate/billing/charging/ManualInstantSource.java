package io.vasgate.billing.charging;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock for tests that moves only when told to. */
public final class ManualInstantSource implements InstantSource {

  private final AtomicReference<Instant> now;

  public ManualInstantSource(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  public void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  public void set(Instant to) {
    now.set(to);
  }
}
