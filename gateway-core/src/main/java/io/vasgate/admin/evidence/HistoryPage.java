package io.vasgate.admin.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/subscribers/{msisdn}/history}: the events, oldest first.
 *
 * @param from the range asked for (null when open)
 * @param to the range asked for (null when open)
 * @param truncated whether events in the range were left out for the limit
 * @param nextFrom when truncated: ask again with this {@code from} for the rest (events at exactly
 *     this instant that were shown may be shown again)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HistoryPage(
    String msisdn,
    Instant from,
    Instant to,
    int limit,
    int count,
    boolean truncated,
    Instant nextFrom,
    List<HistoryEvent> events) {

  HistoryPage {
    events = List.copyOf(events);
  }
}
