package io.vasgate.persistence.catalog;

import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.reply.Language;
import io.vasgate.command.reply.ReplyKey;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.command.shortcode.ServiceNumber;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything the catalog tables hold, as stored: partners, service numbers with only the routes
 * they list themselves (products' own extensions are merged in by {@link Catalog}), products, and
 * reply template overrides. Immutable; the {@code with} methods return changed copies, which is how
 * an edit is tried before it is written.
 *
 * @param partners the partners, by code
 * @param serviceNumbers the service numbers, in creation order
 * @param products the products, in creation order
 * @param templates the reply template overrides
 */
public record CatalogContent(
    List<Partner> partners,
    List<ServiceNumber> serviceNumbers,
    List<Product> products,
    List<TemplateOverride> templates) {

  public CatalogContent {
    partners = List.copyOf(partners);
    serviceNumbers = List.copyOf(serviceNumbers);
    products = List.copyOf(products);
    templates = List.copyOf(templates);
  }

  /** A catalog with nothing in it. */
  public static CatalogContent empty() {
    return new CatalogContent(List.of(), List.of(), List.of(), List.of());
  }

  /** True if there are no partners, numbers, products or templates: a catalog to seed. */
  public boolean isEmpty() {
    return partners.isEmpty()
        && serviceNumbers.isEmpty()
        && products.isEmpty()
        && templates.isEmpty();
  }

  public Optional<Partner> partner(String code) {
    return partners.stream().filter(p -> p.code().equals(code)).findFirst();
  }

  public Optional<ServiceNumber> serviceNumber(String port) {
    return serviceNumbers.stream().filter(n -> n.port().equals(port)).findFirst();
  }

  /** The product with exactly this code. */
  public Optional<Product> product(String code) {
    return products.stream().filter(p -> p.code().equals(code)).findFirst();
  }

  /** The products offered on {@code port}, retired ones included. */
  public List<Product> productsOn(String port) {
    return products.stream().filter(p -> p.servicePort().equals(port)).toList();
  }

  public Optional<TemplateOverride> template(String port, Language language, ReplyKey key) {
    return templates.stream()
        .filter(t -> t.port().equals(port) && t.language() == language && t.key() == key)
        .findFirst();
  }

  /** The overrides on {@code port}. */
  public List<TemplateOverride> templatesOn(String port) {
    return templates.stream().filter(t -> t.port().equals(port)).toList();
  }

  /** This content with {@code partner} added, or replacing the one with its code. */
  public CatalogContent withPartner(Partner partner) {
    return new CatalogContent(
        replaced(partners, partner, p -> p.code().equals(partner.code())),
        serviceNumbers,
        products,
        templates);
  }

  /** This content with {@code number} added, or replacing the one with its port. */
  public CatalogContent withServiceNumber(ServiceNumber number) {
    return new CatalogContent(
        partners,
        replaced(serviceNumbers, number, n -> n.port().equals(number.port())),
        products,
        templates);
  }

  /** This content without the number of {@code port} and its template overrides. */
  public CatalogContent withoutServiceNumber(String port) {
    return new CatalogContent(
        partners,
        serviceNumbers.stream().filter(n -> !n.port().equals(port)).toList(),
        products,
        templates.stream().filter(t -> !t.port().equals(port)).toList());
  }

  /** This content with {@code product} added, or replacing the one with its code. */
  public CatalogContent withProduct(Product product) {
    return new CatalogContent(
        partners,
        serviceNumbers,
        replaced(products, product, p -> p.code().equals(product.code())),
        templates);
  }

  /** This content with {@code template} added, or replacing the one of its port, language, key. */
  public CatalogContent withTemplate(TemplateOverride template) {
    return new CatalogContent(
        partners,
        serviceNumbers,
        products,
        replaced(
            templates,
            template,
            t ->
                t.port().equals(template.port())
                    && t.language() == template.language()
                    && t.key() == template.key()));
  }

  public CatalogContent withoutTemplate(String port, Language language, ReplyKey key) {
    return new CatalogContent(
        partners,
        serviceNumbers,
        products,
        templates.stream()
            .filter(t -> !(t.port().equals(port) && t.language() == language && t.key() == key))
            .toList());
  }

  /**
   * The command-registry snapshot of this content.
   *
   * @throws IllegalArgumentException as {@link Catalog#Catalog} does for conflicting entries
   */
  public Catalog catalog() {
    return new Catalog(products, serviceNumbers);
  }

  /**
   * {@code defaults} with this content's overrides applied.
   *
   * @throws IllegalArgumentException if an override does not compile
   */
  public ReplyTemplates replyTemplates(ReplyTemplates defaults) {
    Map<String, Map<Language, Map<ReplyKey, String>>> grouped = new LinkedHashMap<>();
    for (TemplateOverride t : templates) {
      grouped
          .computeIfAbsent(t.port(), p -> new EnumMap<>(Language.class))
          .computeIfAbsent(t.language(), l -> new EnumMap<>(ReplyKey.class))
          .put(t.key(), t.text());
    }
    ReplyTemplates result = defaults;
    for (Map.Entry<String, Map<Language, Map<ReplyKey, String>>> port : grouped.entrySet()) {
      for (Map.Entry<Language, Map<ReplyKey, String>> language : port.getValue().entrySet()) {
        result = result.withOverrides(port.getKey(), language.getKey(), language.getValue());
      }
    }
    return result;
  }

  private static <T> List<T> replaced(List<T> list, T value, Predicate<T> same) {
    List<T> out = new ArrayList<>(list.size() + 1);
    boolean found = false;
    for (T item : list) {
      if (same.test(item)) {
        out.add(value);
        found = true;
      } else {
        out.add(item);
      }
    }
    if (!found) {
      out.add(value);
    }
    return out;
  }
}
