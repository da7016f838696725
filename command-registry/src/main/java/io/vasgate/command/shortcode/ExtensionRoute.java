package io.vasgate.command.shortcode;

import java.util.Objects;

/**
 * Where the extension digits after a main port lead: {@code 10658880} + {@code 02} to a product, to
 * a campaign (for attribution of orders it brings) or to a partner account (whose products an MO on
 * it is about).
 */
public sealed interface ExtensionRoute {

  /** The extension digits after the main port. */
  String extension();

  /** A short description naming the route, for error messages ({@code 02 -> product TQ}). */
  String describe();

  /** An extension dedicated to one product: a verb without a product name means this one. */
  record ToProduct(String extension, String productCode) implements ExtensionRoute {
    public ToProduct {
      checkExtension(extension);
      requireText(productCode, "productCode");
    }

    @Override
    public String describe() {
      return extension + " -> product " + productCode;
    }
  }

  /**
   * An extension published by a marketing campaign; orders through it are attributed to the
   * campaign.
   */
  record ToCampaign(String extension, String campaignId) implements ExtensionRoute {
    public ToCampaign {
      checkExtension(extension);
      requireText(campaignId, "campaignId");
    }

    @Override
    public String describe() {
      return extension + " -> campaign " + campaignId;
    }
  }

  /** An extension of a partner (SP) account: product lists on it show that partner's products. */
  record ToPartner(String extension, String partnerCode) implements ExtensionRoute {
    public ToPartner {
      checkExtension(extension);
      requireText(partnerCode, "partnerCode");
    }

    @Override
    public String describe() {
      return extension + " -> partner " + partnerCode;
    }
  }

  private static void checkExtension(String extension) {
    if (!Digits.isDigits(extension)) {
      throw new IllegalArgumentException(
          "an extension is one or more digits, got '" + extension + "'");
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
