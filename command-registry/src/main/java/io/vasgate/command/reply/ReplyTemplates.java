package io.vasgate.command.reply;

import io.vasgate.sms.SmsLength;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The reply templates of a gateway: a complete default set per {@link Language} and partial
 * overrides per service number (main port). Every template is compiled when the set is built, so a
 * template with an unknown or missing placeholder stops start-up (or an admin change) instead of
 * failing a reply to a user.
 *
 * <p>Lookup order for {@code (port, key, language)}: the port's override in that language, then the
 * default in that language. Instances are immutable; {@link #withOverrides} returns a new set.
 */
public final class ReplyTemplates {

  private final Map<Language, Map<ReplyKey, ReplyTemplate>> defaults;
  private final Map<String, Map<Language, Map<ReplyKey, ReplyTemplate>>> overrides;

  /**
   * @param defaults a template for every key in every language
   * @param overrides by main port, then language: templates replacing the defaults on that number
   * @throws IllegalArgumentException naming key, language (and port) for a missing default or a
   *     template that does not compile (see {@link ReplyTemplate#compile})
   */
  public ReplyTemplates(
      Map<Language, Map<ReplyKey, String>> defaults,
      Map<String, Map<Language, Map<ReplyKey, String>>> overrides) {
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(overrides, "overrides");
    EnumMap<Language, Map<ReplyKey, ReplyTemplate>> compiledDefaults =
        new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      Map<ReplyKey, String> texts = defaults.getOrDefault(language, Map.of());
      for (ReplyKey key : ReplyKey.values()) {
        if (!texts.containsKey(key)) {
          throw new IllegalArgumentException(
              "reply template "
                  + key.id()
                  + " ("
                  + language.tag()
                  + ") is missing from the defaults");
        }
      }
      compiledDefaults.put(language, compile(texts, language.tag()));
    }
    Map<String, Map<Language, Map<ReplyKey, ReplyTemplate>>> compiledOverrides = new HashMap<>();
    overrides.forEach(
        (port, byLanguage) -> {
          Objects.requireNonNull(port, "override port");
          EnumMap<Language, Map<ReplyKey, ReplyTemplate>> compiled = new EnumMap<>(Language.class);
          byLanguage.forEach(
              (language, texts) ->
                  compiled.put(language, compile(texts, port + "/" + language.tag())));
          compiledOverrides.put(port, Collections.unmodifiableMap(compiled));
        });
    this.defaults = Collections.unmodifiableMap(compiledDefaults);
    this.overrides = Collections.unmodifiableMap(compiledOverrides);
  }

  /**
   * The templates shipped with the gateway, without overrides.
   *
   * @throws IllegalStateException if a shipped file is missing
   */
  public static ReplyTemplates shipped() {
    EnumMap<Language, Map<ReplyKey, String>> texts = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      texts.put(language, ReplyTemplateFiles.shipped(language));
    }
    return new ReplyTemplates(texts, Map.of());
  }

  /**
   * This set with {@code templates} overriding the defaults of {@code language} on the service
   * number whose main port is {@code port}; earlier overrides of other keys are kept.
   *
   * @throws IllegalArgumentException if a template does not compile
   */
  public ReplyTemplates withOverrides(
      String port, Language language, Map<ReplyKey, String> templates) {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(language, "language");
    Map<Language, Map<ReplyKey, String>> defaultTexts = sources(defaults);
    Map<String, Map<Language, Map<ReplyKey, String>>> overrideTexts = new HashMap<>();
    overrides.forEach((p, byLanguage) -> overrideTexts.put(p, sources(byLanguage)));
    overrideTexts
        .computeIfAbsent(port, p -> new EnumMap<>(Language.class))
        .computeIfAbsent(language, l -> new EnumMap<>(ReplyKey.class))
        .putAll(templates);
    return new ReplyTemplates(defaultTexts, overrideTexts);
  }

  /**
   * The template used for {@code key} in {@code language} on {@code port} (null port: the default).
   */
  public ReplyTemplate template(String port, ReplyKey key, Language language) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(language, "language");
    if (port != null) {
      Map<Language, Map<ReplyKey, ReplyTemplate>> byLanguage = overrides.get(port);
      if (byLanguage != null) {
        ReplyTemplate override = byLanguage.getOrDefault(language, Map.of()).get(key);
        if (override != null) {
          return override;
        }
      }
    }
    return defaults.get(language).get(key);
  }

  /**
   * The default reply for {@code key} in {@code language}.
   *
   * @throws IllegalArgumentException if the template uses a placeholder that has no value
   */
  public RenderedReply render(ReplyKey key, Language language, Map<Placeholder, String> values) {
    return render(null, key, language, values);
  }

  /**
   * The reply for {@code key} in {@code language} on the service number {@code port}, with its
   * override if any.
   *
   * @throws IllegalArgumentException if the template uses a placeholder that has no value
   */
  public RenderedReply render(
      String port, ReplyKey key, Language language, Map<Placeholder, String> values) {
    String text = template(port, key, language).render(values);
    return new RenderedReply(text, SmsLength.segments(text));
  }

  private static Map<ReplyKey, ReplyTemplate> compile(Map<ReplyKey, String> texts, String where) {
    EnumMap<ReplyKey, ReplyTemplate> compiled = new EnumMap<>(ReplyKey.class);
    texts.forEach((key, text) -> compiled.put(key, ReplyTemplate.compile(key, text, where)));
    return Collections.unmodifiableMap(compiled);
  }

  private static Map<Language, Map<ReplyKey, String>> sources(
      Map<Language, Map<ReplyKey, ReplyTemplate>> compiled) {
    EnumMap<Language, Map<ReplyKey, String>> texts = new EnumMap<>(Language.class);
    compiled.forEach(
        (language, templates) -> {
          EnumMap<ReplyKey, String> byKey = new EnumMap<>(ReplyKey.class);
          templates.forEach((key, template) -> byKey.put(key, template.source()));
          texts.put(language, byKey);
        });
    return texts;
  }
}
