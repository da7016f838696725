package io.vasgate.command.shortcode;

import io.vasgate.command.reply.Language;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A service number (short code): the main port handsets send to, its extensions and how commands
 * are read on it.
 *
 * @param port the main port ({@code 10658880})
 * @param routes where extensions lead; an extension matches a destination whose digits after the
 *     port start with it
 * @param words the command words understood on this number
 * @param language the language replies on this number are written in
 * @param cancelAllMeansQuery true where the operator has {@code 00000} list subscriptions instead
 *     of cancelling all
 */
public record ServiceNumber(
    String port,
    List<ExtensionRoute> routes,
    CommandWords words,
    Language language,
    boolean cancelAllMeansQuery) {

  /**
   * @throws IllegalArgumentException if the port is not digits, two routes claim one extension
   *     (message names both), or port plus extension would not fit an SMPP address
   */
  public ServiceNumber {
    if (!Digits.isDigits(port)) {
      throw new IllegalArgumentException(
          "a service number port is one or more digits, got '" + port + "'");
    }
    Objects.requireNonNull(routes, "routes");
    Objects.requireNonNull(words, "words");
    Objects.requireNonNull(language, "language");
    routes = List.copyOf(routes);
    Map<String, ExtensionRoute> seen = new HashMap<>();
    for (ExtensionRoute route : routes) {
      if (port.length() + route.extension().length() > ShortCode.MAX_DESTINATION_DIGITS) {
        throw new IllegalArgumentException(
            "service number "
                + port
                + ": extension "
                + route.extension()
                + " makes a destination longer than "
                + ShortCode.MAX_DESTINATION_DIGITS
                + " digits");
      }
      ExtensionRoute previous = seen.putIfAbsent(route.extension(), route);
      if (previous != null) {
        throw new IllegalArgumentException(
            "service number "
                + port
                + ": routes "
                + previous.describe()
                + " and "
                + route.describe()
                + " claim the same extension");
      }
    }
    if (port.length() > ShortCode.MAX_DESTINATION_DIGITS) {
      throw new IllegalArgumentException(
          "service number "
              + port
              + " is longer than "
              + ShortCode.MAX_DESTINATION_DIGITS
              + " digits");
    }
  }

  /**
   * A number with no routes, the default words, Chinese replies and {@code 00000} cancelling all.
   */
  public static ServiceNumber of(String port) {
    return new ServiceNumber(port, List.of(), CommandWords.DEFAULTS, Language.DEFAULT, false);
  }

  public ServiceNumber withRoutes(List<ExtensionRoute> newRoutes) {
    return new ServiceNumber(port, newRoutes, words, language, cancelAllMeansQuery);
  }

  public ServiceNumber withWords(CommandWords newWords) {
    return new ServiceNumber(port, routes, newWords, language, cancelAllMeansQuery);
  }

  public ServiceNumber withLanguage(Language newLanguage) {
    return new ServiceNumber(port, routes, words, newLanguage, cancelAllMeansQuery);
  }

  public ServiceNumber withCancelAllMeansQuery(boolean meansQuery) {
    return new ServiceNumber(port, routes, words, language, meansQuery);
  }

  /**
   * The route of the longest configured extension that {@code extensionDigits} starts with: {@code
   * 0215} takes route {@code 021} over {@code 02}. Empty for no digits or no match. Linear in the
   * routes; the hot path uses {@link ShortCodeResolver}, which indexes them.
   */
  public Optional<ExtensionRoute> route(String extensionDigits) {
    ExtensionRoute best = null;
    if (extensionDigits != null) {
      for (ExtensionRoute route : routes) {
        if (extensionDigits.startsWith(route.extension())
            && (best == null || route.extension().length() > best.extension().length())) {
          best = route;
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
