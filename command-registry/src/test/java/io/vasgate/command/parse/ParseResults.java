package io.vasgate.command.parse;

/** One-line descriptions of parse results, so grammar tables read as text in, meaning out. */
final class ParseResults {

  private ParseResults() {}

  /**
   * {@code SUBSCRIBE TQ}, {@code UNSUBSCRIBE TQ (ext)}, {@code SELECT [1, 3]}, {@code QUERY},
   * {@code DID_YOU_MEAN SUBSCRIBE TQ 'KT TQ'}, {@code ERROR WHICH_PRODUCT UNSUBSCRIBE}.
   */
  static String describe(ParseResult result) {
    if (result instanceof Parsed parsed) {
      StringBuilder out = new StringBuilder(parsed.kind().name());
      parsed.product().ifPresent(p -> out.append(' ').append(p.code()));
      if (parsed.productImplied()) {
        out.append(" (ext)");
      }
      if (!parsed.items().isEmpty()) {
        out.append(' ').append(parsed.items());
      }
      return out.toString();
    }
    if (result instanceof DidYouMean didYouMean) {
      StringBuilder out = new StringBuilder("DID_YOU_MEAN ").append(didYouMean.kind());
      didYouMean.product().ifPresent(p -> out.append(' ').append(p.code()));
      return out.append(" '").append(didYouMean.suggestion()).append('\'').toString();
    }
    ParseError error = (ParseError) result;
    StringBuilder out = new StringBuilder("ERROR ").append(error.kind());
    error.command().ifPresent(c -> out.append(' ').append(c));
    return out.toString();
  }
}
