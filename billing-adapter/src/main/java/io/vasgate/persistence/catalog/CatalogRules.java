package io.vasgate.persistence.catalog;

import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import io.vasgate.command.parse.TextNormalizer;
import io.vasgate.command.shortcode.CommandWords;
import io.vasgate.command.shortcode.ExtensionRoute;
import io.vasgate.command.shortcode.ServiceNumber;
import io.vasgate.command.shortcode.ShortCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks an edit must pass before it is written, each naming the field at fault in the names of
 * the admin API. {@link io.vasgate.command.catalog.Catalog}'s constructor would refuse the same
 * conflicts, but with a sentence rather than a field; it still runs last ({@link #checkWhole}) as
 * the guard for anything these checks do not foresee.
 *
 * <p>Pure functions of the current content and the edit: the repository calls them inside the
 * transaction that holds the catalog lock, so they judge the latest committed state.
 */
final class CatalogRules {

  /** Longest Chinese name: the width of {@code product.name_zh}. */
  static final int MAX_NAME_ZH_LENGTH = 64;

  /** Longest English name: the width of {@code product.name_en}. */
  static final int MAX_NAME_EN_LENGTH = 128;

  /** Longest alias: the width of {@code product_alias.alias}. */
  static final int MAX_ALIAS_LENGTH = 64;

  /** Longest numeric code: the width of {@code product.numeric_code}. */
  static final int MAX_NUMERIC_CODE_LENGTH = 20;

  /** Longest suspended reply: the width of {@code product.suspended_reply}. */
  static final int MAX_SUSPENDED_REPLY_LENGTH = 500;

  /** Longest command word: the width of {@code command_word.word}. */
  static final int MAX_WORD_LENGTH = 32;

  /**
   * Longest route target (product code, campaign id, partner code): {@code extension_route.target}.
   */
  static final int MAX_ROUTE_TARGET_LENGTH = 64;

  /**
   * Longest reply template. Templates become SMS: 1,000 characters is already 15 UCS2 segments, far
   * beyond any reply an operator lets a service send.
   */
  static final int MAX_TEMPLATE_LENGTH = 1000;

  private CatalogRules() {}

  static void checkNewProduct(CatalogContent current, Product product) {
    if (current.product(product.code()).isPresent()) {
      throw CatalogRejection.conflict("code", "product code " + product.code() + " exists");
    }
    checkProduct(current, product);
  }

  static void checkProductUpdate(CatalogContent current, Product before, Product after) {
    if (before.status() == ProductStatus.RETIRED && after.status() != ProductStatus.RETIRED) {
      throw CatalogRejection.conflict(
          "status",
          "product " + before.code() + " is retired for good and cannot be " + after.status());
    }
    checkProduct(current, after);
  }

  static void checkRetirement(Product product) {
    if (product.status() == ProductStatus.RETIRED) {
      throw CatalogRejection.conflict(
          "status", "product " + product.code() + " is already retired");
    }
  }

  private static void checkProduct(CatalogContent current, Product product) {
    maxLength("nameZh", product.nameZh(), MAX_NAME_ZH_LENGTH);
    maxLength("nameEn", product.nameEn(), MAX_NAME_EN_LENGTH);
    maxLength("numericCode", product.numericCode(), MAX_NUMERIC_CODE_LENGTH);
    maxLength("suspendedReply", product.suspendedReply(), MAX_SUSPENDED_REPLY_LENGTH);
    for (int i = 0; i < product.aliases().size(); i++) {
      maxLength("aliases[" + i + "]", product.aliases().get(i), MAX_ALIAS_LENGTH);
    }
    ServiceNumber number =
        current
            .serviceNumber(product.servicePort())
            .orElseThrow(
                () ->
                    CatalogRejection.invalid(
                        "servicePort", "unknown service number " + product.servicePort()));
    if (current.partner(product.partnerCode()).isEmpty()) {
      throw CatalogRejection.invalid("partnerCode", "unknown partner " + product.partnerCode());
    }
    List<Product> others = others(current.products(), product.code());
    if (!product.numericCode().isEmpty()) {
      for (Product other : others) {
        if (other.numericCode().equals(product.numericCode())) {
          throw CatalogRejection.conflict(
              "numericCode",
              "numeric code " + product.numericCode() + " belongs to product " + other.describe());
        }
      }
    }
    checkExtension(number, product, others);
    Map<String, String> words = wordKeys(number.words());
    Map<String, Product> taken = new HashMap<>();
    for (Product other : others) {
      if (other.servicePort().equals(number.port())) {
        for (String reference : other.references()) {
          taken.putIfAbsent(TextNormalizer.key(reference), other);
        }
      }
    }
    for (Map.Entry<String, String> reference : references(product).entrySet()) {
      String field = reference.getKey();
      String key = TextNormalizer.key(reference.getValue());
      if (key.isEmpty()) {
        throw CatalogRejection.invalid(
            field, "'" + reference.getValue() + "' is nothing but punctuation or spaces");
      }
      if (words.containsKey(key)) {
        throw CatalogRejection.conflict(
            field,
            "'"
                + reference.getValue()
                + "' reads the same as the "
                + words.get(key)
                + " on "
                + number.port());
      }
      Product owner = taken.get(key);
      if (owner != null) {
        throw CatalogRejection.conflict(
            field,
            "'"
                + reference.getValue()
                + "' is claimed by product "
                + owner.describe()
                + " on "
                + number.port());
      }
    }
    if (product.confirmation().required() && number.words().confirm().isEmpty()) {
      throw CatalogRejection.invalid(
          "confirmationRequired", "service number " + number.port() + " has no confirming words");
    }
  }

  private static void checkExtension(ServiceNumber number, Product product, List<Product> others) {
    String extension = product.extension();
    if (extension.isEmpty()) {
      return;
    }
    if (number.port().length() + extension.length() > ShortCode.MAX_DESTINATION_DIGITS) {
      throw CatalogRejection.invalid(
          "extension",
          "port "
              + number.port()
              + " with extension "
              + extension
              + " is longer than "
              + ShortCode.MAX_DESTINATION_DIGITS
              + " digits");
    }
    for (Product other : others) {
      if (other.servicePort().equals(number.port()) && other.extension().equals(extension)) {
        throw CatalogRejection.conflict(
            "extension",
            "extension "
                + extension
                + " on "
                + number.port()
                + " belongs to product "
                + other.describe());
      }
    }
    for (ExtensionRoute route : number.routes()) {
      boolean own =
          route instanceof ExtensionRoute.ToProduct p && p.productCode().equals(product.code());
      if (route.extension().equals(extension) && !own) {
        throw CatalogRejection.conflict(
            "extension",
            "extension "
                + extension
                + " on "
                + number.port()
                + " is the route "
                + route.describe());
      }
    }
  }

  static void checkNewServiceNumber(CatalogContent current, ServiceNumber number) {
    if (current.serviceNumber(number.port()).isPresent()) {
      throw CatalogRejection.conflict("port", "service number " + number.port() + " exists");
    }
    checkServiceNumber(current, number);
  }

  static void checkServiceNumber(CatalogContent current, ServiceNumber number) {
    List<Product> onNumber = current.productsOn(number.port());
    for (int i = 0; i < number.routes().size(); i++) {
      ExtensionRoute route = number.routes().get(i);
      String field = "routes[" + i + "]";
      if (route instanceof ExtensionRoute.ToProduct p) {
        Optional<Product> target = current.product(p.productCode());
        if (target.isEmpty() || !target.get().servicePort().equals(number.port())) {
          throw CatalogRejection.invalid(
              field + ".target",
              "no product " + p.productCode() + " is offered on " + number.port());
        }
      } else if (route instanceof ExtensionRoute.ToPartner p) {
        if (current.partner(p.partnerCode()).isEmpty()) {
          throw CatalogRejection.invalid(field + ".target", "unknown partner " + p.partnerCode());
        }
      }
      maxLength(field + ".target", target(route), MAX_ROUTE_TARGET_LENGTH);
      for (Product product : onNumber) {
        boolean own =
            route instanceof ExtensionRoute.ToProduct p && p.productCode().equals(product.code());
        if (product.extension().equals(route.extension()) && !own) {
          throw CatalogRejection.conflict(
              field + ".extension",
              "extension "
                  + route.extension()
                  + " on "
                  + number.port()
                  + " belongs to product "
                  + product.describe());
        }
      }
    }
    Map<String, Product> references = new HashMap<>();
    for (Product product : onNumber) {
      for (String reference : product.references()) {
        references.putIfAbsent(TextNormalizer.key(reference), product);
      }
    }
    Map<String, String> seen = new HashMap<>();
    for (Map.Entry<String, List<String>> list : wordLists(number.words()).entrySet()) {
      for (int i = 0; i < list.getValue().size(); i++) {
        String word = list.getValue().get(i);
        String field = "words." + list.getKey() + "[" + i + "]";
        maxLength(field, word, MAX_WORD_LENGTH);
        String key = TextNormalizer.key(word);
        if (key.isEmpty()) {
          throw CatalogRejection.invalid(
              field, "'" + word + "' is nothing but punctuation or spaces");
        }
        String previous = seen.putIfAbsent(key, list.getKey());
        if (previous != null && !previous.equals(list.getKey())) {
          throw CatalogRejection.conflict(
              field, "'" + word + "' reads the same as a " + previous + " word");
        }
        Product owner = references.get(key);
        if (owner != null) {
          throw CatalogRejection.conflict(
              field, "'" + word + "' is a reference of product " + owner.describe());
        }
      }
    }
    if (number.words().confirm().isEmpty()) {
      for (Product product : onNumber) {
        if (product.confirmation().required()) {
          throw CatalogRejection.invalid(
              "words.confirm",
              "product " + product.describe() + " needs a confirmation: keep a confirming word");
        }
      }
    }
  }

  static void checkServiceNumberDeletion(CatalogContent current, String port) {
    List<Product> onNumber = current.productsOn(port);
    if (!onNumber.isEmpty()) {
      throw CatalogRejection.conflict(
          "port",
          "service number "
              + port
              + " still has products "
              + onNumber.stream().map(Product::code).toList()
              + " (retired products too: their holders may still unsubscribe)");
    }
  }

  static void checkNewPartner(CatalogContent current, Partner partner) {
    if (current.partner(partner.code()).isPresent()) {
      throw CatalogRejection.conflict("code", "partner " + partner.code() + " exists");
    }
  }

  static void checkTemplate(TemplateOverride template) {
    maxLength("text", template.text(), MAX_TEMPLATE_LENGTH);
  }

  /**
   * The whole of {@code next} is consistent: every reference resolves and the command-registry
   * catalog accepts it.
   */
  static void checkWhole(CatalogContent next) {
    for (Product product : next.products()) {
      if (next.partner(product.partnerCode()).isEmpty()) {
        throw CatalogRejection.invalid("partnerCode", "unknown partner " + product.partnerCode());
      }
    }
    for (TemplateOverride template : next.templates()) {
      if (next.serviceNumber(template.port()).isEmpty()) {
        throw CatalogRejection.invalid("port", "unknown service number " + template.port());
      }
      checkTemplate(template);
    }
    for (ServiceNumber number : next.serviceNumbers()) {
      for (ExtensionRoute route : number.routes()) {
        if (route instanceof ExtensionRoute.ToPartner p
            && next.partner(p.partnerCode()).isEmpty()) {
          throw CatalogRejection.invalid("routes", "unknown partner " + p.partnerCode());
        }
      }
    }
    try {
      next.catalog();
    } catch (IllegalArgumentException e) {
      throw CatalogRejection.conflict(null, e.getMessage());
    }
  }

  /** Every reference of {@code product} by the API field it comes from. */
  private static Map<String, String> references(Product product) {
    Map<String, String> references = new LinkedHashMap<>();
    references.put("code", product.code());
    if (!product.numericCode().isEmpty()) {
      references.put("numericCode", product.numericCode());
    }
    references.put("nameZh", product.nameZh());
    if (!product.nameEn().isEmpty()) {
      references.put("nameEn", product.nameEn());
    }
    for (int i = 0; i < product.aliases().size(); i++) {
      references.put("aliases[" + i + "]", product.aliases().get(i));
    }
    return references;
  }

  /** The word lists of {@code words} by their API name. */
  static Map<String, List<String>> wordLists(CommandWords words) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    lists.put("subscribe", words.subscribe());
    lists.put("unsubscribe", words.unsubscribe());
    lists.put("query", words.query());
    lists.put("unsubscribeAll", words.unsubscribeAll());
    lists.put("confirm", words.confirm());
    lists.put("decline", words.decline());
    lists.put("help", words.help());
    return lists;
  }

  private static Map<String, String> wordKeys(CommandWords words) {
    Map<String, String> keys = new HashMap<>();
    wordLists(words)
        .forEach(
            (command, list) ->
                list.forEach(
                    w -> keys.putIfAbsent(TextNormalizer.key(w), command + " word '" + w + "'")));
    return keys;
  }

  static String target(ExtensionRoute route) {
    if (route instanceof ExtensionRoute.ToProduct p) {
      return p.productCode();
    }
    if (route instanceof ExtensionRoute.ToCampaign c) {
      return c.campaignId();
    }
    return ((ExtensionRoute.ToPartner) route).partnerCode();
  }

  private static List<Product> others(List<Product> products, String code) {
    List<Product> others = new ArrayList<>(products.size());
    for (Product p : products) {
      if (!p.code().equals(code)) {
        others.add(p);
      }
    }
    return others;
  }

  private static void maxLength(String field, String value, int max) {
    if (value.length() > max) {
      throw CatalogRejection.invalid(
          field, "must be at most " + max + " characters, got " + value.length());
    }
  }
}
