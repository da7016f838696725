package io.vasgate.sms;

/**
 * Decoded short message text and how many places were replaced by U+FFFD (undefined GSM septets,
 * non-ASCII octets, unpaired surrogates, malformed GBK), so the caller can log a garbled message.
 */
public record DecodedText(String text, int replacements) {

  public DecodedText {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    if (replacements < 0) {
      throw new IllegalArgumentException("replacements must be >= 0, was " + replacements);
    }
  }

  /** Whether every octet had a defined meaning. */
  public boolean isClean() {
    return replacements == 0;
  }
}
