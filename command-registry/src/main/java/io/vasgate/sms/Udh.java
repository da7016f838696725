package io.vasgate.sms;

import io.vasgate.sms.InvalidUdhException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A parsed user data header (TS 23.040 9.2.3.24) and the payload behind it.
 *
 * <p>Parsing checks every length before reading it and reports a malformed header as an {@link
 * InvalidUdhException}; no unchecked exception escapes for any input. When an element the gateway
 * interprets occurs twice, the last one counts, as TS 23.040 prescribes for repeated elements.
 */
public final class Udh {

  /** esm_class bit: short_message starts with a UDH. */
  public static final int ESM_CLASS_UDHI = 0x40;

  /** IEDL of an 8-bit concatenation element. */
  private static final int CONCAT_8_LENGTH = 3;

  /** IEDL of a 16-bit concatenation element. */
  private static final int CONCAT_16_LENGTH = 4;

  /** IEDL of an 8-bit port addressing element. */
  private static final int PORT_8_LENGTH = 2;

  /** IEDL of a 16-bit port addressing element. */
  private static final int PORT_16_LENGTH = 4;

  private final int headerOctets;
  private final List<InformationElement> elements;
  private final Concatenation concatenation;
  private final PortAddressing ports;
  private final byte[] payload;

  private Udh(
      int headerOctets,
      List<InformationElement> elements,
      Concatenation concatenation,
      PortAddressing ports,
      byte[] payload) {
    this.headerOctets = headerOctets;
    this.elements = List.copyOf(elements);
    this.concatenation = concatenation;
    this.ports = ports;
    this.payload = payload;
  }

  /** Whether an esm_class value announces a UDH. */
  public static boolean isPresent(int esmClass) {
    return (esmClass & ESM_CLASS_UDHI) != 0;
  }

  /** Parses the UDH at the start of {@code shortMessage} (which must be non-null). */
  public static Udh parse(byte[] shortMessage) throws InvalidUdhException {
    if (shortMessage.length == 0) {
      throw new InvalidUdhException(Reason.MISSING_HEADER, "UDHI set but short_message is empty");
    }
    int udhl = shortMessage[0] & 0xFF;
    int headerOctets = 1 + udhl;
    if (headerOctets > shortMessage.length) {
      throw new InvalidUdhException(
          Reason.HEADER_PAST_END,
          "UDHL "
              + udhl
              + " runs past the end of a "
              + shortMessage.length
              + "-octet short_message");
    }
    List<InformationElement> elements = new ArrayList<>();
    Concatenation concatenation = null;
    PortAddressing ports = null;
    int pos = 1;
    while (pos < headerOctets) {
      if (pos + 2 > headerOctets) {
        throw new InvalidUdhException(
            Reason.ELEMENT_PAST_HEADER,
            "element header at offset " + pos + " runs past UDHL " + udhl);
      }
      int iei = shortMessage[pos] & 0xFF;
      int iedl = shortMessage[pos + 1] & 0xFF;
      int dataStart = pos + 2;
      if (dataStart + iedl > headerOctets) {
        throw new InvalidUdhException(
            Reason.ELEMENT_PAST_HEADER,
            String.format(
                "element 0x%02X of %d octets at offset %d runs past UDHL %d",
                iei, iedl, pos, udhl));
      }
      byte[] data = Arrays.copyOfRange(shortMessage, dataStart, dataStart + iedl);
      elements.add(new InformationElement(iei, data));
      switch (iei) {
        case Concatenation.IEI_8_BIT -> {
          requireLength(iei, iedl, CONCAT_8_LENGTH);
          concatenation = concatenation(data[0] & 0xFF, data[1] & 0xFF, data[2] & 0xFF, false);
        }
        case Concatenation.IEI_16_BIT -> {
          requireLength(iei, iedl, CONCAT_16_LENGTH);
          int reference = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
          concatenation = concatenation(reference, data[2] & 0xFF, data[3] & 0xFF, true);
        }
        case PortAddressing.IEI_8_BIT -> {
          requireLength(iei, iedl, PORT_8_LENGTH);
          ports = new PortAddressing(data[0] & 0xFF, data[1] & 0xFF, false);
        }
        case PortAddressing.IEI_16_BIT -> {
          requireLength(iei, iedl, PORT_16_LENGTH);
          ports =
              new PortAddressing(
                  ((data[0] & 0xFF) << 8) | (data[1] & 0xFF),
                  ((data[2] & 0xFF) << 8) | (data[3] & 0xFF),
                  true);
        }
        default -> {
          // kept raw in elements(): the gateway relays what it does not interpret
        }
      }
      pos = dataStart + iedl;
    }
    byte[] payload = Arrays.copyOfRange(shortMessage, headerOctets, shortMessage.length);
    return new Udh(headerOctets, elements, concatenation, ports, payload);
  }

  private static void requireLength(int iei, int actual, int expected) throws InvalidUdhException {
    if (actual != expected) {
      throw new InvalidUdhException(
          Reason.BAD_ELEMENT_LENGTH,
          String.format("element 0x%02X must have %d octets, has %d", iei, expected, actual));
    }
  }

  private static Concatenation concatenation(
      int reference, int total, int sequence, boolean sixteenBit) throws InvalidUdhException {
    if (total == 0) {
      throw new InvalidUdhException(Reason.TOTAL_ZERO, "concatenation total is 0");
    }
    if (sequence == 0) {
      throw new InvalidUdhException(Reason.SEQUENCE_ZERO, "concatenation sequence is 0");
    }
    if (sequence > total) {
      throw new InvalidUdhException(
          Reason.SEQUENCE_PAST_TOTAL,
          "concatenation sequence " + sequence + " exceeds total " + total);
    }
    return new Concatenation(reference, total, sequence, sixteenBit);
  }

  /** Octets of the header, the UDHL octet included: where the payload starts in short_message. */
  public int headerOctets() {
    return headerOctets;
  }

  /** Every element in order, interpreted or not. */
  public List<InformationElement> elements() {
    return elements;
  }

  public Optional<Concatenation> concatenation() {
    return Optional.ofNullable(concatenation);
  }

  public Optional<PortAddressing> ports() {
    return Optional.ofNullable(ports);
  }

  /**
   * A copy of the octets after the header, to decode with the data coding (and {@link
   * #headerOctets()}).
   */
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public String toString() {
    return "Udh["
        + headerOctets
        + " octets, "
        + elements
        + ", "
        + concatenation
        + ", "
        + ports
        + ", payload "
        + payload.length
        + " octets]";
  }
}
