package io.vasgate.sms;

/**
 * How many SMS segments a text needs, without building them: for reply templates and throttles that
 * count a long message as the parts it will become.
 *
 * <p>Texts entirely in the GSM 7-bit alphabet count septets (extension characters count two): up to
 * {@value #GSM_SINGLE_SEPTETS} in one SMS, else {@value #GSM_PART_SEPTETS} per part. Any other text
 * counts UTF-16 units as UCS2: up to {@value #UCS2_SINGLE_UNITS} in one SMS, else {@value
 * #UCS2_PART_UNITS} per part. Multipart counts assume the 8-bit reference UDH ({@code 05 00 03 ref
 * total seq}); an escape pair and a surrogate pair are never split, so a part may hold one unit
 * less. This agrees with {@link MessageSplitter} using 8-bit references.
 */
public final class SmsLength {

  /** GSM 7-bit septets in one SMS without a UDH. */
  public static final int GSM_SINGLE_SEPTETS = 160;

  /** GSM 7-bit septets per part behind a 6-octet UDH and 1 fill bit. */
  public static final int GSM_PART_SEPTETS = 153;

  /** UCS2 UTF-16 units in one SMS without a UDH (140 octets / 2). */
  public static final int UCS2_SINGLE_UNITS = 70;

  /** UCS2 UTF-16 units per part behind a 6-octet UDH ((140 - 6) / 2). */
  public static final int UCS2_PART_UNITS = 67;

  private SmsLength() {}

  /**
   * Segments {@code text} needs with the 8-bit reference UDH; 1 for an empty text (it is still one
   * SMS).
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static int segments(CharSequence text) {
    return segments(text, GSM_PART_SEPTETS, UCS2_PART_UNITS);
  }

  /**
   * Segments with explicit per-part capacities; the single-SMS limits are fixed by the air
   * interface.
   */
  static int segments(CharSequence text, int gsmPartSeptets, int ucs2PartUnits) {
    int septets = Gsm7Alphabet.countOrNegative(text);
    if (septets >= 0) {
      return septets <= GSM_SINGLE_SEPTETS ? 1 : gsmParts(text, gsmPartSeptets);
    }
    return text.length() <= UCS2_SINGLE_UNITS ? 1 : ucs2Parts(text, ucs2PartUnits);
  }

  /**
   * Parts of at most {@code capacity} septets, an escape pair never split; text must be
   * GSM-encodable.
   */
  static int gsmParts(CharSequence text, int capacity) {
    int parts = 1;
    int used = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      int cost = Gsm7Alphabet.septetsOf(text.charAt(i));
      if (used + cost > capacity) {
        parts++;
        used = 0;
      }
      used += cost;
    }
    return parts;
  }

  /** Parts of at most {@code capacity} UTF-16 units, a surrogate pair never split. */
  static int ucs2Parts(CharSequence text, int capacity) {
    int parts = 1;
    int used = 0;
    for (int i = 0, n = text.length(); i < n; ) {
      int cost = unitsAt(text, i);
      if (used + cost > capacity) {
        parts++;
        used = 0;
      }
      used += cost;
      i += cost;
    }
    return parts;
  }

  /**
   * 2 at a well-formed surrogate pair (kept together), else 1 (a lone surrogate travels as one
   * unit).
   */
  static int unitsAt(CharSequence text, int index) {
    return Character.isHighSurrogate(text.charAt(index))
            && index + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(index + 1))
        ? 2
        : 1;
  }
}
