package io.vasgate.admin.catalog;

import java.util.List;

/**
 * One reply template of a service number as it is in force.
 *
 * @param port the service number
 * @param language {@code zh} or {@code en}
 * @param key the reply ({@code confirm.prompt})
 * @param text the template in force: the override if there is one, else the default
 * @param overridden whether the number overrides the default
 * @param defaultText the shipped default
 * @param requiredPlaceholders placeholders every template of the key must contain
 * @param allowedPlaceholders placeholders a template of the key may contain
 */
public record TemplateDto(
    String port,
    String language,
    String key,
    String text,
    boolean overridden,
    String defaultText,
    List<String> requiredPlaceholders,
    List<String> allowedPlaceholders) {}
