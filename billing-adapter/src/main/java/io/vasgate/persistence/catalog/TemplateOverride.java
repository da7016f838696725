package io.vasgate.persistence.catalog;

import io.vasgate.command.reply.Language;
import io.vasgate.command.reply.ReplyKey;
import io.vasgate.command.reply.ReplyTemplate;
import java.util.Objects;

/**
 * A reply text that replaces the shipped default of one key, in one language, on one service
 * number.
 *
 * @param port the main port of the service number
 * @param language the language of the text
 * @param key the reply it replaces
 * @param text the template, in the syntax of {@link ReplyTemplate}
 */
public record TemplateOverride(String port, Language language, ReplyKey key, String text) {

  /**
   * @throws IllegalArgumentException if the port is blank or the text does not compile for the key
   *     (an unknown placeholder, one the key does not supply, a missing required one, a stray
   *     brace)
   */
  public TemplateOverride {
    if (port == null || port.isBlank()) {
      throw new IllegalArgumentException("template override: port must not be blank");
    }
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(text, "text");
    ReplyTemplate.compile(key, text, id(port, language, key));
  }

  /**
   * The id of the override in the audit log and in messages: {@code 10658880/zh/confirm.prompt}.
   */
  public String id() {
    return id(port, language, key);
  }

  static String id(String port, Language language, ReplyKey key) {
    return port + "/" + language.tag() + "/" + key.id();
  }
}
