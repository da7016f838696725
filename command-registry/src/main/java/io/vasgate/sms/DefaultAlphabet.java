package io.vasgate.sms;

/**
 * What data_coding 0x00 ("SMSC default alphabet") means on one SMSC link. SMPP 3.4 leaves it to the
 * SMSC and SMSCs differ, so each link configures it; it is passed in as a value, never held
 * globally.
 */
public enum DefaultAlphabet {
  /** GSM 03.38 septets, one per octet: what most SMSCs put in short_message. */
  GSM7_UNPACKED,
  /** GSM 03.38 septets packed eight into seven octets, as on the air interface. */
  GSM7_PACKED,
  /** IA5 / US-ASCII, one character per octet. */
  ASCII,
  /** ISO-8859-1, one character per octet. */
  LATIN_1;

  /** Whether 0x00 carries GSM septets on such a link (rather than 8-bit characters). */
  public boolean isGsm() {
    return this == GSM7_UNPACKED || this == GSM7_PACKED;
  }
}
