package io.vasgate.command.parse;

import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import io.vasgate.command.shortcode.ShortCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an MO text sent to a destination number as a command of the unified short-code grammar. A
 * pure function of its arguments: no I/O, no clock, no exceptions for any text or destination.
 *
 * <h2>Grammar</h2>
 *
 * After {@linkplain TextNormalizer normalisation}, in this order:
 *
 * <ol>
 *   <li>Nothing left: {@link ParseErrorKind#EMPTY_TEXT}. Longer than {@value #MAX_COMMAND_LENGTH}:
 *       {@link ParseErrorKind#TOO_LONG}.
 *   <li>The whole text (spaces ignored) is a command word: that command. Subscribe and unsubscribe
 *       take the product of the extension ({@code 退订} on {@code 1065888002} cancels TQ), or, on an
 *       extension without one, {@link ParseErrorKind#WHICH_PRODUCT}. {@code 00000} is a query where
 *       the number says so.
 *   <li>One or more item numbers ({@code 1，3}, each 1-{@value #MAX_ITEM_NUMBER}): {@link
 *       CommandKind#SELECT}.
 *   <li>A subscribe, unsubscribe or query word followed, with or without a space, by a product
 *       reference ({@code KT TQ}, {@code kttq}, {@code 开通天气}, {@code QX 1002}): that command on
 *       that product. When several words prefix the text, the first split whose rest is a product
 *       wins, a space after the verb first, then the longest verb.
 *   <li>A bare product reference ({@code TQ}): {@link DidYouMean} "KT TQ". Ordering costs money, so
 *       a code on its own is a question, never an order.
 *   <li>A verb followed by something that is no product: {@link DidYouMean} if exactly one
 *       orderable product is one edit away ({@code KT TX} -> TQ) or a misspelt verb precedes an
 *       exact product ({@code K TQ}, read as {@code kt} + {@code q}), else {@link
 *       ParseErrorKind#UNKNOWN_PRODUCT}. A reference of one repeated letter ({@code KT XX}) is
 *       never corrected: it is the placeholder of a help text copied literally, and the user needs
 *       the list of codes, not a guess.
 *   <li>One edit from a command word ({@code YSE}, {@code 推订}), or from a verb followed by a
 *       product ({@code KR TQ}): {@link DidYouMean}, unless words of two different commands are
 *       equally near.
 *   <li>Anything else: {@link ParseErrorKind#UNRECOGNISED}, answered with the commands of the
 *       number.
 * </ol>
 *
 * <h2>Speed</h2>
 *
 * The words and references of every number are indexed once per catalog snapshot ({@link Lexicon});
 * this parser keeps the index of the last snapshot it saw and rebuilds it when handed a different
 * one. Share one parser per pipeline: it is thread-safe, and at worst two threads build the index
 * of a new snapshot twice.
 */
public final class CommandParser {

  /**
   * Longest normalised text read as a command: one UCS2 SMS. Longer text is a message to a person,
   * not a command.
   */
  public static final int MAX_COMMAND_LENGTH = 70;

  /**
   * Highest item number of a selection; a list of subscriptions longer than this is not answered by
   * number.
   */
  public static final int MAX_ITEM_NUMBER = 99;

  private volatile Grammar grammar;

  /**
   * The command in {@code text} sent to {@code destinationNumber}, read against {@code catalog}.
   *
   * @param text the MO text, in any form a handset sends; null reads as empty
   * @param destinationNumber the full destination the MO was sent to (port and extension); null is
   *     unknown
   * @throws NullPointerException only if {@code catalog} is null
   */
  public ParseResult parse(String text, String destinationNumber, Catalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    String normalized = TextNormalizer.normalize(text);
    Optional<ShortCode> resolved = catalog.resolve(destinationNumber);
    if (resolved.isEmpty()) {
      return new ParseError(
          ParseErrorKind.UNKNOWN_SERVICE_NUMBER,
          Optional.empty(),
          Optional.empty(),
          List.of(),
          normalized);
    }
    ShortCode shortCode = resolved.get();
    Lexicon lexicon = grammarOf(catalog).lexicon(shortCode.port());
    return new Reading(catalog, lexicon, shortCode, normalized).read();
  }

  private Grammar grammarOf(Catalog catalog) {
    Grammar current = grammar;
    if (current == null || !current.isFor(catalog)) {
      current = new Grammar(catalog);
      grammar = current;
    }
    return current;
  }

  /** One MO being read; holds what every step needs so the steps stay small. */
  private static final class Reading {
    private final Catalog catalog;
    private final Lexicon lexicon;
    private final ShortCode shortCode;
    private final String normalized;
    private final String key;

    Reading(Catalog catalog, Lexicon lexicon, ShortCode shortCode, String normalized) {
      this.catalog = catalog;
      this.lexicon = lexicon;
      this.shortCode = shortCode;
      this.normalized = normalized;
      this.key = TextNormalizer.withoutSpaces(normalized);
    }

    ParseResult read() {
      if (normalized.isEmpty()) {
        return error(ParseErrorKind.EMPTY_TEXT, null);
      }
      if (normalized.length() > MAX_COMMAND_LENGTH) {
        return error(ParseErrorKind.TOO_LONG, null);
      }
      CommandKind word = lexicon.word(key);
      if (word != null) {
        return wordAlone(word);
      }
      List<Integer> items = Selection.items(normalized, MAX_ITEM_NUMBER);
      if (items != null) {
        return new Parsed(
            CommandKind.SELECT, shortCode, Optional.empty(), false, items, normalized);
      }
      ParseResult withProduct = verbAndProduct();
      if (withProduct != null) {
        return withProduct;
      }
      Product bare = lexicon.product(key);
      if (bare != null && bare.status() != ProductStatus.RETIRED) {
        return didYouMean(CommandKind.SUBSCRIBE, bare);
      }
      ParseResult unknownProduct = verbAndUnknownProduct();
      if (unknownProduct != null) {
        return unknownProduct;
      }
      ParseResult typo = misspeltVerb();
      if (typo != null) {
        return typo;
      }
      return error(ParseErrorKind.UNRECOGNISED, null);
    }

    private ParseResult wordAlone(CommandKind kind) {
      if (kind != CommandKind.SUBSCRIBE && kind != CommandKind.UNSUBSCRIBE) {
        return new Parsed(kind, shortCode, Optional.empty(), false, List.of(), normalized);
      }
      Optional<Product> routed = catalog.routedProduct(shortCode);
      if (routed.isEmpty()) {
        return error(ParseErrorKind.WHICH_PRODUCT, kind);
      }
      return new Parsed(kind, shortCode, routed, true, List.of(), normalized);
    }

    /** Step 4: a verb and an exact product reference. */
    private ParseResult verbAndProduct() {
      int space = normalized.indexOf(' ');
      if (space > 0) {
        CommandKind kind = lexicon.word(normalized.substring(0, space));
        if (kind != null && kind.takesProduct()) {
          Product product = lexicon.product(key.substring(space));
          if (product != null) {
            return parsed(kind, product);
          }
        }
      }
      String[] verbs = lexicon.verbs();
      for (int i = 0; i < verbs.length; i++) {
        String verb = verbs[i];
        if (key.length() > verb.length() && key.startsWith(verb)) {
          Product product = lexicon.product(key.substring(verb.length()));
          if (product != null) {
            return parsed(lexicon.verbKind(i), product);
          }
        }
      }
      return null;
    }

    /**
     * Step 6: the longest verb that prefixes the text, followed by something that is no product. A
     * misspelt verb before an exact product ({@code K TQ} reads as {@code kt} + {@code q}) is the
     * better guess, so it is tried before the product is declared unknown.
     */
    private ParseResult verbAndUnknownProduct() {
      String[] verbs = lexicon.verbs();
      for (int i = 0; i < verbs.length; i++) {
        String verb = verbs[i];
        if (key.length() > verb.length() && key.startsWith(verb)) {
          CommandKind kind = lexicon.verbKind(i);
          String rest = key.substring(verb.length());
          Product near = isCorrectable(rest) ? lexicon.nearProduct(rest) : null;
          if (near != null) {
            return didYouMean(kind, near);
          }
          ParseResult misspelt = misspeltVerbAndProduct();
          return misspelt != null ? misspelt : error(ParseErrorKind.UNKNOWN_PRODUCT, kind);
        }
      }
      return null;
    }

    /**
     * Step 7: one edit from a whole word, or from a verb followed by an exact product reference.
     */
    private ParseResult misspeltVerb() {
      if (key.length() >= Lexicon.MIN_FUZZY_LENGTH) {
        int near = lexicon.nearWord(key, false);
        if (near >= 0) {
          return nearWordAlone(lexicon.nearWordKind(near), lexicon.nearWordDisplay(near));
        }
      }
      return misspeltVerbAndProduct();
    }

    private ParseResult misspeltVerbAndProduct() {
      for (int split = 1; split < key.length(); split++) {
        Product product = lexicon.product(key.substring(split));
        if (product == null) {
          continue;
        }
        int near = lexicon.nearWord(key.substring(0, split), true);
        if (near >= 0) {
          CommandKind kind = lexicon.nearWordKind(near);
          return new DidYouMean(
              kind,
              shortCode,
              Optional.of(product),
              lexicon.nearWordDisplay(near) + " " + product.code(),
              normalized);
        }
      }
      return null;
    }

    private ParseResult nearWordAlone(CommandKind kind, String display) {
      Optional<Product> product = Optional.empty();
      if (kind == CommandKind.SUBSCRIBE || kind == CommandKind.UNSUBSCRIBE) {
        product = catalog.routedProduct(shortCode);
      }
      return new DidYouMean(kind, shortCode, product, display, normalized);
    }

    private Parsed parsed(CommandKind kind, Product product) {
      return new Parsed(kind, shortCode, Optional.of(product), false, List.of(), normalized);
    }

    private DidYouMean didYouMean(CommandKind kind, Product product) {
      String suggestion = lexicon.canonical(kind) + " " + product.code();
      return new DidYouMean(kind, shortCode, Optional.of(product), suggestion, normalized);
    }

    private ParseError error(ParseErrorKind kind, CommandKind command) {
      return new ParseError(
          kind,
          Optional.of(shortCode),
          Optional.ofNullable(command),
          catalog.offeredAt(shortCode),
          normalized);
    }

    /**
     * False for a reference of one character repeated ({@code xx}, {@code xxx}): how help texts
     * write "the code", typed literally by users who need the list of codes rather than a
     * correction.
     */
    private static boolean isCorrectable(String reference) {
      if (reference.length() < Lexicon.MIN_FUZZY_LENGTH) {
        return false;
      }
      for (int i = 1; i < reference.length(); i++) {
        if (reference.charAt(i) != reference.charAt(0)) {
          return true;
        }
      }
      return false;
    }
  }
}
