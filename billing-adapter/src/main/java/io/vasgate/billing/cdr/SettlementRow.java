package io.vasgate.billing.cdr;

import io.vasgate.command.catalog.ChargeType;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.RevenueShare;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What one partner earned from one product on one service number, for a day or a whole period.
 *
 * <p><b>Rounding.</b> The split is applied once, to the row's total, never per record: the
 * partner's part is {@link RevenueShare#partnerFen} of the total (rounded down, so the operator,
 * who collects the money, keeps the odd fen) and the operator's part is the rest. Hence {@code
 * operatorFen + partnerFen == totalFen} exactly in every row. A total made negative by refunds is
 * split the same way on its magnitude, rounding towards zero. Because each row rounds on its own
 * total, a period row's partner part can exceed the sum of its daily rows' partner parts by less
 * than one fen per day; settle on the period rows.
 *
 * @param day the day, or empty for a row covering the whole period
 * @param priceFen the product's list price; individual fees may differ (first-month policies)
 * @param share the revenue share applied, from the catalog
 * @param chargeCount charged records with a non-zero fee
 * @param chargedFen their fees, summed
 * @param refundCount refund records
 * @param refundedFen the refunded amounts, summed, positive
 * @param totalFen {@code chargedFen - refundedFen}
 * @param operatorFen the operator's part of {@code totalFen}
 * @param partnerFen the partner's part of {@code totalFen}
 */
public record SettlementRow(
    Optional<LocalDate> day,
    String partnerCode,
    String serviceNumber,
    String productCode,
    ChargeType chargeType,
    long priceFen,
    RevenueShare share,
    long chargeCount,
    long chargedFen,
    long refundCount,
    long refundedFen,
    long totalFen,
    long operatorFen,
    long partnerFen) {

  /**
   * @throws IllegalArgumentException if the amounts do not add up
   */
  public SettlementRow {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(partnerCode, "partnerCode");
    Objects.requireNonNull(serviceNumber, "serviceNumber");
    Objects.requireNonNull(productCode, "productCode");
    Objects.requireNonNull(chargeType, "chargeType");
    Objects.requireNonNull(share, "share");
    if (totalFen != chargedFen - refundedFen || operatorFen + partnerFen != totalFen) {
      throw new IllegalArgumentException(
          "settlement row of "
              + productCode
              + " does not add up: charged "
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

  /** The row for {@code sum} of {@code product}, split by the product's revenue share. */
  public static SettlementRow of(Optional<LocalDate> day, CdrAggregate sum, Product product) {
    long total = sum.netFen();
    long partner = partnerPart(product.revenueShare(), total);
    return new SettlementRow(
        day,
        sum.partnerCode(),
        sum.serviceNumber(),
        sum.productCode(),
        sum.chargeType(),
        product.priceFen(),
        product.revenueShare(),
        sum.chargeCount(),
        sum.chargedFen(),
        sum.refundCount(),
        sum.refundedFen(),
        total,
        total - partner,
        partner);
  }

  /** The partner's part of {@code totalFen}: rounded down, or towards zero when negative. */
  public static long partnerPart(RevenueShare share, long totalFen) {
    return totalFen >= 0
        ? share.partnerFen(totalFen)
        : Math.negateExact(share.partnerFen(Math.negateExact(totalFen)));
  }
}
