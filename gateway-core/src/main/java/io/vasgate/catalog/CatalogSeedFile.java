package io.vasgate.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import io.vasgate.config.ConfigException;
import io.vasgate.config.ConfigNode;
import io.vasgate.persistence.catalog.CatalogContent;
import io.vasgate.persistence.catalog.CatalogRejection;
import io.vasgate.persistence.catalog.CatalogRepository;
import io.vasgate.persistence.catalog.ChangeHook;
import io.vasgate.persistence.catalog.Partner;
import io.vasgate.persistence.catalog.TemplateOverride;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the catalog seed ({@code conf/catalog.yaml}) with the checks of gateway.yaml: a misspelt or
 * out-of-range key stops start-up with a message naming the file and the key.
 *
 * <p>Keys follow the admin API's JSON fields, so what operations staff see in one they can write in
 * the other. See the shipped file for the layout.
 */
public final class CatalogSeedFile {

  private static final Logger log = LoggerFactory.getLogger(CatalogSeedFile.class);

  /** Longest confirmation window in the file; the same bound as {@link ConfirmationPolicy}. */
  private static final Duration MAX_WINDOW = ConfirmationPolicy.MAX_WINDOW;

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  /**
   * Seeds an empty catalog from the configured seed file; a catalog with content is left alone
   * without reading the file, so a later edit of the file cannot stop a restart.
   *
   * @param hook records each seeded entity (the audit log)
   * @return true if this call seeded the catalog
   * @throws ConfigException naming the file and key if the file is needed but missing or invalid
   */
  public boolean seedIfEmpty(CatalogConfig config, CatalogRepository repository, ChangeHook hook) {
    if (config.seedFile().isEmpty() || !repository.load().content().isEmpty()) {
      return false;
    }
    Path file = config.seedFile().get();
    if (!Files.isRegularFile(file)) {
      if (config.seedFileRequired()) {
        throw new ConfigException("catalog.seedFile", file + " does not exist");
      }
      log.warn("catalog - {} does not exist: starting with an empty catalog", file);
      return false;
    }
    CatalogContent seed = read(file);
    try {
      return !repository.seedIfEmpty(seed, hook).isEmpty();
    } catch (CatalogRejection e) {
      throw new ConfigException(file.toString(), e.getMessage());
    }
  }

  /**
   * The content of {@code file}.
   *
   * @throws ConfigException naming the file and key if it cannot be read or is not a valid catalog
   */
  public CatalogContent read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot be read: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /**
   * The content of a YAML document.
   *
   * @param source names the document in error messages
   * @throws ConfigException naming the source and key if it is not a valid catalog
   */
  public CatalogContent parse(String text, String source) {
    JsonNode tree;
    try {
      tree = yaml.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source, "is not valid YAML: " + e.getOriginalMessage());
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      tree = yaml.createObjectNode();
    }
    try {
      return parse(tree);
    } catch (ConfigException e) {
      throw new ConfigException(source, e.getMessage());
    }
  }

  private static CatalogContent parse(JsonNode tree) {
    ConfigNode root = ConfigNode.root(tree);
    List<Partner> partners = new ArrayList<>();
    for (ConfigNode p : root.children("partners")) {
      partners.add(p.build(n -> new Partner(n.requiredString("code"), n.requiredString("name"))));
      p.rejectUnknownKeys();
    }
    List<ServiceNumber> numbers = new ArrayList<>();
    List<TemplateOverride> templates = new ArrayList<>();
    List<ConfigNode> numberNodes = root.children("serviceNumbers");
    for (int i = 0; i < numberNodes.size(); i++) {
      JsonNode raw = tree.path("serviceNumbers").path(i);
      ConfigNode n = numberNodes.get(i);
      ServiceNumber number = n.build(x -> serviceNumber(x, raw.path("words")));
      numbers.add(number);
      templates.addAll(n.build(x -> templates(x, number.port())));
      n.rejectUnknownKeys();
    }
    List<Product> products = new ArrayList<>();
    List<ConfigNode> productNodes = root.children("products");
    for (int i = 0; i < productNodes.size(); i++) {
      JsonNode aliases = tree.path("products").path(i).path("aliases");
      ConfigNode p = productNodes.get(i);
      products.add(
          p.build(
              n -> {
                notBooleans(aliases, "aliases");
                return product(n);
              }));
      p.rejectUnknownKeys();
    }
    root.rejectUnknownKeys();
    CatalogContent content = new CatalogContent(partners, numbers, products, templates);
    checkReferences(content);
    return content;
  }

  private static ServiceNumber serviceNumber(ConfigNode n, JsonNode rawWords) {
    String port = n.requiredString("port");
    String tag = n.string("language", Language.DEFAULT.tag());
    Language language =
        Language.fromTag(tag)
            .orElseThrow(
                () -> new IllegalArgumentException("language must be zh or en, got " + tag));
    ConfigNode w = n.child("words");
    CommandWords d = CommandWords.DEFAULTS;
    // An absent list keeps the default; an empty one switches the command off on this number.
    CommandWords words =
        new CommandWords(
            words(w, rawWords, "subscribe", d.subscribe()),
            words(w, rawWords, "unsubscribe", d.unsubscribe()),
            words(w, rawWords, "query", d.query()),
            words(w, rawWords, "unsubscribeAll", d.unsubscribeAll()),
            words(w, rawWords, "confirm", d.confirm()),
            words(w, rawWords, "decline", d.decline()),
            words(w, rawWords, "help", d.help()));
    w.rejectUnknownKeys();
    List<ExtensionRoute> routes = new ArrayList<>();
    for (ConfigNode r : n.children("routes")) {
      routes.add(r.build(CatalogSeedFile::route));
      r.rejectUnknownKeys();
    }
    return new ServiceNumber(port, routes, words, language, n.bool("cancelAllMeansQuery", false));
  }

  private static List<String> words(
      ConfigNode words, JsonNode raw, String name, List<String> defaults) {
    if (!raw.has(name)) {
      return defaults;
    }
    notBooleans(raw.get(name), "words." + name);
    return words.strings(name);
  }

  /**
   * YAML 1.1 reads unquoted YES, NO, ON and OFF as booleans, which would arrive as the words "true"
   * and "false": a confirming word nobody types. Such an entry must be quoted.
   */
  private static void notBooleans(JsonNode list, String name) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).isBoolean()) {
        throw new IllegalArgumentException(
            name
                + "["
                + i
                + "] is read by YAML as the boolean "
                + list.get(i).asText()
                + "; quote the word (\"YES\")");
      }
    }
  }

  private static ExtensionRoute route(ConfigNode r) {
    String extension = r.requiredString("extension");
    String type = r.requiredString("type");
    String target = r.requiredString("target");
    return switch (type.trim().toLowerCase(Locale.ROOT)) {
      case "product" -> new ExtensionRoute.ToProduct(extension, target);
      case "campaign" -> new ExtensionRoute.ToCampaign(extension, target);
      case "partner" -> new ExtensionRoute.ToPartner(extension, target);
      default ->
          throw new IllegalArgumentException(
              "type must be product, campaign or partner, got '" + type + "'");
    };
  }

  private static List<TemplateOverride> templates(ConfigNode n, String port) {
    ConfigNode byLanguage = n.child("templates");
    List<TemplateOverride> templates = new ArrayList<>();
    for (Language language : Language.values()) {
      ConfigNode texts = byLanguage.child(language.tag());
      for (ReplyKey key : ReplyKey.values()) {
        texts
            .optionalString(key.id())
            .ifPresent(text -> templates.add(new TemplateOverride(port, language, key, text)));
      }
      texts.rejectUnknownKeys();
    }
    byLanguage.rejectUnknownKeys();
    return templates;
  }

  private static Product product(ConfigNode n) {
    ChargeType chargeType = n.enumValue("chargeType", ChargeType.class, null);
    if (chargeType == null) {
      throw new IllegalArgumentException("chargeType is required");
    }
    Duration window = n.duration("confirmationWindow", null, Duration.ofSeconds(1), MAX_WINDOW);
    return new Product(
        n.requiredString("code"),
        n.string("numericCode", ""),
        n.requiredString("nameZh"),
        n.string("nameEn", ""),
        n.strings("aliases"),
        n.requiredString("partnerCode"),
        n.requiredString("servicePort"),
        n.string("extension", ""),
        chargeType,
        n.integer("priceFen", 0, 0, Integer.MAX_VALUE),
        n.integer("trialDays", 0, 0, Product.MAX_TRIAL_DAYS),
        n.enumValue("firstMonthPolicy", FirstMonthPolicy.class, FirstMonthPolicy.FULL_PRICE),
        revenueShare(n.requiredString("revenueShare")),
        window == null ? ConfirmationPolicy.NONE : ConfirmationPolicy.within(window),
        n.enumValue("status", ProductStatus.class, ProductStatus.ACTIVE),
        n.string("suspendedReply", ""));
  }

  /**
   * A share written {@code operator:partner} ({@code 6:4}).
   *
   * @throws IllegalArgumentException if it is not two whole numbers summing to 10
   */
  public static RevenueShare revenueShare(String text) {
    String[] parts = text.trim().split(":", -1);
    if (parts.length != 2
        || !parts[0].trim().matches("\\d{1,2}")
        || !parts[1].trim().matches("\\d{1,2}")) {
      throw new IllegalArgumentException(
          "revenueShare must be operator:partner in tenths such as 6:4, got '" + text + "'");
    }
    return RevenueShare.of(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
  }

  private static void checkReferences(CatalogContent content) {
    for (int i = 0; i < content.products().size(); i++) {
      Product product = content.products().get(i);
      if (content.partner(product.partnerCode()).isEmpty()) {
        throw new ConfigException(
            "products[" + i + "].partnerCode",
            "unknown partner " + product.partnerCode() + " (list it under partners)");
      }
    }
    for (int i = 0; i < content.serviceNumbers().size(); i++) {
      for (ExtensionRoute route : content.serviceNumbers().get(i).routes()) {
        if (route instanceof ExtensionRoute.ToPartner p
            && content.partner(p.partnerCode()).isEmpty()) {
          throw new ConfigException(
              "serviceNumbers[" + i + "].routes", "unknown partner " + p.partnerCode());
        }
      }
    }
    try {
      content.catalog();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("(catalog)", e.getMessage());
    }
  }
}
