package io.vasgate.command.parse;

import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import io.vasgate.command.shortcode.CommandWords;
import io.vasgate.command.shortcode.ServiceNumber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words and product references of one service number, in the normalised form MO text is matched
 * in, arranged for the parser: a hash map for whole-message words, the product-taking verbs longest
 * first for prefix matching, and flat arrays for the near-miss search.
 */
final class Lexicon {

  /**
   * Shortest word or reference that near misses are matched against; one letter off a one-letter
   * word is noise.
   */
  static final int MIN_FUZZY_LENGTH = 2;

  private final ServiceNumber number;
  private final Map<String, CommandKind> words = new HashMap<>();
  private final Map<String, Product> products;
  private final EnumMap<CommandKind, String> canonical = new EnumMap<>(CommandKind.class);
  private final String[] verbs;
  private final CommandKind[] verbKinds;
  private final String[] fuzzyWords;
  private final String[] fuzzyDisplays;
  private final CommandKind[] fuzzyKinds;
  private final String[] fuzzyReferences;
  private final Product[] fuzzyProducts;

  Lexicon(ServiceNumber number, Catalog catalog) {
    this.number = number;
    this.products = catalog.references(number.port());
    CommandWords configured = number.words();
    CommandKind cancelAll =
        number.cancelAllMeansQuery() ? CommandKind.QUERY : CommandKind.UNSUBSCRIBE_ALL;
    List<Word> all = new ArrayList<>();
    add(all, configured.subscribe(), CommandKind.SUBSCRIBE);
    add(all, configured.unsubscribe(), CommandKind.UNSUBSCRIBE);
    add(all, configured.query(), CommandKind.QUERY);
    add(all, configured.unsubscribeAll(), cancelAll);
    add(all, configured.confirm(), CommandKind.CONFIRM);
    add(all, configured.decline(), CommandKind.DECLINE);
    add(all, configured.help(), CommandKind.HELP);

    List<Word> verbList = new ArrayList<>();
    List<Word> fuzzyList = new ArrayList<>();
    for (Word word : all) {
      words.putIfAbsent(word.key, word.kind);
      if (word.kind.takesProduct()) {
        verbList.add(word);
      }
      if (word.key.length() >= MIN_FUZZY_LENGTH) {
        fuzzyList.add(word);
      }
    }
    verbList.sort(Comparator.comparingInt((Word w) -> w.key.length()).reversed());
    this.verbs = verbList.stream().map(w -> w.key).toArray(String[]::new);
    this.verbKinds = verbList.stream().map(w -> w.kind).toArray(CommandKind[]::new);
    this.fuzzyWords = fuzzyList.stream().map(w -> w.key).toArray(String[]::new);
    this.fuzzyDisplays = fuzzyList.stream().map(w -> w.display).toArray(String[]::new);
    this.fuzzyKinds = fuzzyList.stream().map(w -> w.kind).toArray(CommandKind[]::new);

    List<String> references = new ArrayList<>();
    List<Product> owners = new ArrayList<>();
    products.forEach(
        (key, product) -> {
          if (product.status() != ProductStatus.RETIRED && key.length() >= MIN_FUZZY_LENGTH) {
            references.add(key);
            owners.add(product);
          }
        });
    this.fuzzyReferences = references.toArray(new String[0]);
    this.fuzzyProducts = owners.toArray(new Product[0]);
  }

  private void add(List<Word> all, List<String> configured, CommandKind kind) {
    for (String word : configured) {
      all.add(new Word(TextNormalizer.key(word), word, kind));
      canonical.putIfAbsent(kind, word);
    }
  }

  ServiceNumber number() {
    return number;
  }

  /** The command a whole message (in key form) is the word of; null if none. */
  CommandKind word(String key) {
    return words.get(key);
  }

  /** The product a reference (in key form) refers to on this number; null if none. */
  Product product(String key) {
    return products.get(key);
  }

  /** The product-taking verbs in key form, longest first. */
  String[] verbs() {
    return verbs;
  }

  CommandKind verbKind(int index) {
    return verbKinds[index];
  }

  /** The first configured word of {@code kind}, as configured ({@code KT}). */
  String canonical(CommandKind kind) {
    return canonical.getOrDefault(kind, kind.name());
  }

  /**
   * The index of the only command (by kind) one edit from {@code key}: -1 if none is, or if words
   * of different commands are, since guessing between, say, subscribe and unsubscribe would be
   * worse than asking.
   */
  int nearWord(String key, boolean productTakingOnly) {
    int found = -1;
    for (int i = 0; i < fuzzyWords.length; i++) {
      if ((!productTakingOnly || fuzzyKinds[i].takesProduct())
          && EditDistance.withinOne(key, fuzzyWords[i])) {
        if (found >= 0 && fuzzyKinds[found] != fuzzyKinds[i]) {
          return -1;
        }
        if (found < 0) {
          found = i;
        }
      }
    }
    return found;
  }

  CommandKind nearWordKind(int index) {
    return fuzzyKinds[index];
  }

  String nearWordDisplay(int index) {
    return fuzzyDisplays[index];
  }

  /**
   * The only orderable product with a reference one edit from {@code key}; null if none or several.
   */
  Product nearProduct(String key) {
    Product found = null;
    for (int i = 0; i < fuzzyReferences.length; i++) {
      if (EditDistance.withinOne(key, fuzzyReferences[i])) {
        if (found != null && found != fuzzyProducts[i]) {
          return null;
        }
        found = fuzzyProducts[i];
      }
    }
    return found;
  }

  private record Word(String key, String display, CommandKind kind) {}
}
