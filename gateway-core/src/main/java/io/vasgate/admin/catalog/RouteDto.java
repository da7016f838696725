package io.vasgate.admin.catalog;

import io.vasgate.command.shortcode.ExtensionRoute;

/**
 * An extension route of a service number.
 *
 * @param extension the digits after the port
 * @param type {@code product}, {@code campaign} or {@code partner}
 * @param target the product code, campaign id or partner code
 */
public record RouteDto(String extension, String type, String target) {

  public static RouteDto of(ExtensionRoute route) {
    if (route instanceof ExtensionRoute.ToProduct p) {
      return new RouteDto(p.extension(), "product", p.productCode());
    }
    if (route instanceof ExtensionRoute.ToCampaign c) {
      return new RouteDto(c.extension(), "campaign", c.campaignId());
    }
    ExtensionRoute.ToPartner p = (ExtensionRoute.ToPartner) route;
    return new RouteDto(p.extension(), "partner", p.partnerCode());
  }
}
