package io.vasgate.command.parse;

import io.vasgate.command.catalog.Product;
import io.vasgate.command.shortcode.ShortCode;
import java.util.Objects;
import java.util.Optional;

/**
 * A near miss: the text is one edit away from a command ({@code KT TX} for {@code KT TQ}, {@code
 * YSE} for {@code YES}), or is a bare product reference ({@code TQ}). Nothing is executed; the user
 * is asked to send the suggestion, so a typo can never order or cancel anything.
 *
 * @param kind the command the user probably meant
 * @param shortCode where the MO was sent
 * @param product the product the user probably meant, if the command takes one
 * @param suggestion the command to propose, in the number's canonical words ({@code KT TQ})
 * @param normalizedText the MO in canonical form
 */
public record DidYouMean(
    CommandKind kind,
    ShortCode shortCode,
    Optional<Product> product,
    String suggestion,
    String normalizedText)
    implements ParseResult {

  public DidYouMean {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(shortCode, "shortCode");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(suggestion, "suggestion");
    Objects.requireNonNull(normalizedText, "normalizedText");
  }
}
