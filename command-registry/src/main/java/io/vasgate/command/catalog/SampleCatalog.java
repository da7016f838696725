package io.vasgate.command.catalog;

import io.vasgate.command.shortcode.ServiceNumber;
import java.time.Duration;
import java.util.List;

/**
 * The sample catalog on port {@value #PORT} used by the demo and the tests; the demo configuration
 * mirrors it.
 *
 * <table>
 *   <caption>Sample products</caption>
 *   <tr><th>code</th><th>name</th><th>billing</th><th>extension</th><th>notes</th></tr>
 *   <tr><td>SHBB</td><td>生活播报</td><td>monthly 300 fen</td><td>01</td><td>second confirmation</td></tr>
 *   <tr><td>TQ</td><td>天气</td><td>monthly 200 fen</td><td>02</td><td>second confirmation</td></tr>
 *   <tr><td>WZ</td><td>违章提醒</td><td>monthly 100 fen</td><td>03</td><td>7-day free trial</td></tr>
 *   <tr><td>XW</td><td>新闻点播</td><td>per use 50 fen</td><td>04</td><td></td></tr>
 *   <tr><td>JK</td><td>健康提示</td><td>free</td><td>05</td><td></td></tr>
 * </table>
 */
public final class SampleCatalog {

  /** The main port of the sample service number. */
  public static final String PORT = "10658880";

  /** The partner (SP) code of every sample product. */
  public static final String PARTNER = "901234";

  /** The confirmation window of the products that need one. */
  public static final Duration CONFIRMATION_WINDOW = Duration.ofHours(24);

  private SampleCatalog() {}

  /** The sample products, in the order above. */
  public static List<Product> products() {
    return List.of(
        Product.builder("SHBB")
            .numericCode("1001")
            .names("生活播报", "Daily Life")
            .aliases("生活")
            .partner(PARTNER)
            .offeredOn(PORT, "01")
            .monthly(300)
            .revenueShare(5, 5)
            .confirmation(ConfirmationPolicy.within(CONFIRMATION_WINDOW))
            .build(),
        Product.builder("TQ")
            .numericCode("1002")
            .names("天气", "Weather")
            .aliases("天气预报")
            .partner(PARTNER)
            .offeredOn(PORT, "02")
            .monthly(200)
            .revenueShare(6, 4)
            .confirmation(ConfirmationPolicy.within(CONFIRMATION_WINDOW))
            .build(),
        Product.builder("WZ")
            .numericCode("1003")
            .names("违章提醒", "Traffic Alerts")
            .aliases("违章")
            .partner(PARTNER)
            .offeredOn(PORT, "03")
            .monthly(100)
            .trialDays(7)
            .revenueShare(3, 7)
            .build(),
        Product.builder("XW")
            .numericCode("1004")
            .names("新闻点播", "News on Demand")
            .aliases("新闻")
            .partner(PARTNER)
            .offeredOn(PORT, "04")
            .perUse(50)
            .revenueShare(5, 5)
            .build(),
        Product.builder("JK")
            .numericCode("1005")
            .names("健康提示", "Health Tips")
            .aliases("健康")
            .partner(PARTNER)
            .offeredOn(PORT, "05")
            .free()
            .build());
  }

  /** The sample service number: default words, Chinese replies, {@code 00000} cancels all. */
  public static ServiceNumber serviceNumber() {
    return ServiceNumber.of(PORT);
  }

  /** The sample catalog. */
  public static Catalog catalog() {
    return new Catalog(products(), List.of(serviceNumber()));
  }
}
