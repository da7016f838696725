package io.vasgate.admin.catalog;

import io.vasgate.admin.ApiException;
import io.vasgate.catalog.CatalogSeedFile;
import io.vasgate.command.catalog.ChargeType;
import io.vasgate.command.catalog.ConfirmationPolicy;
import io.vasgate.command.catalog.FirstMonthPolicy;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import io.vasgate.command.catalog.RevenueShare;
import io.vasgate.command.reply.Language;
import io.vasgate.command.reply.ReplyKey;
import io.vasgate.command.shortcode.CommandWords;
import io.vasgate.command.shortcode.ExtensionRoute;
import io.vasgate.command.shortcode.ServiceNumber;
import io.vasgate.command.shortcode.ShortCode;
import io.vasgate.persistence.catalog.Partner;
import io.vasgate.persistence.catalog.TemplateOverride;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns request bodies into domain values, checking each field on its own first so that a 400 names
 * the field ({@code priceFen}) rather than quoting a constructor's sentence. Checks that need the
 * rest of the catalog (duplicates, unknown numbers and partners) are the repository's.
 */
final class CatalogRequests {

  /**
   * Confirmation window of a product that requires confirmation but names no window: the 24 hours
   * of the operators' standard prompt ("请在24小时内回复").
   */
  static final long DEFAULT_CONFIRMATION_WINDOW_SECONDS = Duration.ofHours(24).getSeconds();

  private CatalogRequests() {}

  /**
   * The product in {@code body}.
   *
   * @param pathCode the code in the URL of an update, which the body may repeat but not contradict;
   *     null for a creation
   */
  static Product product(ProductDto body, String pathCode) {
    String code = body.code();
    if (pathCode != null) {
      if (code != null && !code.equals(pathCode)) {
        throw ApiException.badRequest("code", "is " + code + " but the URL names " + pathCode);
      }
      code = pathCode;
    }
    code = required(code, "code");
    if (!code.matches("[A-Z][A-Z0-9]{0," + (Product.MAX_CODE_LENGTH - 1) + "}")) {
      throw ApiException.badRequest(
          "code",
          "must be 1-"
              + Product.MAX_CODE_LENGTH
              + " upper-case ASCII letters or digits starting with a letter, got '"
              + code
              + "'");
    }
    String numericCode = optional(body.numericCode());
    if (!numericCode.isEmpty() && !isDigits(numericCode)) {
      throw ApiException.badRequest("numericCode", "must be digits, got '" + numericCode + "'");
    }
    List<String> aliases = new ArrayList<>();
    if (body.aliases() != null) {
      for (int i = 0; i < body.aliases().size(); i++) {
        aliases.add(required(body.aliases().get(i), "aliases[" + i + "]"));
      }
    }
    String partnerCode = required(body.partnerCode(), "partnerCode");
    if (!Partner.isCode(partnerCode)) {
      throw ApiException.badRequest(
          "partnerCode",
          "must be 1-" + Partner.MAX_CODE_LENGTH + " ASCII letters, digits, '_' or '-'");
    }
    String port = digits(required(body.servicePort(), "servicePort"), "servicePort");
    String extension = optional(body.extension());
    if (!extension.isEmpty()) {
      digits(extension, "extension");
    }
    ChargeType chargeType =
        enumValue(required(body.chargeType(), "chargeType"), ChargeType.class, "chargeType");
    if (body.priceFen() == null) {
      throw ApiException.badRequest("priceFen", "is required");
    }
    long price = body.priceFen();
    if (price < 0) {
      throw ApiException.badRequest("priceFen", "must not be negative, got " + price);
    }
    if ((chargeType == ChargeType.FREE) != (price == 0)) {
      throw ApiException.badRequest(
          "priceFen",
          "a " + chargeType + " product cannot cost " + price + " fen (free costs 0, others more)");
    }
    int trialDays = body.trialDays() == null ? 0 : body.trialDays();
    if (trialDays < 0 || trialDays > Product.MAX_TRIAL_DAYS) {
      throw ApiException.badRequest(
          "trialDays", "must be 0-" + Product.MAX_TRIAL_DAYS + ", got " + trialDays);
    }
    if (trialDays > 0 && chargeType != ChargeType.MONTHLY) {
      throw ApiException.badRequest("trialDays", "only monthly products have trials");
    }
    FirstMonthPolicy firstMonth =
        body.firstMonthPolicy() == null
            ? FirstMonthPolicy.FULL_PRICE
            : enumValue(body.firstMonthPolicy(), FirstMonthPolicy.class, "firstMonthPolicy");
    RevenueShare share;
    try {
      share = CatalogSeedFile.revenueShare(required(body.revenueShare(), "revenueShare"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("revenueShare", e.getMessage());
    }
    ProductStatus status =
        body.status() == null
            ? ProductStatus.ACTIVE
            : enumValue(body.status(), ProductStatus.class, "status");
    if (pathCode == null && status == ProductStatus.RETIRED) {
      throw ApiException.badRequest("status", "a new product cannot be retired");
    }
    try {
      return new Product(
          code,
          numericCode,
          required(body.nameZh(), "nameZh"),
          optional(body.nameEn()),
          aliases,
          partnerCode,
          port,
          extension,
          chargeType,
          price,
          trialDays,
          firstMonth,
          share,
          confirmation(body),
          status,
          optional(body.suspendedReply()));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(null, e.getMessage());
    }
  }

  private static ConfirmationPolicy confirmation(ProductDto body) {
    boolean required = Boolean.TRUE.equals(body.confirmationRequired());
    Long seconds = body.confirmationWindowSeconds();
    if (!required) {
      if (seconds != null && seconds != 0) {
        throw ApiException.badRequest(
            "confirmationWindowSeconds", "a window needs confirmationRequired = true");
      }
      return ConfirmationPolicy.NONE;
    }
    long window = seconds == null ? DEFAULT_CONFIRMATION_WINDOW_SECONDS : seconds;
    long max = ConfirmationPolicy.MAX_WINDOW.getSeconds();
    if (window < 1 || window > max) {
      throw ApiException.badRequest(
          "confirmationWindowSeconds", "must be 1-" + max + " seconds, got " + window);
    }
    return ConfirmationPolicy.within(Duration.ofSeconds(window));
  }

  /**
   * The service number in {@code body}.
   *
   * @param pathPort the port in the URL of an update; null for a creation
   */
  static ServiceNumber serviceNumber(ServiceNumberDto body, String pathPort) {
    String port = body.port();
    if (pathPort != null) {
      if (port != null && !port.equals(pathPort)) {
        throw ApiException.badRequest("port", "is " + port + " but the URL names " + pathPort);
      }
      port = pathPort;
    }
    port = digits(required(port, "port"), "port");
    if (port.length() > ShortCode.MAX_DESTINATION_DIGITS) {
      throw ApiException.badRequest(
          "port", "must be at most " + ShortCode.MAX_DESTINATION_DIGITS + " digits");
    }
    Language language =
        body.language() == null ? Language.DEFAULT : language(body.language(), "language");
    List<ExtensionRoute> routes = new ArrayList<>();
    if (body.routes() != null) {
      for (int i = 0; i < body.routes().size(); i++) {
        routes.add(route(body.routes().get(i), "routes[" + i + "]"));
      }
    }
    CommandWords words = words(body.words());
    try {
      return new ServiceNumber(
          port, routes, words, language, Boolean.TRUE.equals(body.cancelAllMeansQuery()));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("routes", e.getMessage());
    }
  }

  private static ExtensionRoute route(RouteDto route, String field) {
    if (route == null) {
      throw ApiException.badRequest(field, "must be a route");
    }
    String extension =
        digits(required(route.extension(), field + ".extension"), field + ".extension");
    String target = required(route.target(), field + ".target");
    return switch (required(route.type(), field + ".type").toLowerCase(Locale.ROOT)) {
      case "product" -> new ExtensionRoute.ToProduct(extension, target);
      case "campaign" -> new ExtensionRoute.ToCampaign(extension, target);
      case "partner" -> new ExtensionRoute.ToPartner(extension, target);
      default ->
          throw ApiException.badRequest(field + ".type", "must be product, campaign or partner");
    };
  }

  private static CommandWords words(WordsDto w) {
    CommandWords d = CommandWords.DEFAULTS;
    if (w == null) {
      return d;
    }
    List<String> subscribe = words(w.subscribe(), d.subscribe(), "subscribe", true);
    List<String> unsubscribe = words(w.unsubscribe(), d.unsubscribe(), "unsubscribe", true);
    List<String> query = words(w.query(), d.query(), "query", true);
    List<String> unsubscribeAll =
        words(w.unsubscribeAll(), d.unsubscribeAll(), "unsubscribeAll", false);
    List<String> confirm = words(w.confirm(), d.confirm(), "confirm", false);
    List<String> decline = words(w.decline(), d.decline(), "decline", false);
    List<String> help = words(w.help(), d.help(), "help", true);
    return new CommandWords(subscribe, unsubscribe, query, unsubscribeAll, confirm, decline, help);
  }

  private static List<String> words(
      List<String> given, List<String> defaults, String name, boolean needed) {
    if (given == null) {
      return defaults;
    }
    if (needed && given.isEmpty()) {
      throw ApiException.badRequest("words." + name, "needs at least one word");
    }
    List<String> words = new ArrayList<>(given.size());
    for (int i = 0; i < given.size(); i++) {
      words.add(required(given.get(i), "words." + name + "[" + i + "]"));
    }
    return words;
  }

  static Partner partner(PartnerDto body) {
    String code = required(body.code(), "code");
    if (!Partner.isCode(code)) {
      throw ApiException.badRequest(
          "code", "must be 1-" + Partner.MAX_CODE_LENGTH + " ASCII letters, digits, '_' or '-'");
    }
    String name = required(body.name(), "name");
    try {
      return new Partner(code, name);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("name", e.getMessage());
    }
  }

  static TemplateOverride template(String port, Language language, ReplyKey key, TextBody body) {
    String text = required(body.text(), "text");
    try {
      return new TemplateOverride(port, language, key, text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("text", e.getMessage());
    }
  }

  /** The language of a URL path segment: an unknown one is no resource. */
  static Language pathLanguage(String tag) {
    return Language.fromTag(tag)
        .orElseThrow(() -> ApiException.notFound("no language '" + tag + "' (zh, en)"));
  }

  /** The reply key of a URL path segment: an unknown one is no resource. */
  static ReplyKey pathKey(String id) {
    return ReplyKey.byId(id).orElseThrow(() -> ApiException.notFound("no reply key '" + id + "'"));
  }

  private static Language language(String tag, String field) {
    return Language.fromTag(tag)
        .orElseThrow(() -> ApiException.badRequest(field, "must be zh or en, got '" + tag + "'"));
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field, "is required");
    }
    return value;
  }

  private static String optional(String value) {
    return value == null ? "" : value;
  }

  private static String digits(String value, String field) {
    if (!isDigits(value)) {
      throw ApiException.badRequest(field, "must be digits, got '" + value + "'");
    }
    return value;
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static <E extends Enum<E>> E enumValue(String value, Class<E> type, String field) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          field,
          "must be one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'");
    }
  }
}
