package io.vasgate.billing.cdr;

import io.vasgate.command.catalog.ChargeType;
import io.vasgate.command.catalog.Product;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The settlement of a period: one row per partner, service number, product and charge type for the
 * whole period, the same broken down by day, and the grand totals. Rows are ordered by (day,)
 * partner, service number, product and charge type. See {@link SettlementRow} for the rounding
 * rule.
 *
 * @param firstDay the first day settled
 * @param lastDay the last day settled, inclusive
 * @param zone whose midnights bound the days
 * @param rows the period rows
 * @param dailyRows the rows per day; days without charges have none
 * @param totals the sums of {@code rows}
 */
public record Settlement(
    LocalDate firstDay,
    LocalDate lastDay,
    ZoneId zone,
    List<SettlementRow> rows,
    List<SettlementRow> dailyRows,
    SettlementTotals totals) {

  private static final Comparator<SettlementRow> ORDER =
      Comparator.<SettlementRow, LocalDate>comparing(r -> r.day().orElse(LocalDate.MIN))
          .thenComparing(SettlementRow::partnerCode)
          .thenComparing(SettlementRow::serviceNumber)
          .thenComparing(SettlementRow::productCode)
          .thenComparing(SettlementRow::chargeType);

  /**
   * @throws IllegalArgumentException if the period is reversed, a row lies outside it, or the
   *     totals are not the sums of the rows
   */
  public Settlement {
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(zone, "zone");
    if (lastDay.isBefore(firstDay)) {
      throw new IllegalArgumentException("period " + firstDay + ".." + lastDay + " is reversed");
    }
    rows = List.copyOf(rows);
    dailyRows = List.copyOf(dailyRows);
    for (SettlementRow row : dailyRows) {
      LocalDate day =
          row.day().orElseThrow(() -> new IllegalArgumentException("a daily row without a day"));
      if (day.isBefore(firstDay) || day.isAfter(lastDay)) {
        throw new IllegalArgumentException("a row of " + day + " outside the period");
      }
    }
    if (!SettlementTotals.of(rows).equals(totals)) {
      throw new IllegalArgumentException("totals " + totals + " are not the sums of the rows");
    }
  }

  /**
   * Settles the per-day sums {@code byDay}, taking each product's price and revenue share from
   * {@code products}.
   *
   * @throws IllegalStateException naming the product if a summed product is not in the catalog:
   *     money is not split by guesswork
   */
  public static Settlement of(
      LocalDate firstDay,
      LocalDate lastDay,
      ZoneId zone,
      SortedMap<LocalDate, List<CdrAggregate>> byDay,
      Function<String, Optional<Product>> products) {
    record Key(String partner, String serviceNumber, String product, ChargeType chargeType) {}
    Map<Key, CdrAggregate> period = new LinkedHashMap<>();
    List<SettlementRow> daily = new ArrayList<>();
    for (Map.Entry<LocalDate, List<CdrAggregate>> day : new TreeMap<>(byDay).entrySet()) {
      for (CdrAggregate sum : day.getValue()) {
        daily.add(SettlementRow.of(Optional.of(day.getKey()), sum, product(products, sum)));
        period.merge(
            new Key(sum.partnerCode(), sum.serviceNumber(), sum.productCode(), sum.chargeType()),
            sum,
            (a, b) ->
                new CdrAggregate(
                    a.partnerCode(),
                    a.serviceNumber(),
                    a.productCode(),
                    a.chargeType(),
                    Math.addExact(a.chargeCount(), b.chargeCount()),
                    Math.addExact(a.chargedFen(), b.chargedFen()),
                    Math.addExact(a.refundCount(), b.refundCount()),
                    Math.addExact(a.refundedFen(), b.refundedFen())));
      }
    }
    List<SettlementRow> rows = new ArrayList<>();
    for (CdrAggregate sum : period.values()) {
      rows.add(SettlementRow.of(Optional.empty(), sum, product(products, sum)));
    }
    rows.sort(ORDER);
    daily.sort(ORDER);
    return new Settlement(firstDay, lastDay, zone, rows, daily, SettlementTotals.of(rows));
  }

  /** The period rows of one partner. */
  public List<SettlementRow> rowsOf(String partnerCode) {
    return rows.stream().filter(r -> r.partnerCode().equals(partnerCode)).toList();
  }

  /** The period totals of one partner. */
  public SettlementTotals totalsOf(String partnerCode) {
    return SettlementTotals.of(rowsOf(partnerCode));
  }

  /** The totals of each day with charges, in day order. */
  public SortedMap<LocalDate, SettlementTotals> dailyTotals() {
    SortedMap<LocalDate, SettlementTotals> totals = new TreeMap<>();
    for (SettlementRow row : dailyRows) {
      totals.merge(row.day().orElseThrow(), SettlementTotals.ZERO.plus(row), Settlement::add);
    }
    return totals;
  }

  private static SettlementTotals add(SettlementTotals a, SettlementTotals b) {
    return new SettlementTotals(
        Math.addExact(a.chargeCount(), b.chargeCount()),
        Math.addExact(a.chargedFen(), b.chargedFen()),
        Math.addExact(a.refundCount(), b.refundCount()),
        Math.addExact(a.refundedFen(), b.refundedFen()),
        Math.addExact(a.totalFen(), b.totalFen()),
        Math.addExact(a.operatorFen(), b.operatorFen()),
        Math.addExact(a.partnerFen(), b.partnerFen()));
  }

  private static Product product(Function<String, Optional<Product>> products, CdrAggregate sum) {
    return products
        .apply(sum.productCode())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "settlement - product "
                        + sum.productCode()
                        + " of partner "
                        + sum.partnerCode()
                        + " has charges but is not in the catalog"));
  }
}
