package io.vasgate.sms;

/**
 * Identity of one long message being reassembled. The originator key is the caller's (e.g. link +
 * source + dest): references are only unique per sender and receiver. Total is part of the key, as
 * TS 23.040 implies: parts that disagree on it do not belong together.
 */
public record PartGroupKey(String originator, int reference, int total) {

  public PartGroupKey {
    if (originator == null) {
      throw new IllegalArgumentException("originator must not be null");
    }
    if (reference < 0 || reference > 0xFFFF) {
      throw new IllegalArgumentException("reference must be 0..65535, was " + reference);
    }
    if (total < 1 || total > Concatenation.MAX_PARTS) {
      throw new IllegalArgumentException(
          "total must be 1.." + Concatenation.MAX_PARTS + ", was " + total);
    }
  }
}
