package io.vasgate.command.parse;

import java.text.Normalizer;

/**
 * Brings MO text, and the command words and product names it is matched against, to one canonical
 * form, so {@code ＫＴ　ＴＱ。}, {@code kt tq} and {@code KT,TQ} read the same.
 *
 * <p>Steps: NFKC (full-width letters and digits become ASCII, U+3000 a space); case folding; every
 * punctuation mark, symbol, control, format character, variation selector, unassigned or
 * private-use code point becomes a separator ({@code 。} and {@code 、} survive NFKC, so this is
 * where they go), except {@code ?}, which is a command on its own; runs of separators and spaces
 * become one space; no space at either end. Because folding and removing separators can expose new
 * NFKC compositions, the steps repeat until the text is stable, which makes {@code
 * normalize(normalize(s)).equals(normalize(s))}.
 *
 * <p>ASCII-only text, by far the most common command text, skips NFKC (the identity on ASCII) and
 * takes a single pass over its characters with identical results.
 */
public final class TextNormalizer {

  /**
   * Most rounds of NFKC and folding tried before giving up on a fixed point; real text is stable
   * after one, and contrived combinations after two.
   */
  static final int MAX_ROUNDS = 4;

  private TextNormalizer() {}

  /** The canonical form of {@code text}; empty for null. Never throws. */
  public static String normalize(CharSequence text) {
    if (text == null) {
      return "";
    }
    for (int i = 0, n = text.length(); i < n; i++) {
      if (text.charAt(i) >= 0x80) {
        return normalizeUnicode(text);
      }
    }
    return normalizeAscii(text);
  }

  /**
   * The canonical form without spaces, the form product references and command words are looked up
   * in, so {@code k t t q}, {@code kt tq} and {@code kttq} find the same thing.
   */
  public static String key(CharSequence text) {
    return withoutSpaces(normalize(text));
  }

  /** {@code normalized} with its spaces removed; returns the same instance when there are none. */
  static String withoutSpaces(String normalized) {
    int space = normalized.indexOf(' ');
    if (space < 0) {
      return normalized;
    }
    StringBuilder out = new StringBuilder(normalized.length() - 1);
    out.append(normalized, 0, space);
    for (int i = space + 1; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      if (c != ' ') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The fast path, for text of ASCII characters only. */
  static String normalizeAscii(CharSequence text) {
    char[] out = new char[text.length()];
    int length = 0;
    boolean pendingSpace = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      } else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '?') {
        pendingSpace = length > 0;
        continue;
      }
      if (pendingSpace) {
        out[length++] = ' ';
        pendingSpace = false;
      }
      out[length++] = c;
    }
    return new String(out, 0, length);
  }

  /** The general path: NFKC, fold and separate until nothing changes. */
  static String normalizeUnicode(CharSequence text) {
    String current = Normalizer.normalize(text, Normalizer.Form.NFKC);
    String folded = foldAndSeparate(current);
    // Folding and separating are idempotent on their own (TextNormalizerTest checks every code
    // point), so
    // NFKC-normalised output is a fixed point.
    for (int round = 1;
        round < MAX_ROUNDS && !Normalizer.isNormalized(folded, Normalizer.Form.NFKC);
        round++) {
      current = Normalizer.normalize(folded, Normalizer.Form.NFKC);
      folded = foldAndSeparate(current);
    }
    return folded;
  }

  private static String foldAndSeparate(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isSeparator(cp)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(fold(cp));
    }
    return out.toString();
  }

  /**
   * Simple case folding: lower case of the upper case, so final sigma, long s and title-case
   * digraphs fold like their plain forms.
   */
  static int fold(int cp) {
    return Character.toLowerCase(Character.toUpperCase(cp));
  }

  static boolean isSeparator(int cp) {
    if (cp == '?') {
      return false;
    }
    if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
      return true; // variation selectors ride on emoji, which are separators themselves
    }
    switch (Character.getType(cp)) {
      case Character.SPACE_SEPARATOR:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.PRIVATE_USE:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
      case Character.MATH_SYMBOL:
      case Character.CURRENCY_SYMBOL:
      case Character.MODIFIER_SYMBOL:
      case Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }
}
