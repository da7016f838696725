package io.vasgate.billing.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The stored numbering of a number's latest {@code 0000} list.
 *
 * @param subscriptionIds item n is {@code subscriptionIds.get(n - 1)}
 * @param selectableUntil the first instant a selection is refused
 */
public record ListNumbering(
    String msisdn, List<Long> subscriptionIds, Instant listedAt, Instant selectableUntil) {

  public ListNumbering {
    Objects.requireNonNull(msisdn, "msisdn");
    subscriptionIds = List.copyOf(subscriptionIds);
    Objects.requireNonNull(listedAt, "listedAt");
    Objects.requireNonNull(selectableUntil, "selectableUntil");
  }
}
