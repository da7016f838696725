package io.vasgate.command.parse;

import io.vasgate.command.catalog.Product;
import io.vasgate.command.shortcode.ShortCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An MO that is no command, with what the reply needs.
 *
 * @param kind why
 * @param shortCode where the MO was sent; empty only for {@link
 *     ParseErrorKind#UNKNOWN_SERVICE_NUMBER}
 * @param command the command recognised, for {@link ParseErrorKind#UNKNOWN_PRODUCT} and {@link
 *     ParseErrorKind#WHICH_PRODUCT}
 * @param products the products to list in the reply: on offer on the number, or of the partner the
 *     extension routes to
 * @param normalizedText the MO in canonical form
 */
public record ParseError(
    ParseErrorKind kind,
    Optional<ShortCode> shortCode,
    Optional<CommandKind> command,
    List<Product> products,
    String normalizedText)
    implements ParseResult {

  public ParseError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(shortCode, "shortCode");
    Objects.requireNonNull(command, "command");
    products = List.copyOf(products);
    Objects.requireNonNull(normalizedText, "normalizedText");
    if (shortCode.isEmpty() != (kind == ParseErrorKind.UNKNOWN_SERVICE_NUMBER)) {
      throw new IllegalArgumentException(kind + " with short code " + shortCode);
    }
  }
}
