package io.vasgate.command.catalog;

import io.vasgate.command.parse.TextNormalizer;
import io.vasgate.command.shortcode.CommandWords;
import io.vasgate.command.shortcode.ExtensionRoute;
import io.vasgate.command.shortcode.ServiceNumber;
import io.vasgate.command.shortcode.ShortCode;
import io.vasgate.command.shortcode.ShortCodeResolver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of the products and service numbers, checked for consistency and indexed
 * once when built, so that every lookup a command needs is a hash lookup. A new snapshot replaces
 * the old one when the catalog changes.
 *
 * <p>Product extensions become routes of their service number: a product offered on {@code
 * 10658880} extension {@code 02} makes {@link #serviceNumbers()} contain the route {@code 02 ->
 * product TQ}, whether or not the number listed it. A number may also list routes of its own (to
 * campaigns, partners, or further extensions of a product).
 *
 * <p>Product references (code, numeric code, names, aliases) are indexed per service number in the
 * form of {@link TextNormalizer#key}, so {@code 天 气} and {@code 天气} are the same reference.
 */
public final class Catalog {

  private final List<Product> products;
  private final List<ServiceNumber> serviceNumbers;
  private final Map<String, Product> byCode;
  private final Map<String, Product> byNumericCode;
  private final Map<String, Map<String, Product>> referencesByPort;
  private final Map<String, List<Product>> offeredByPort;
  private final ShortCodeResolver resolver;

  /**
   * @throws IllegalArgumentException with a message naming both parties when two products claim the
   *     same code, numeric code, extension or reference on one number, when a reference is also a
   *     command word there, when two command words of different commands read the same, when a
   *     route names an unknown product, when a product is offered on an unknown number, or when a
   *     product needs confirmation on a number without confirming words
   */
  public Catalog(Collection<Product> products, Collection<ServiceNumber> serviceNumbers) {
    this.products = List.copyOf(Objects.requireNonNull(products, "products"));
    Map<String, ServiceNumber> numbers = new LinkedHashMap<>();
    for (ServiceNumber number : Objects.requireNonNull(serviceNumbers, "serviceNumbers")) {
      if (numbers.putIfAbsent(number.port(), number) != null) {
        throw new IllegalArgumentException(
            "service number " + number.port() + " is configured twice");
      }
    }
    this.byCode = new HashMap<>();
    this.byNumericCode = new HashMap<>();
    for (Product product : this.products) {
      claim(byCode, product.code(), product, "code");
      if (!product.numericCode().isEmpty()) {
        claim(byNumericCode, product.numericCode(), product, "numeric code");
      }
      ServiceNumber number = numbers.get(product.servicePort());
      if (number == null) {
        throw new IllegalArgumentException(
            "product "
                + product.describe()
                + " is offered on "
                + product.servicePort()
                + ", which is no configured service number");
      }
      if (product.confirmation().required() && number.words().confirm().isEmpty()) {
        throw new IllegalArgumentException(
            "product "
                + product.describe()
                + " needs a confirmation, but "
                + number.port()
                + " has no confirming words");
      }
    }
    List<ServiceNumber> effective = new ArrayList<>(numbers.size());
    this.referencesByPort = new HashMap<>();
    this.offeredByPort = new HashMap<>();
    for (ServiceNumber number : numbers.values()) {
      List<Product> onNumber = new ArrayList<>();
      for (Product product : this.products) {
        if (product.servicePort().equals(number.port())) {
          onNumber.add(product);
        }
      }
      effective.add(number.withRoutes(mergedRoutes(number, onNumber)));
      Map<String, String> words = wordKeys(number);
      referencesByPort.put(
          number.port(), Collections.unmodifiableMap(references(number, onNumber, words)));
      offeredByPort.put(
          number.port(),
          onNumber.stream().filter(p -> p.status() != ProductStatus.RETIRED).toList());
    }
    this.serviceNumbers = List.copyOf(effective);
    this.resolver = new ShortCodeResolver(this.serviceNumbers);
  }

  /** A catalog with nothing in it: every destination is unknown. */
  public static Catalog empty() {
    return new Catalog(List.of(), List.of());
  }

  /** All products, in the order given. */
  public List<Product> products() {
    return products;
  }

  /**
   * All service numbers in the order given, with the routes of their products' extensions merged
   * in.
   */
  public List<ServiceNumber> serviceNumbers() {
    return serviceNumbers;
  }

  /** The product with this code, in any letter case. */
  public Optional<Product> product(String code) {
    return code == null
        ? Optional.empty()
        : Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT)));
  }

  /** The product with this numeric code. */
  public Optional<Product> productByNumericCode(String numericCode) {
    return numericCode == null
        ? Optional.empty()
        : Optional.ofNullable(byNumericCode.get(numericCode));
  }

  /** The service number with exactly this main port. */
  public Optional<ServiceNumber> serviceNumber(String port) {
    return resolver.serviceNumber(port);
  }

  /**
   * The service number and extension of a destination (longest port prefix); empty if it is under
   * none.
   */
  public Optional<ShortCode> resolve(String destination) {
    return resolver.resolve(destination);
  }

  /** The product the extension of {@code shortCode} is dedicated to, if it routes to one. */
  public Optional<Product> routedProduct(ShortCode shortCode) {
    if (shortCode.route().isPresent()
        && shortCode.route().get() instanceof ExtensionRoute.ToProduct toProduct) {
      return Optional.ofNullable(byCode.get(toProduct.productCode()));
    }
    return Optional.empty();
  }

  /**
   * The products on the number of {@code port} by reference, each reference in the form of {@link
   * TextNormalizer#key}; empty for an unknown port.
   */
  public Map<String, Product> references(String port) {
    return referencesByPort.getOrDefault(port, Map.of());
  }

  /**
   * The product {@code reference} (code, numeric code, name or alias, as typed) refers to on {@code
   * port}.
   */
  public Optional<Product> find(String port, String reference) {
    return Optional.ofNullable(references(port).get(TextNormalizer.key(reference)));
  }

  /** The products on offer (not retired) on the number of {@code port}, in catalog order. */
  public List<Product> offeredOn(String port) {
    return offeredByPort.getOrDefault(port, List.of());
  }

  /**
   * The products to list to a user who wrote to {@code shortCode}: those of the partner if the
   * extension routes to a partner account, else all on offer on the number.
   */
  public List<Product> offeredAt(ShortCode shortCode) {
    List<Product> offered = offeredOn(shortCode.port());
    if (shortCode.route().isPresent()
        && shortCode.route().get() instanceof ExtensionRoute.ToPartner partner) {
      return offered.stream().filter(p -> p.partnerCode().equals(partner.partnerCode())).toList();
    }
    return offered;
  }

  private static void claim(Map<String, Product> index, String key, Product product, String what) {
    Product previous = index.putIfAbsent(key, product);
    if (previous != null) {
      throw new IllegalArgumentException(
          "products "
              + previous.describe()
              + " and "
              + product.describe()
              + " both claim "
              + what
              + " "
              + key);
    }
  }

  private List<ExtensionRoute> mergedRoutes(ServiceNumber number, List<Product> onNumber) {
    Map<String, ExtensionRoute> routes = new LinkedHashMap<>();
    for (ExtensionRoute route : number.routes()) {
      if (route instanceof ExtensionRoute.ToProduct toProduct) {
        Product target = byCode.get(toProduct.productCode());
        if (target == null || !target.servicePort().equals(number.port())) {
          throw new IllegalArgumentException(
              "service number "
                  + number.port()
                  + ": route "
                  + route.describe()
                  + " names no product offered on this number");
        }
      }
      routes.put(route.extension(), route);
    }
    for (Product product : onNumber) {
      if (product.extension().isEmpty()) {
        continue;
      }
      ExtensionRoute own = new ExtensionRoute.ToProduct(product.extension(), product.code());
      ExtensionRoute existing = routes.putIfAbsent(product.extension(), own);
      if (existing != null && !existing.equals(own)) {
        String other =
            existing instanceof ExtensionRoute.ToProduct p
                ? "product " + byCode.get(p.productCode()).describe()
                : "route " + existing.describe();
        throw new IllegalArgumentException(
            "service number "
                + number.port()
                + ": product "
                + product.describe()
                + " and "
                + other
                + " both claim extension "
                + product.extension());
      }
    }
    return List.copyOf(routes.values());
  }

  /** The normalised command words of a number, each mapped to the command and word it came from. */
  private static Map<String, String> wordKeys(ServiceNumber number) {
    CommandWords words = number.words();
    Map<String, String> keys = new HashMap<>();
    addWords(number, keys, "subscribe", words.subscribe());
    addWords(number, keys, "unsubscribe", words.unsubscribe());
    addWords(number, keys, "query", words.query());
    addWords(number, keys, "unsubscribeAll", words.unsubscribeAll());
    addWords(number, keys, "confirm", words.confirm());
    addWords(number, keys, "decline", words.decline());
    addWords(number, keys, "help", words.help());
    return keys;
  }

  private static void addWords(
      ServiceNumber number, Map<String, String> keys, String command, List<String> words) {
    for (String word : words) {
      String key = TextNormalizer.key(word);
      if (key.isEmpty()) {
        throw new IllegalArgumentException(
            "service number "
                + number.port()
                + ": "
                + command
                + " word '"
                + word
                + "' is nothing but punctuation or spaces");
      }
      String described = command + " word '" + word + "'";
      String previous = keys.putIfAbsent(key, described);
      // The same word twice in one command is harmless; one word for two commands is ambiguous.
      if (previous != null && !previous.startsWith(command + " word ")) {
        throw new IllegalArgumentException(
            "service number "
                + number.port()
                + ": the "
                + previous
                + " and the "
                + described
                + " read the same");
      }
    }
  }

  private static Map<String, Product> references(
      ServiceNumber number, List<Product> onNumber, Map<String, String> wordKeys) {
    Map<String, Product> references = new HashMap<>();
    for (Product product : onNumber) {
      for (String reference : product.references()) {
        String key = TextNormalizer.key(reference);
        if (key.isEmpty()) {
          throw new IllegalArgumentException(
              "product "
                  + product.describe()
                  + ": reference '"
                  + reference
                  + "' is nothing but punctuation or spaces");
        }
        if (wordKeys.containsKey(key)) {
          throw new IllegalArgumentException(
              "product "
                  + product.describe()
                  + ": reference '"
                  + reference
                  + "' reads the same as the "
                  + wordKeys.get(key)
                  + " on "
                  + number.port());
        }
        Product previous = references.putIfAbsent(key, product);
        if (previous != null && previous != product) {
          throw new IllegalArgumentException(
              "products "
                  + previous.describe()
                  + " and "
                  + product.describe()
                  + " both claim the reference '"
                  + reference
                  + "' on "
                  + number.port());
        }
      }
    }
    return references;
  }
}
