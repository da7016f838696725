package io.vasgate.command.reply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One reply template, checked and split into literal text and placeholders once, so rendering is a
 * concatenation.
 *
 * <p>Syntax: {@code {token}} is a {@link Placeholder}; {@code {{} and {@code }}} are literal
 * braces. Anything else with a brace is rejected, as are placeholders the key does not supply and
 * templates that leave out a placeholder the key requires.
 */
public final class ReplyTemplate {

  private final ReplyKey key;
  private final String source;
  private final String[] literals;
  private final Placeholder[] slots;
  private final Set<Placeholder> placeholders;

  private ReplyTemplate(
      ReplyKey key, String source, List<String> literals, List<Placeholder> slots) {
    this.key = key;
    this.source = source;
    this.literals = literals.toArray(new String[0]);
    this.slots = slots.toArray(new Placeholder[0]);
    EnumSet<Placeholder> used = EnumSet.noneOf(Placeholder.class);
    used.addAll(slots);
    this.placeholders = Collections.unmodifiableSet(used);
  }

  /**
   * Checks and compiles {@code text} as the template of {@code key}.
   *
   * @param where where the text came from, for the error message ({@code zh}, {@code 10658880/en})
   * @throws IllegalArgumentException naming the key and the placeholder if the text has an unknown
   *     placeholder, a placeholder the key does not supply, misses one the key requires, or has an
   *     unbalanced brace
   */
  public static ReplyTemplate compile(ReplyKey key, String text, String where) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(text, "text");
    List<String> literals = new ArrayList<>();
    List<Placeholder> slots = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        literal.append('}');
        i += 2;
      } else if (c == '{') {
        int close = text.indexOf('}', i + 1);
        if (close < 0) {
          throw problem(key, where, "has a '{' without its '}' at index " + i);
        }
        String token = text.substring(i + 1, close);
        Placeholder placeholder =
            Placeholder.byToken(token)
                .orElseThrow(
                    () -> problem(key, where, "has an unknown placeholder {" + token + "}"));
        if (!key.allowed().contains(placeholder)) {
          throw problem(
              key,
              where,
              "uses placeholder "
                  + placeholder
                  + ", which this reply does not supply (allowed: "
                  + key.allowed()
                  + ")");
        }
        literals.add(literal.toString());
        literal.setLength(0);
        slots.add(placeholder);
        i = close + 1;
      } else if (c == '}') {
        throw problem(key, where, "has a '}' without its '{' at index " + i);
      } else {
        literal.append(c);
        i++;
      }
    }
    literals.add(literal.toString());
    for (Placeholder required : key.required()) {
      if (!slots.contains(required)) {
        throw problem(key, where, "misses required placeholder " + required);
      }
    }
    return new ReplyTemplate(key, text, literals, slots);
  }

  /** The reply this template is for. */
  public ReplyKey key() {
    return key;
  }

  /** The template as written. */
  public String source() {
    return source;
  }

  /** The placeholders the template contains. */
  public Set<Placeholder> placeholders() {
    return placeholders;
  }

  /**
   * The template with every placeholder replaced by its value. Values for placeholders the template
   * does not use are ignored, so a caller can always pass everything the key supplies.
   *
   * @throws IllegalArgumentException naming the key and placeholder if the template uses a
   *     placeholder that has no value
   */
  public String render(Map<Placeholder, String> values) {
    Objects.requireNonNull(values, "values");
    StringBuilder out = new StringBuilder(source.length() + 32);
    out.append(literals[0]);
    for (int i = 0; i < slots.length; i++) {
      String value = values.get(slots[i]);
      if (value == null) {
        throw new IllegalArgumentException(
            "reply " + key.id() + " needs a value for " + slots[i] + ", got none");
      }
      out.append(value).append(literals[i + 1]);
    }
    return out.toString();
  }

  private static IllegalArgumentException problem(ReplyKey key, String where, String what) {
    return new IllegalArgumentException("reply template " + key.id() + " (" + where + ") " + what);
  }

  @Override
  public String toString() {
    return key.id() + "=" + source;
  }
}
