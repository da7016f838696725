package io.vasgate.admin.catalog;

import io.vasgate.command.catalog.Product;

/** A product named in a dry-run result: enough to recognise it. */
public record ProductRef(
    String code, String nameZh, String status, String chargeType, long priceFen) {

  public static ProductRef of(Product p) {
    return new ProductRef(
        p.code(), p.nameZh(), p.status().name(), p.chargeType().name(), p.priceFen());
  }
}
