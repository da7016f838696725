package io.vasgate.admin.catalog;

import io.vasgate.command.catalog.Product;
import java.util.List;

/**
 * A product as the admin API reads and writes it. In a request every field but {@code code}, {@code
 * nameZh}, {@code partnerCode}, {@code servicePort}, {@code chargeType}, {@code priceFen} and
 * {@code revenueShare} may be left out (see {@link CatalogRequests#product}).
 *
 * @param revenueShare operator:partner in tenths, {@code 6:4}
 * @param confirmationWindowSeconds how long an order waits for the confirming word; null when no
 *     confirmation is required
 */
public record ProductDto(
    String code,
    String numericCode,
    String nameZh,
    String nameEn,
    List<String> aliases,
    String partnerCode,
    String servicePort,
    String extension,
    String chargeType,
    Long priceFen,
    Integer trialDays,
    String firstMonthPolicy,
    String revenueShare,
    Boolean confirmationRequired,
    Long confirmationWindowSeconds,
    String status,
    String suspendedReply) {

  public static ProductDto of(Product p) {
    return new ProductDto(
        p.code(),
        p.numericCode(),
        p.nameZh(),
        p.nameEn(),
        p.aliases(),
        p.partnerCode(),
        p.servicePort(),
        p.extension(),
        p.chargeType().name(),
        p.priceFen(),
        p.trialDays(),
        p.firstMonthPolicy().name(),
        p.revenueShare().toString(),
        p.confirmation().required(),
        p.confirmation().required() ? p.confirmation().window().getSeconds() : null,
        p.status().name(),
        p.suspendedReply());
  }
}
