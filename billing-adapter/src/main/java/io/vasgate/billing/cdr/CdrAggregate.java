package io.vasgate.billing.cdr;

import io.vasgate.command.catalog.ChargeType;
import java.util.Objects;

/**
 * The CDRs with a non-zero fee of one partner, service number, product and charge type within some
 * time window, summed. Free and query messages never reach it: their fee is zero.
 *
 * @param chargeCount how many charges
 * @param chargedFen their fees, summed
 * @param refundCount how many refunds
 * @param refundedFen the refunded amounts, summed, as a positive number
 */
public record CdrAggregate(
    String partnerCode,
    String serviceNumber,
    String productCode,
    ChargeType chargeType,
    long chargeCount,
    long chargedFen,
    long refundCount,
    long refundedFen) {

  public CdrAggregate {
    Objects.requireNonNull(partnerCode, "partnerCode");
    Objects.requireNonNull(serviceNumber, "serviceNumber");
    Objects.requireNonNull(productCode, "productCode");
    Objects.requireNonNull(chargeType, "chargeType");
    if (chargeCount < 0 || chargedFen < 0 || refundCount < 0 || refundedFen < 0) {
      throw new IllegalArgumentException(
          "counts and sums must not be negative: "
              + chargeCount
              + ", "
              + chargedFen
              + ", "
              + refundCount
              + ", "
              + refundedFen);
    }
  }

  /** Charged minus refunded. */
  public long netFen() {
    return Math.subtractExact(chargedFen, refundedFen);
  }
}
