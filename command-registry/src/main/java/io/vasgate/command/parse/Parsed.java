package io.vasgate.command.parse;

import io.vasgate.command.catalog.Product;
import io.vasgate.command.shortcode.ShortCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to execute. The product's status is not checked here: the parser recognises suspended
 * and retired products so that their holders can still unsubscribe, and the pipeline answers orders
 * for them.
 *
 * @param kind the command
 * @param shortCode where the MO was sent
 * @param product the product, named or implied by the extension; always present for {@link
 *     CommandKind#SUBSCRIBE} and {@link CommandKind#UNSUBSCRIBE}, optional for {@link
 *     CommandKind#QUERY}, absent otherwise
 * @param productImplied true if the product came from the extension rather than the text
 * @param items for {@link CommandKind#SELECT}: the item numbers, ascending and distinct; empty
 *     otherwise
 * @param normalizedText the MO in canonical form
 */
public record Parsed(
    CommandKind kind,
    ShortCode shortCode,
    Optional<Product> product,
    boolean productImplied,
    List<Integer> items,
    String normalizedText)
    implements ParseResult {

  public Parsed {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(shortCode, "shortCode");
    Objects.requireNonNull(product, "product");
    items = List.copyOf(items);
    Objects.requireNonNull(normalizedText, "normalizedText");
    if ((kind == CommandKind.SUBSCRIBE || kind == CommandKind.UNSUBSCRIBE) && product.isEmpty()) {
      throw new IllegalArgumentException(kind + " needs a product");
    }
    if (!kind.takesProduct() && product.isPresent()) {
      throw new IllegalArgumentException(kind + " takes no product");
    }
    if (productImplied && product.isEmpty()) {
      throw new IllegalArgumentException("an implied product must be present");
    }
    if ((kind == CommandKind.SELECT) == items.isEmpty()) {
      throw new IllegalArgumentException(
          "item numbers go with SELECT and only with SELECT, got " + kind + " " + items);
    }
  }
}
