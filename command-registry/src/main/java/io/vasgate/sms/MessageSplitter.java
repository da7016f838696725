package io.vasgate.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Turns a text into the short messages that carry it on one link: a single message without UDH when
 * it fits ({@value SmsLength#GSM_SINGLE_SEPTETS} GSM septets or {@value
 * SmsLength#UCS2_SINGLE_UNITS} UCS2 units), else parts behind a concatenation UDH. An escape pair
 * of the GSM extension table and a UTF-16 surrogate pair are never split, so such a part holds one
 * unit less. Immutable and thread-safe; the session supplies concatenation references.
 */
public final class MessageSplitter {

  /** Octets of user data in one SMS on the air interface. */
  public static final int USER_DATA_OCTETS = 140;

  /** Which concatenation element the parts carry. */
  public enum ReferenceSize {
    /** IEI 0x00, 6-octet UDH: 153 septets or 67 UCS2 units per part. */
    EIGHT_BIT(Concatenation.HEADER_OCTETS_8_BIT, 0xFF),
    /** IEI 0x08, 7-octet UDH: 152 septets or 66 UCS2 units per part. */
    SIXTEEN_BIT(Concatenation.HEADER_OCTETS_16_BIT, 0xFFFF);

    private final int headerOctets;
    private final int referenceMask;

    ReferenceSize(int headerOctets, int referenceMask) {
      this.headerOctets = headerOctets;
      this.referenceMask = referenceMask;
    }

    /** GSM septets left per part once the UDH and its fill bits take theirs. */
    public int gsmSeptetsPerPart() {
      return SmsLength.GSM_SINGLE_SEPTETS - (headerOctets * 8 + 6) / 7;
    }

    /** UTF-16 units left per part behind the UDH. */
    public int ucs2UnitsPerPart() {
      return (USER_DATA_OCTETS - headerOctets) / 2;
    }
  }

  private final SmsCharset charset;
  private final ReferenceSize referenceSize;
  private final int maxParts;

  /**
   * @param charset the link's charset (what 0x00 means there)
   * @param referenceSize which concatenation element to use
   * @param maxParts 1..255; an operator may cap long messages below the protocol's 255
   */
  public MessageSplitter(SmsCharset charset, ReferenceSize referenceSize, int maxParts) {
    if (charset == null || referenceSize == null) {
      throw new IllegalArgumentException("charset and referenceSize must not be null");
    }
    if (maxParts < 1 || maxParts > Concatenation.MAX_PARTS) {
      throw new IllegalArgumentException(
          "maxParts must be 1.." + Concatenation.MAX_PARTS + ", was " + maxParts);
    }
    this.charset = charset;
    this.referenceSize = referenceSize;
    this.maxParts = maxParts;
  }

  /** 8-bit references, up to 255 parts. */
  public MessageSplitter(SmsCharset charset) {
    this(charset, ReferenceSize.EIGHT_BIT, Concatenation.MAX_PARTS);
  }

  /**
   * Short messages {@code text} needs on this link, computed without building them; 1 for an empty
   * text.
   */
  public int segmentCount(CharSequence text) {
    int septets = charset.gsmSeptets(text);
    if (septets >= 0) {
      return septets <= SmsLength.GSM_SINGLE_SEPTETS
          ? 1
          : SmsLength.gsmParts(text, referenceSize.gsmSeptetsPerPart());
    }
    return text.length() <= SmsLength.UCS2_SINGLE_UNITS
        ? 1
        : SmsLength.ucs2Parts(text, referenceSize.ucs2UnitsPerPart());
  }

  /**
   * Splits {@code text} into short messages in sequence order.
   *
   * @param references asked once, only when the text needs several parts; masked to 8 or 16 bits,
   *     so a session counter can simply increment
   * @throws TooManyPartsException if the text needs more than the configured maximum of parts
   */
  public List<SmsPart> split(CharSequence text, IntSupplier references)
      throws TooManyPartsException {
    int septets = charset.gsmSeptets(text);
    boolean gsm = septets >= 0;
    int units = gsm ? septets : text.length();
    int singleLimit = gsm ? SmsLength.GSM_SINGLE_SEPTETS : SmsLength.UCS2_SINGLE_UNITS;
    if (units <= singleLimit) {
      EncodedText encoded = charset.encode(text);
      return List.of(new SmsPart(encoded.dataCoding(), encoded.bytes(), null, text.toString()));
    }
    int total = segmentCount(text);
    if (total > maxParts) {
      throw new TooManyPartsException(total, maxParts);
    }
    int reference = references.getAsInt() & referenceSize.referenceMask;
    boolean sixteenBit = referenceSize == ReferenceSize.SIXTEEN_BIT;
    int capacity = gsm ? referenceSize.gsmSeptetsPerPart() : referenceSize.ucs2UnitsPerPart();
    List<SmsPart> parts = new ArrayList<>(total);
    int start = 0;
    int used = 0;
    for (int i = 0, n = text.length(); i <= n; ) {
      int cost =
          i < n ? (gsm ? Gsm7Alphabet.septetsOf(text.charAt(i)) : SmsLength.unitsAt(text, i)) : 0;
      if (i == n || used + cost > capacity) {
        Concatenation concatenation =
            new Concatenation(reference, total, parts.size() + 1, sixteenBit);
        parts.add(part(text.subSequence(start, i), gsm, concatenation));
        if (i == n) {
          break;
        }
        start = i;
        used = 0;
      }
      used += cost;
      // a surrogate pair is one item of two units; an escape pair is one char of two septets
      i += gsm ? 1 : cost;
    }
    if (parts.size() != total) {
      throw new IllegalStateException("split into " + parts.size() + " parts, counted " + total);
    }
    return List.copyOf(parts);
  }

  private SmsPart part(CharSequence chunk, boolean gsm, Concatenation concatenation) {
    byte[] header = concatenation.toHeader();
    byte[] body = gsm ? charset.encodeGsm(chunk, header.length) : SmsCharset.encodeUcs2(chunk);
    byte[] shortMessage = new byte[header.length + body.length];
    System.arraycopy(header, 0, shortMessage, 0, header.length);
    System.arraycopy(body, 0, shortMessage, header.length, body.length);
    DataCoding coding = gsm ? DataCoding.SMSC_DEFAULT : DataCoding.UCS2;
    return new SmsPart(coding, shortMessage, concatenation, chunk.toString());
  }

  public SmsCharset charset() {
    return charset;
  }

  public ReferenceSize referenceSize() {
    return referenceSize;
  }

  public int maxParts() {
    return maxParts;
  }
}
