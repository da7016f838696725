package io.vasgate.command.reply;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Reads reply templates from UTF-8 properties files ({@code confirm.prompt=您将订购{product}…}), the
 * format of the shipped defaults {@code templates-zh.properties} and {@code
 * templates-en.properties} beside this class.
 */
public final class ReplyTemplateFiles {

  private ReplyTemplateFiles() {}

  /**
   * The templates in {@code reader}, keyed by reply. The file may cover only some keys (an override
   * file usually does); an unknown key fails, so a misspelt override is not silently ignored.
   *
   * @param source names the file in error messages
   * @throws IllegalArgumentException naming the source and key for a key that is no {@link
   *     ReplyKey}
   * @throws IOException if reading fails
   */
  public static Map<ReplyKey, String> read(Reader reader, String source) throws IOException {
    Objects.requireNonNull(reader, "reader");
    Properties properties = new Properties();
    properties.load(reader);
    Map<ReplyKey, String> templates = new EnumMap<>(ReplyKey.class);
    for (String name : properties.stringPropertyNames()) {
      ReplyKey key =
          ReplyKey.byId(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(source + ": unknown reply key '" + name + "'"));
      templates.put(key, properties.getProperty(name));
    }
    return templates;
  }

  /**
   * The templates shipped for {@code language}.
   *
   * @throws IllegalStateException if the resource is missing from the class path
   */
  public static Map<ReplyKey, String> shipped(Language language) {
    String resource = "templates-" + language.tag() + ".properties";
    try (InputStream in = ReplyTemplateFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "reply templates " + resource + " are missing from the class path");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reply templates " + resource, e);
    }
  }
}
