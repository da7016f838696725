package io.vasgate.billing.cdr;

import io.vasgate.command.catalog.Product;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Settles the CDRs of a period per partner, service number and product, applying each product's
 * revenue share from the catalog. Only records with a non-zero fee count, so free products and
 * queries never appear; refunds reduce the totals of the day they were made.
 *
 * <p>The shares and prices are the catalog's as of the report, not as of each charge; a share
 * changed mid-period applies to the whole period. Each day is summed by the database over its own
 * {@code [midnight, midnight)} in the report's zone, which keeps days right across DST changes.
 */
public final class SettlementReport {

  /** The longest period one report covers: a year, plus a leap day. */
  public static final int MAX_PERIOD_DAYS = 366;

  private final CdrRepository cdrs;
  private final Function<String, Optional<Product>> products;
  private final Executor executor;
  private final ZoneId zone;

  /**
   * @param cdrs where the records are
   * @param products the catalog's products by code (e.g. {@code code ->
   *     catalog.get().product(code)})
   * @param executor runs the blocking queries
   * @param zone whose midnights bound the days, {@link CdrExporter#DEFAULT_ZONE} as a rule
   */
  public SettlementReport(
      CdrRepository cdrs,
      Function<String, Optional<Product>> products,
      Executor executor,
      ZoneId zone) {
    this.cdrs = Objects.requireNonNull(cdrs, "cdrs");
    this.products = Objects.requireNonNull(products, "products");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * The settlement of {@code firstDay} to {@code lastDay}, both included.
   *
   * @throws IllegalArgumentException if the period is reversed or longer than {@value
   *     #MAX_PERIOD_DAYS} days
   * @return the settlement; fails with an {@link IllegalStateException} if the database cannot be
   *     read or a charged product is not in the catalog
   */
  public CompletableFuture<Settlement> forPeriod(LocalDate firstDay, LocalDate lastDay) {
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(lastDay, "lastDay");
    long days = ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
    if (days < 1 || days > MAX_PERIOD_DAYS) {
      throw new IllegalArgumentException(
          "a settlement period must be 1.."
              + MAX_PERIOD_DAYS
              + " days, got "
              + firstDay
              + ".."
              + lastDay);
    }
    return CompletableFuture.supplyAsync(
        () -> {
          SortedMap<LocalDate, List<CdrAggregate>> byDay = new TreeMap<>();
          for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            List<CdrAggregate> sums =
                cdrs.aggregate(
                    day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant());
            if (!sums.isEmpty()) {
              byDay.put(day, sums);
            }
          }
          return Settlement.of(firstDay, lastDay, zone, byDay, products);
        },
        executor);
  }
}
