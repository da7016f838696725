package io.vasgate.loadtest.report;

import io.vasgate.loadtest.driver.LoadResult;
import java.util.Objects;
import java.util.Optional;

/**
 * One (server, binds, window) cell of one round: its result, or why there is none.
 *
 * @param server the server's id, e.g. {@code vasgate}
 * @param round 1-based round number
 */
public record Measurement(
    String server,
    int round,
    int binds,
    int window,
    LoadResult resultOrNull,
    String failureOrNull) {

  public Measurement {
    Objects.requireNonNull(server, "server");
    if ((resultOrNull == null) == (failureOrNull == null)) {
      throw new IllegalArgumentException("exactly one of result and failure must be given");
    }
    if (resultOrNull != null
        && (resultOrNull.binds() != binds || resultOrNull.window() != window)) {
      throw new IllegalArgumentException("the result is for another binds/window cell");
    }
  }

  public static Measurement of(String server, int round, LoadResult result) {
    return new Measurement(server, round, result.binds(), result.window(), result, null);
  }

  public static Measurement failed(String server, int round, int binds, int window, String why) {
    return new Measurement(server, round, binds, window, null, why);
  }

  public Optional<LoadResult> result() {
    return Optional.ofNullable(resultOrNull);
  }

  public Optional<String> failure() {
    return Optional.ofNullable(failureOrNull);
  }

  /** Whether this cell has a result and the result is valid (no errors, something acknowledged). */
  public boolean isValid() {
    return resultOrNull != null && resultOrNull.isValid();
  }
}
