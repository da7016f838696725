package io.vasgate.command.parse;

/** Why an MO is not a command; each has its reply. */
public enum ParseErrorKind {
  /** The destination belongs to no configured service number. Nothing to reply from. */
  UNKNOWN_SERVICE_NUMBER,
  /** Nothing left after normalisation (empty, spaces, punctuation, emoji): answer with help. */
  EMPTY_TEXT,
  /** Longer than any command ({@link CommandParser#MAX_COMMAND_LENGTH}): answer with help. */
  TOO_LONG,
  /** Neither a command nor close to one: answer with help. */
  UNRECOGNISED,
  /** A verb with a reference to no product on the number, nor near one: list the products. */
  UNKNOWN_PRODUCT,
  /**
   * Subscribe or unsubscribe without a product on an extension that implies none: ask which, list
   * them.
   */
  WHICH_PRODUCT
}
