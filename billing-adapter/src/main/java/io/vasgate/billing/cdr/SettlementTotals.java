package io.vasgate.billing.cdr;

import java.util.Collection;

/**
 * Sums of settlement rows. Each figure is the exact sum of the rows' figures, so {@code operatorFen
 * + partnerFen == totalFen} holds here because it holds in every row.
 */
public record SettlementTotals(
    long chargeCount,
    long chargedFen,
    long refundCount,
    long refundedFen,
    long totalFen,
    long operatorFen,
    long partnerFen) {

  /** Nothing charged. */
  public static final SettlementTotals ZERO = new SettlementTotals(0, 0, 0, 0, 0, 0, 0);

  /**
   * @throws IllegalArgumentException if the amounts do not add up
   */
  public SettlementTotals {
    if (totalFen != chargedFen - refundedFen || operatorFen + partnerFen != totalFen) {
      throw new IllegalArgumentException(
          "settlement totals do not add up: charged "
              + chargedFen
              + " - refunded "
              + refundedFen
              + " = total "
              + totalFen
              + " = operator "
              + operatorFen
              + " + partner "
              + partnerFen);
    }
  }

  /** The sums of {@code rows}. */
  public static SettlementTotals of(Collection<SettlementRow> rows) {
    SettlementTotals totals = ZERO;
    for (SettlementRow row : rows) {
      totals = totals.plus(row);
    }
    return totals;
  }

  /** These totals with {@code row} added. */
  public SettlementTotals plus(SettlementRow row) {
    return new SettlementTotals(
        Math.addExact(chargeCount, row.chargeCount()),
        Math.addExact(chargedFen, row.chargedFen()),
        Math.addExact(refundCount, row.refundCount()),
        Math.addExact(refundedFen, row.refundedFen()),
        Math.addExact(totalFen, row.totalFen()),
        Math.addExact(operatorFen, row.operatorFen()),
        Math.addExact(partnerFen, row.partnerFen()));
  }
}
