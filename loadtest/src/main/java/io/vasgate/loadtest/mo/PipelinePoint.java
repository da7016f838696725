package io.vasgate.loadtest.mo;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One measured point of the pipeline benchmark and what was read around it.
 *
 * @param result the driver's figures
 * @param attempt 1, or more when earlier attempts were disturbed by other processes
 * @param database global status counters that moved in the measured period ({@link
 *     DatabaseStatus#delta}); empty if the database could not be read
 * @param loadBefore the machine's load average (1/5/15 min) just before the run
 * @param loadAfter the same just after
 * @param profile the JFR summary of the measured period, if this point was profiled
 * @param statements statement shapes caught by the general-log sample after this point, if any
 * @param statementCommands commands sent while that sample ran
 */
public record PipelinePoint(
    MoLoadResult result,
    int attempt,
    Map<String, Long> database,
    String loadBefore,
    String loadAfter,
    Optional<String> profile,
    Map<String, Long> statements,
    long statementCommands) {

  public PipelinePoint {
    Objects.requireNonNull(result, "result");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1: " + attempt);
    }
    database = Map.copyOf(database);
    Objects.requireNonNull(profile, "profile");
    statements = Map.copyOf(statements);
  }

  /** A database counter of the measured period per completed command; NaN if unknown. */
  public double perCommand(String counter) {
    Long value = database.get(counter);
    if (value == null || result.completed() == 0) {
      return Double.NaN;
    }
    return (double) value / result.completed();
  }
}
