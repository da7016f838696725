package io.vasgate.admin.catalog;

import java.util.List;

/**
 * How the gateway would read an MO, without doing anything.
 *
 * @param catalogVersion the catalog version it was read against
 * @param destination the destination as given
 * @param normalizedText the text after normalisation
 * @param port the service number the destination belongs to; null if none
 * @param extension the extension digits after the port; null if no number
 * @param route the extension's route ({@code 02 -> product TQ}); null if none
 * @param outcome {@code COMMAND} (would execute), {@code DID_YOU_MEAN} (would ask) or {@code ERROR}
 *     (would answer with help or a product list)
 * @param command the command recognised or suggested; null if none
 * @param product the product it is about; null if none
 * @param productImplied for a COMMAND, whether the product came from the extension
 * @param items for SELECT, the item numbers
 * @param suggestion for DID_YOU_MEAN, the command the reply would propose
 * @param error for ERROR, why ({@code UNKNOWN_PRODUCT})
 * @param products for ERROR, the products the reply would list
 */
public record DryRunResult(
    long catalogVersion,
    String destination,
    String normalizedText,
    String port,
    String extension,
    String route,
    String outcome,
    String command,
    ProductRef product,
    Boolean productImplied,
    List<Integer> items,
    String suggestion,
    String error,
    List<ProductRef> products) {}
