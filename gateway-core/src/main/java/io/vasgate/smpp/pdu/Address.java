package io.vasgate.smpp.pdu;

import java.util.Optional;

/**
 * An SME address: type of number, numbering plan and the address digits or text.
 *
 * <p>TON and NPI are raw octets so that anything a peer sends can be represented; {@link Ton} and
 * {@link Npi} name the values the specification defines, and the decoder rejects the others where
 * the specification has a status for it. The address length is checked here only against the
 * largest limit any PDU allows (64 characters); each PDU checks its own, smaller limit.
 */
public record Address(byte ton, byte npi, String address) {

  /** TON 0, NPI 0, no address: what an ESME sends when it has nothing to say. */
  public static final Address EMPTY = new Address((byte) 0, (byte) 0, "");

  /**
   * @throws IllegalArgumentException if the address is over 64 characters or contains a NUL or a
   *     character outside ISO-8859-1
   */
  public Address {
    address = Fields.cString(address, "address", SmppLimits.MAX_LONG_ADDRESS_LENGTH);
  }

  /** An address with named TON and NPI. */
  public static Address of(Ton ton, Npi npi, String address) {
    return new Address(ton.code(), npi.code(), address);
  }

  /** An E.164 number in international format: TON 1, NPI 1 (ISDN). */
  public static Address international(String digits) {
    return of(Ton.INTERNATIONAL, Npi.ISDN, digits);
  }

  /** A national number or service code: TON 2, NPI 1 (ISDN). */
  public static Address national(String digits) {
    return of(Ton.NATIONAL, Npi.ISDN, digits);
  }

  /** An alphanumeric sender id: TON 5, NPI 0. */
  public static Address alphanumeric(String text) {
    return of(Ton.ALPHANUMERIC, Npi.UNKNOWN, text);
  }

  /** An address whose TON and NPI are both unknown (0). */
  public static Address unknown(String address) {
    return of(Ton.UNKNOWN, Npi.UNKNOWN, address);
  }

  /** The named TON, or empty if the octet is reserved. */
  public Optional<Ton> typeOfNumber() {
    return Ton.of(ton);
  }

  /** The named NPI, or empty if the octet is reserved. */
  public Optional<Npi> numberingPlan() {
    return Npi.of(npi);
  }

  /** Whether all three fields are empty/zero. */
  public boolean isEmpty() {
    return ton == 0 && npi == 0 && address.isEmpty();
  }
}
