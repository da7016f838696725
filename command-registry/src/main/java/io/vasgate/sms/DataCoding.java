package io.vasgate.sms;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The SMPP 3.4 data_coding values the gateway handles, with how each is read.
 *
 * <p>0xF0-0xF7 are the GSM "data coding / message class" group: bit 2 selects 8-bit data over the
 * default alphabet and bits 1-0 carry the message class. 0x0F is not in SMPP 3.4; some Chinese
 * SMSCs use it (as CMPP does) for GBK text, which a link must enable explicitly. Other values are
 * not decoded.
 */
public enum DataCoding {
  /** SMSC default alphabet: its meaning is the link's {@link DefaultAlphabet}. */
  SMSC_DEFAULT(0x00, Alphabet.LINK_DEFAULT),
  /** IA5 (CCITT T.50) / ASCII. */
  IA5(0x01, Alphabet.ASCII),
  /** 8-bit binary, "octet unspecified". */
  OCTET_UNSPECIFIED_02(0x02, Alphabet.BINARY),
  /** ISO-8859-1. */
  LATIN_1(0x03, Alphabet.LATIN_1),
  /** 8-bit binary, "octet unspecified". */
  OCTET_UNSPECIFIED_04(0x04, Alphabet.BINARY),
  /** UCS2, read as UTF-16BE so that surrogate pairs (emoji) survive. */
  UCS2(0x08, Alphabet.UCS2),
  /** Vendor use of 0x0F for GBK text; decoded only on links that enable it. */
  VENDOR_GBK(0x0F, Alphabet.GBK),
  /** GSM default alphabet, message class 0 (flash). */
  GSM_CLASS_0(0xF0, Alphabet.GSM7),
  /** GSM default alphabet, message class 1 (ME specific). */
  GSM_CLASS_1(0xF1, Alphabet.GSM7),
  /** GSM default alphabet, message class 2 (SIM specific). */
  GSM_CLASS_2(0xF2, Alphabet.GSM7),
  /** GSM default alphabet, message class 3 (TE specific). */
  GSM_CLASS_3(0xF3, Alphabet.GSM7),
  /** 8-bit data, message class 0. */
  OCTET_CLASS_0(0xF4, Alphabet.BINARY),
  /** 8-bit data, message class 1. */
  OCTET_CLASS_1(0xF5, Alphabet.BINARY),
  /** 8-bit data, message class 2 (SIM data download). */
  OCTET_CLASS_2(0xF6, Alphabet.BINARY),
  /** 8-bit data, message class 3. */
  OCTET_CLASS_3(0xF7, Alphabet.BINARY);

  /** How the octets of a data coding are read. */
  public enum Alphabet {
    /** Whatever the link's {@link DefaultAlphabet} says. */
    LINK_DEFAULT,
    /** GSM 03.38 septets; packed only on a link whose default alphabet is packed. */
    GSM7,
    ASCII,
    LATIN_1,
    UCS2,
    GBK,
    /** Not text: the gateway does not decode it. */
    BINARY
  }

  /** First data_coding of the message class group. */
  private static final int CLASS_GROUP = 0xF0;

  private static final DataCoding[] BY_CODE = new DataCoding[256];

  static {
    for (DataCoding coding : values()) {
      BY_CODE[coding.code] = coding;
    }
  }

  private final int code;
  private final Alphabet alphabet;

  DataCoding(int code, Alphabet alphabet) {
    this.code = code;
    this.alphabet = alphabet;
  }

  /** The data_coding octet. */
  public int code() {
    return code;
  }

  public Alphabet alphabet() {
    return alphabet;
  }

  /** Whether the octets are text the gateway can decode (possibly subject to a link option). */
  public boolean isText() {
    return alphabet != Alphabet.BINARY;
  }

  /** The GSM message class 0-3 for the 0xF0-0xF7 group, else empty. */
  public OptionalInt messageClass() {
    return code >= CLASS_GROUP ? OptionalInt.of(code & 0x03) : OptionalInt.empty();
  }

  /** The handled data coding for an octet value (any int; only 0-255 can match), else empty. */
  public static Optional<DataCoding> fromCode(int code) {
    return code >= 0 && code < BY_CODE.length
        ? Optional.ofNullable(BY_CODE[code])
        : Optional.empty();
  }
}
