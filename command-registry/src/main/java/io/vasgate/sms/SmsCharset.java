package io.vasgate.sms;

import io.vasgate.sms.InvalidTextException.Reason;
import java.nio.charset.Charset;

/**
 * Reads and writes short message text for one SMSC link: what data_coding 0x00 means there and
 * whether 0x0F carries GBK are per-link facts, so they are fields of an instance rather than global
 * settings. Immutable and thread-safe.
 *
 * <p>Decoding never throws an unchecked exception on any octets: undefined octets become U+FFFD
 * (counted in {@link DecodedText#replacements()}); only octets that cannot be text at all give an
 * {@link InvalidTextException}. Encoding picks the GSM 7-bit alphabet when every char is in it
 * (and, on an ASCII or Latin-1 link, also in that charset), else UCS2.
 */
public final class SmsCharset {

  /** A link that follows SMPP 3.4 as written: 0x00 is unpacked GSM 03.38, no GBK. */
  public static final SmsCharset STANDARD = new SmsCharset(DefaultAlphabet.GSM7_UNPACKED, false);

  private static final Charset GBK = Charset.forName("GBK");

  private static final char REPLACEMENT = '\uFFFD';

  private static final int ASCII_LIMIT = 0x80;

  private static final int LATIN_1_LIMIT = 0x100;

  private final DefaultAlphabet defaultAlphabet;
  private final boolean gbkEnabled;

  /**
   * @param defaultAlphabet what data_coding 0x00 means on this link
   * @param gbkEnabled whether data_coding 0x0F is read as GBK (some Chinese SMSCs); otherwise it is
   *     unsupported
   */
  public SmsCharset(DefaultAlphabet defaultAlphabet, boolean gbkEnabled) {
    if (defaultAlphabet == null) {
      throw new IllegalArgumentException("defaultAlphabet must not be null");
    }
    this.defaultAlphabet = defaultAlphabet;
    this.gbkEnabled = gbkEnabled;
  }

  /** A link with the given meaning of 0x00 and no GBK. */
  public static SmsCharset of(DefaultAlphabet defaultAlphabet) {
    return new SmsCharset(defaultAlphabet, false);
  }

  public DefaultAlphabet defaultAlphabet() {
    return defaultAlphabet;
  }

  public boolean gbkEnabled() {
    return gbkEnabled;
  }

  /** Convenience for {@code SmsCharset.of(alphabet).decode(dataCoding, bytes)}. */
  public static String decode(int dataCoding, byte[] bytes, DefaultAlphabet alphabet)
      throws InvalidTextException {
    return of(alphabet).decode(dataCoding, bytes);
  }

  /** Decodes a whole short_message (no UDH) to text. */
  public String decode(int dataCoding, byte[] bytes) throws InvalidTextException {
    return decodeDetailed(dataCoding, bytes, 0).text();
  }

  /**
   * Decodes the octets that follow a user data header of {@code udhOctets} octets (0 for none;
   * include the UDHL octet). The header length matters only for packed GSM, whose first septet
   * starts after fill bits.
   */
  public DecodedText decodeDetailed(int dataCoding, byte[] bytes, int udhOctets)
      throws InvalidTextException {
    if (udhOctets < 0) {
      throw new IllegalArgumentException("udhOctets must be >= 0, was " + udhOctets);
    }
    DataCoding coding =
        DataCoding.fromCode(dataCoding)
            .orElseThrow(
                () ->
                    new InvalidTextException(
                        Reason.UNSUPPORTED_DATA_CODING,
                        dataCoding,
                        "unsupported data_coding " + hex(dataCoding)));
    switch (coding.alphabet()) {
      case LINK_DEFAULT:
        return decodeDefault(bytes, udhOctets);
      case GSM7:
        return defaultAlphabet == DefaultAlphabet.GSM7_PACKED
            ? gsm(Gsm7Alphabet.decodePacked(bytes, fillBits(udhOctets)))
            : gsm(Gsm7Alphabet.decodeUnpacked(bytes));
      case ASCII:
        return ascii(bytes);
      case LATIN_1:
        return latin1(bytes);
      case UCS2:
        return ucs2(bytes, dataCoding);
      case GBK:
        if (!gbkEnabled) {
          throw new InvalidTextException(
              Reason.UNSUPPORTED_DATA_CODING, dataCoding, "GBK (0x0F) is not enabled on this link");
        }
        return gbk(bytes);
      case BINARY:
      default:
        throw new InvalidTextException(
            Reason.BINARY_CONTENT, dataCoding, "data_coding " + hex(dataCoding) + " is binary");
    }
  }

  private DecodedText decodeDefault(byte[] bytes, int udhOctets) {
    switch (defaultAlphabet) {
      case GSM7_PACKED:
        return gsm(Gsm7Alphabet.decodePacked(bytes, fillBits(udhOctets)));
      case ASCII:
        return ascii(bytes);
      case LATIN_1:
        return latin1(bytes);
      case GSM7_UNPACKED:
      default:
        return gsm(Gsm7Alphabet.decodeUnpacked(bytes));
    }
  }

  /**
   * Encodes {@code text} without a UDH: GSM 7-bit on data_coding 0x00 (in this link's
   * representation of 0x00) when it fits the alphabet, else UCS2 (UTF-16BE) on 0x08.
   */
  public EncodedText encode(CharSequence text) {
    int septets = gsmSeptets(text);
    if (septets >= 0) {
      return new EncodedText(DataCoding.SMSC_DEFAULT, encodeGsm(text, 0), septets);
    }
    return new EncodedText(DataCoding.UCS2, encodeUcs2(text), text.length());
  }

  /** Whether {@link #encode} sends {@code text} in the GSM 7-bit alphabet on this link. */
  public boolean fitsGsm7(CharSequence text) {
    return gsmSeptets(text) >= 0;
  }

  /** GSM septets of {@code text}, or -1 when this link must send it as UCS2. */
  int gsmSeptets(CharSequence text) {
    int septets = Gsm7Alphabet.countOrNegative(text);
    if (septets < 0 || defaultAlphabet.isGsm()) {
      return septets;
    }
    int limit = defaultAlphabet == DefaultAlphabet.ASCII ? ASCII_LIMIT : LATIN_1_LIMIT;
    for (int i = 0, n = text.length(); i < n; i++) {
      if (text.charAt(i) >= limit) {
        return -1;
      }
    }
    return septets;
  }

  /**
   * GSM-alphabet text as this link carries data_coding 0x00 after a UDH of {@code udhOctets}
   * octets.
   */
  byte[] encodeGsm(CharSequence text, int udhOctets) {
    switch (defaultAlphabet) {
      case GSM7_PACKED:
        return Gsm7Alphabet.pack(Gsm7Alphabet.encodeUnpacked(text), fillBits(udhOctets));
      case ASCII:
      case LATIN_1:
        byte[] out = new byte[text.length()];
        for (int i = 0; i < out.length; i++) {
          out[i] = (byte) text.charAt(i);
        }
        return out;
      case GSM7_UNPACKED:
      default:
        return Gsm7Alphabet.encodeUnpacked(text);
    }
  }

  /** UTF-16BE, a lone surrogate included as is (UCS2 has no way to refuse it). */
  static byte[] encodeUcs2(CharSequence text) {
    byte[] out = new byte[text.length() * 2];
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      out[2 * i] = (byte) (c >>> 8);
      out[2 * i + 1] = (byte) c;
    }
    return out;
  }

  /**
   * Fill bits that align the first septet after a UDH of {@code udhOctets} octets to a septet
   * boundary.
   */
  public static int fillBits(int udhOctets) {
    return (7 - (udhOctets * 8) % 7) % 7;
  }

  private static DecodedText gsm(Gsm7Alphabet.Decoded decoded) {
    return new DecodedText(decoded.text(), decoded.unmappable());
  }

  private static DecodedText ascii(byte[] bytes) {
    char[] chars = new char[bytes.length];
    int replaced = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        chars[i] = REPLACEMENT;
        replaced++;
      } else {
        chars[i] = (char) bytes[i];
      }
    }
    return new DecodedText(new String(chars), replaced);
  }

  private static DecodedText latin1(byte[] bytes) {
    char[] chars = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      chars[i] = (char) (bytes[i] & 0xFF);
    }
    return new DecodedText(new String(chars), 0);
  }

  /**
   * UTF-16BE by hand: the JDK decoder's treatment of lone surrogates is not something to rely on.
   */
  private static DecodedText ucs2(byte[] bytes, int dataCoding) throws InvalidTextException {
    if ((bytes.length & 1) != 0) {
      throw new InvalidTextException(
          Reason.ODD_UCS2_LENGTH,
          dataCoding,
          "UCS2 text has an odd length of " + bytes.length + " octets");
    }
    char[] chars = new char[bytes.length / 2];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) (((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF));
    }
    int replaced = 0;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (Character.isHighSurrogate(c)
          && i + 1 < chars.length
          && Character.isLowSurrogate(chars[i + 1])) {
        i++;
      } else if (Character.isSurrogate(c)) {
        chars[i] = REPLACEMENT;
        replaced++;
      }
    }
    return new DecodedText(new String(chars), replaced);
  }

  private static DecodedText gbk(byte[] bytes) {
    String text = new String(bytes, GBK);
    int replaced = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == REPLACEMENT) {
        replaced++;
      }
    }
    return new DecodedText(text, replaced);
  }

  private static String hex(int value) {
    return String.format("0x%02X", value);
  }

  @Override
  public String toString() {
    return "SmsCharset[0x00=" + defaultAlphabet + (gbkEnabled ? ", 0x0F=GBK" : "") + "]";
  }
}
