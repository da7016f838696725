package io.vasgate.persistence;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Ids for rows whose ids the code hands out itself: one sequence for every test in the JVM. */
public final class TestIds {

  private static final AtomicLong NEXT = new AtomicLong(1_000_000_000L);

  private TestIds() {}

  public static LongSupplier source() {
    return NEXT::incrementAndGet;
  }
}
