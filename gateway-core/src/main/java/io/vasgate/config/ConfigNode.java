package io.vasgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A read-only view of one YAML mapping that knows its own dotted path, so every error names the
 * key, and that remembers which keys were read, so a misspelt key fails start-up instead of being
 * silently ignored.
 */
public final class ConfigNode {

  private final String path;
  private final JsonNode node;
  private final Set<String> read = new HashSet<>();

  ConfigNode(String path, JsonNode node) {
    this.path = path;
    this.node = node == null ? MissingNode.getInstance() : node;
    if (!this.node.isMissingNode() && !this.node.isNull() && !this.node.isObject()) {
      throw new ConfigException(displayPath(), "must be a mapping");
    }
  }

  /**
   * The top mapping of a YAML document other than gateway.yaml (conf/catalog.yaml), to be read with
   * the same checks; keys are named from the top of that document.
   */
  public static ConfigNode root(JsonNode document) {
    return new ConfigNode("", document);
  }

  private String displayPath() {
    return path.isEmpty() ? "(root)" : path;
  }

  private String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private Optional<JsonNode> raw(String name) {
    read.add(name);
    JsonNode value = node.path(name);
    return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  public ConfigNode child(String name) {
    return new ConfigNode(key(name), raw(name).orElse(null));
  }

  public List<ConfigNode> children(String name) {
    Optional<JsonNode> value = raw(name);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!value.get().isArray()) {
      throw new ConfigException(key(name), "must be a list");
    }
    List<ConfigNode> out = new ArrayList<>();
    for (int i = 0; i < value.get().size(); i++) {
      out.add(new ConfigNode(key(name) + "[" + i + "]", value.get().get(i)));
    }
    return out;
  }

  public Optional<String> optionalString(String name) {
    return raw(name)
        .map(
            v -> {
              if (!v.isValueNode()) {
                throw new ConfigException(key(name), "must be a single value");
              }
              return v.asText();
            });
  }

  public String string(String name, String defaultValue) {
    return optionalString(name).orElse(defaultValue);
  }

  public String requiredString(String name) {
    return optionalString(name)
        .filter(s -> !s.isBlank())
        .orElseThrow(() -> new ConfigException(key(name), "is required"));
  }

  public int integer(String name, int defaultValue, int min, int max) {
    Optional<JsonNode> value = raw(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    JsonNode v = value.get();
    long parsed;
    if (v.isIntegralNumber()) {
      parsed = v.asLong();
    } else if (v.isTextual() && v.asText().trim().matches("-?\\d{1,10}")) {
      parsed = Long.parseLong(v.asText().trim());
    } else {
      throw new ConfigException(key(name), "must be a whole number but was '" + v.asText() + "'");
    }
    if (parsed < min || parsed > max) {
      throw new ConfigException(key(name), "must be in " + min + ".." + max + " but was " + parsed);
    }
    return (int) parsed;
  }

  public boolean bool(String name, boolean defaultValue) {
    Optional<JsonNode> value = raw(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    String text = value.get().asText().trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new ConfigException(key(name), "must be true or false but was " + text);
    };
  }

  /** Durations as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 24h}, {@code 7d}. */
  public Duration duration(String name, Duration defaultValue, Duration min, Duration max) {
    Optional<String> value = optionalString(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    Duration parsed = parseDuration(key(name), value.get());
    if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
      throw new ConfigException(
          key(name), "must be between " + min + " and " + max + " but was " + value.get());
    }
    return parsed;
  }

  static Duration parseDuration(String key, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    int split = 0;
    while (split < t.length() && Character.isDigit(t.charAt(split))) {
      split++;
    }
    if (split == 0 || split > 12) {
      throw new ConfigException(
          key, "must be a duration such as 500ms, 30s, 5m, 24h but was " + text);
    }
    long amount = Long.parseLong(t.substring(0, split));
    return switch (t.substring(split).trim()) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default ->
          throw new ConfigException(
              key, "must be a duration such as 500ms, 30s, 5m, 24h but was " + text);
    };
  }

  public List<String> strings(String name) {
    Optional<JsonNode> value = raw(name);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!value.get().isArray()) {
      throw new ConfigException(key(name), "must be a list");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value.get()) {
      if (!item.isValueNode()) {
        throw new ConfigException(key(name), "must be a list of single values");
      }
      out.add(item.asText());
    }
    return List.copyOf(out);
  }

  public <E extends Enum<E>> E enumValue(String name, Class<E> type, E defaultValue) {
    return optionalString(name).map(v -> parseEnum(key(name), type, v)).orElse(defaultValue);
  }

  static <E extends Enum<E>> E parseEnum(String key, Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        allowed.add(c.name());
      }
      throw new ConfigException(key, "must be one of " + allowed + " but was '" + value + "'");
    }
  }

  /** Builds a value and reports its constructor's complaint under this node's path. */
  public <T> T build(Function<ConfigNode, T> builder) {
    try {
      return builder.apply(this);
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(displayPath(), e.getMessage());
    }
  }

  /** Fails on the first key of this mapping that nothing asked for: a typo, most likely. */
  public void rejectUnknownKeys() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!read.contains(name)) {
        throw new ConfigException(key(name), "is not a known setting");
      }
    }
  }
}
