package io.vasgate.smpp.pdu;

import java.util.Optional;

/** Numbering Plan Indicator (SMPP 3.4 section 5.2.6). Codes not listed here are reserved. */
public enum Npi {
  UNKNOWN(0),
  ISDN(1),
  DATA(3),
  TELEX(4),
  LAND_MOBILE(6),
  NATIONAL(8),
  PRIVATE(9),
  ERMES(10),
  INTERNET(14),
  WAP(18);

  private final byte code;

  Npi(int code) {
    this.code = (byte) code;
  }

  /** The NPI as it appears on the wire. */
  public byte code() {
    return code;
  }

  /** The NPI with this code, or empty if the specification reserves it. */
  public static Optional<Npi> of(int code) {
    for (Npi npi : values()) {
      if (npi.code == code) {
        return Optional.of(npi);
      }
    }
    return Optional.empty();
  }

  /** Whether the specification defines this code. */
  public static boolean isValid(int code) {
    return of(code).isPresent();
  }
}
