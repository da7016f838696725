package io.vasgate.loadtest.driver;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of the submit_sm round trip (request written to response read), in nanoseconds.
 *
 * @param count responses recorded
 */
public record LatencySummary(
    long count, long p50, long p90, long p99, long p999, long max, double mean) {

  /** No responses recorded. */
  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

  public LatencySummary {
    if (count < 0 || p50 < 0 || p90 < p50 || p99 < p90 || p999 < p99 || max < p999) {
      throw new IllegalArgumentException(
          "percentiles must be non-negative and ordered: count="
              + count
              + " p50="
              + p50
              + " p90="
              + p90
              + " p99="
              + p99
              + " p999="
              + p999
              + " max="
              + max);
    }
  }

  /** The summary of a histogram of nanosecond values. */
  public static LatencySummary of(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencySummary(
        histogram.getTotalCount(),
        histogram.getValueAtPercentile(50),
        histogram.getValueAtPercentile(90),
        histogram.getValueAtPercentile(99),
        histogram.getValueAtPercentile(99.9),
        histogram.getMaxValue(),
        histogram.getMean());
  }
}
