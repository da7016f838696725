package io.vasgate.sms;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table, as septets.
 *
 * <p>SMPP {@code short_message} normally carries GSM text <em>unpacked</em>: one septet per octet.
 * The packed form (eight septets in seven octets) is what the air interface uses; it is offered for
 * links whose SMSC expects it and to compute the UDH fill bits. Decoding never throws: a septet
 * with no meaning decodes to {@link #REPLACEMENT} and is counted in {@link Decoded#unmappable()}.
 */
public final class Gsm7Alphabet {

  /** The escape septet that selects the extension table for the next septet. */
  public static final int ESCAPE = 0x1B;

  /** Septets in a single SMS without a user data header (140 octets * 8 / 7). */
  public static final int MAX_SEPTETS_SINGLE = 160;

  /**
   * What an undefined septet decodes to; U+FFFD so that a garbled MO is visible, not silently
   * altered.
   */
  public static final char REPLACEMENT = '\uFFFD';

  /** Carriage return, the padding septet of TS 23.038 6.1.2.3.1 when seven spare bits remain. */
  private static final int CR = 0x0D;

  /** Basic table, indexed by septet. 0x1B (escape) has no character of its own. */
  private static final char[] BASIC =
      ("@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5"
              + "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u001B\u00C6\u00E6\u00DF\u00C9"
              + " !\"#\u00A4%&'()*+,-./"
              + "0123456789:;<=>?"
              + "\u00A1ABCDEFGHIJKLMNO"
              + "PQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
              + "\u00BFabcdefghijklmno"
              + "pqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0")
          .toCharArray();

  /** Extension table: septet after {@link #ESCAPE}, character. */
  private static final int[][] EXTENSION = {
    {0x0A, '\f'}, {0x14, '^'}, {0x28, '{'}, {0x29, '}'}, {0x2F, '\\'},
    {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'}, {0x65, '\u20AC'},
  };

  /** Highest BMP char we index directly; everything in both tables is below it. */
  private static final int LOOKUP_SIZE = 0x2100;

  /**
   * char -> encoding: {@code -1} not encodable, {@code 0..0x7F} basic septet, {@code 0x100 | ext}
   * escape + ext.
   */
  private static final short[] ENCODE = new short[LOOKUP_SIZE];

  /** ext septet -> character, or 0 when the extension table leaves it undefined. */
  private static final char[] DECODE_EXTENSION = new char[128];

  private static final int EXTENSION_FLAG = 0x100;

  /**
   * Octet -> whether it decodes to the char of the same code: most of printable ASCII, LF and CR.
   * Derived from {@link #BASIC} so that it cannot disagree with the table; the escape septet is
   * excluded although its table entry is U+001B, and octets above 0x7F are never in it.
   */
  private static final boolean[] SAME_AS_LATIN1 = new boolean[256];

  static {
    if (BASIC.length != 128) {
      throw new ExceptionInInitializerError(
          "GSM basic table must have 128 entries, has " + BASIC.length);
    }
    Arrays.fill(ENCODE, (short) -1);
    for (int septet = 0; septet < BASIC.length; septet++) {
      if (septet != ESCAPE) {
        ENCODE[BASIC[septet]] = (short) septet;
        SAME_AS_LATIN1[septet] = BASIC[septet] == septet;
      }
    }
    for (int[] entry : EXTENSION) {
      ENCODE[entry[1]] = (short) (EXTENSION_FLAG | entry[0]);
      DECODE_EXTENSION[entry[0]] = (char) entry[1];
    }
  }

  private Gsm7Alphabet() {}

  /** Result of decoding septets: the text and how many septets had no defined meaning. */
  public record Decoded(String text, int unmappable) {
    public Decoded {
      if (text == null) {
        throw new IllegalArgumentException("text must not be null");
      }
      if (unmappable < 0) {
        throw new IllegalArgumentException("unmappable must be >= 0, was " + unmappable);
      }
    }
  }

  /** Septets {@code c} needs (1 basic, 2 extension), or 0 when it is not in the alphabet. */
  public static int septetsOf(char c) {
    if (c >= LOOKUP_SIZE) {
      return 0;
    }
    int code = ENCODE[c];
    if (code < 0) {
      return 0;
    }
    return (code & EXTENSION_FLAG) != 0 ? 2 : 1;
  }

  /** Whether every char of {@code text} is in the default alphabet or its extension table. */
  public static boolean canEncode(CharSequence text) {
    return countOrNegative(text) >= 0;
  }

  /**
   * Septets needed for {@code text}, extension characters counting two.
   *
   * @throws IllegalArgumentException if a char is not in the alphabet
   */
  public static int septetCount(CharSequence text) {
    int count = countOrNegative(text);
    if (count < 0) {
      throw new IllegalArgumentException(
          "not GSM 7-bit encodable at index " + firstUnencodable(text));
    }
    return count;
  }

  /** Septet count, or -1 if any char is not encodable; a single pass and no allocation. */
  static int countOrNegative(CharSequence text) {
    int count = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      int septets = septetsOf(text.charAt(i));
      if (septets == 0) {
        return -1;
      }
      count += septets;
    }
    return count;
  }

  private static int firstUnencodable(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (septetsOf(text.charAt(i)) == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Encodes to unpacked septets, one per byte, as SMPP {@code short_message} carries data_coding 0.
   *
   * @throws IllegalArgumentException if a char is not in the alphabet
   */
  public static byte[] encodeUnpacked(CharSequence text) {
    byte[] out = new byte[septetCount(text)];
    int pos = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      int code = ENCODE[text.charAt(i)];
      if ((code & EXTENSION_FLAG) != 0) {
        out[pos++] = ESCAPE;
        out[pos++] = (byte) (code & 0x7F);
      } else {
        out[pos++] = (byte) code;
      }
    }
    return out;
  }

  /**
   * Encodes to packed septets with no fill bits.
   *
   * @throws IllegalArgumentException if a char is not in the alphabet
   */
  public static byte[] encodePacked(CharSequence text) {
    return pack(encodeUnpacked(text), 0);
  }

  /**
   * Packs septets (one per byte, high bit ignored) eight into seven octets, after {@code fillBits}
   * zero bits.
   *
   * <p>The fill bits align the first septet after a user data header (6 UDH octets need 1 fill
   * bit). When seven spare bits would remain in the last octet they carry CR, so a receiver does
   * not read them as '@' (TS 23.038 6.1.2.3.1).
   */
  public static byte[] pack(byte[] septets, int fillBits) {
    if (fillBits < 0 || fillBits > 6) {
      throw new IllegalArgumentException("fillBits must be 0..6, was " + fillBits);
    }
    int bits = fillBits + septets.length * 7;
    int octets = (bits + 7) / 8;
    boolean padWithCr = octets * 8 - bits == 7;
    byte[] out = new byte[octets];
    int bitPos = fillBits;
    for (int i = 0, n = septets.length + (padWithCr ? 1 : 0); i < n; i++) {
      int septet = i < septets.length ? septets[i] & 0x7F : CR;
      int index = bitPos >>> 3;
      int shift = bitPos & 7;
      out[index] |= (byte) (septet << shift);
      if (shift > 1) {
        out[index + 1] |= (byte) (septet >>> (8 - shift));
      }
      bitPos += 7;
    }
    return out;
  }

  /**
   * Unpacks exactly {@code septetCount} septets that start after {@code fillBits} bits of {@code
   * packed}.
   *
   * @throws IllegalArgumentException if {@code packed} is too short for that many septets
   */
  public static byte[] unpack(byte[] packed, int fillBits, int septetCount) {
    if (fillBits < 0 || fillBits > 6) {
      throw new IllegalArgumentException("fillBits must be 0..6, was " + fillBits);
    }
    if (septetCount < 0 || fillBits + (long) septetCount * 7 > packed.length * 8L) {
      throw new IllegalArgumentException(
          septetCount
              + " septets after "
              + fillBits
              + " fill bits do not fit in "
              + packed.length
              + " octets");
    }
    byte[] out = new byte[septetCount];
    int bitPos = fillBits;
    for (int i = 0; i < septetCount; i++) {
      int index = bitPos >>> 3;
      int shift = bitPos & 7;
      int value = (packed[index] & 0xFF) >>> shift;
      if (shift > 1) {
        value |= (packed[index + 1] & 0xFF) << (8 - shift);
      }
      out[i] = (byte) (value & 0x7F);
      bitPos += 7;
    }
    return out;
  }

  /**
   * Unpacks every whole septet after {@code fillBits}; a final CR that exactly fills the last octet
   * is taken as the padding {@link #pack} adds, and dropped. A text that really ends in such a CR
   * cannot be told from padding: use {@link #unpack(byte[], int, int)} when the septet count is
   * known.
   */
  public static byte[] unpack(byte[] packed, int fillBits) {
    if (fillBits < 0 || fillBits > 6) {
      throw new IllegalArgumentException("fillBits must be 0..6, was " + fillBits);
    }
    int bits = packed.length * 8 - fillBits;
    if (bits < 0) {
      return new byte[0];
    }
    int count = bits / 7;
    byte[] septets = unpack(packed, fillBits, count);
    if (count > 0 && bits % 7 == 0 && septets[count - 1] == CR) {
      return Arrays.copyOf(septets, count - 1);
    }
    return septets;
  }

  /**
   * Decodes unpacked septets (one per byte). Bytes above 0x7F, an escape at the end and an escape
   * followed by a septet the extension table does not define decode to {@link #REPLACEMENT} and are
   * counted as unmappable.
   */
  public static Decoded decodeUnpacked(byte[] septets) {
    return decodeUnpacked(septets, 0, septets.length);
  }

  /** As {@link #decodeUnpacked(byte[])} for {@code length} bytes from {@code offset}. */
  public static Decoded decodeUnpacked(byte[] septets, int offset, int length) {
    int end = offset + length;
    int plain = offset;
    while (plain < end && SAME_AS_LATIN1[septets[plain] & 0xFF]) {
      plain++;
    }
    if (plain == end) {
      // The common MT and MO text (letters, digits, space, most punctuation): each octet is its
      // own char, so the JDK's Latin-1 copy builds the string without a lookup per septet.
      return new Decoded(
          length == 0 ? "" : new String(septets, offset, length, StandardCharsets.ISO_8859_1), 0);
    }
    StringBuilder text = new StringBuilder(length);
    for (int i = offset; i < plain; i++) {
      text.append((char) septets[i]);
    }
    return decodeTable(septets, plain, end, text);
  }

  /** Decodes {@code septets[from..end)} through the tables, appending to {@code text}. */
  private static Decoded decodeTable(byte[] septets, int from, int end, StringBuilder text) {
    int unmappable = 0;
    for (int i = from; i < end; i++) {
      int septet = septets[i] & 0xFF;
      if (septet > 0x7F) {
        text.append(REPLACEMENT);
        unmappable++;
      } else if (septet == ESCAPE) {
        if (i + 1 >= end) {
          text.append(REPLACEMENT);
          unmappable++;
        } else {
          int ext = septets[++i] & 0xFF;
          char c = ext <= 0x7F ? DECODE_EXTENSION[ext] : 0;
          if (c == 0) {
            text.append(REPLACEMENT);
            unmappable++;
          } else {
            text.append(c);
          }
        }
      } else {
        text.append(BASIC[septet]);
      }
    }
    return new Decoded(text.toString(), unmappable);
  }

  /**
   * Decodes packed septets after {@code fillBits}, with the CR padding rule of {@link
   * #unpack(byte[], int)}.
   */
  public static Decoded decodePacked(byte[] packed, int fillBits) {
    return decodeUnpacked(unpack(packed, fillBits));
  }
}
