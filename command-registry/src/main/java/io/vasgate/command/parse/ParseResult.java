package io.vasgate.command.parse;

/**
 * What the parser made of one MO: a command to execute ({@link Parsed}), a near miss to ask about
 * ({@link DidYouMean}), or no command ({@link ParseError}). Never executed by the parser itself.
 */
public sealed interface ParseResult permits Parsed, DidYouMean, ParseError {

  /**
   * The MO text in the canonical form of {@link TextNormalizer#normalize}, for logs and consent
   * records.
   */
  String normalizedText();
}
