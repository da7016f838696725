package io.vasgate.smpp.pdu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

  /**
   * Index = code, up to the highest defined code. Built once because {@code values()} copies its
   * array and {@code Optional.of} allocates on every call, and every decoded address asks.
   */
  private static final List<Optional<Npi>> BY_CODE = byCode();

  private static List<Optional<Npi>> byCode() {
    int highest = 0;
    for (Npi npi : values()) {
      highest = Math.max(highest, npi.code);
    }
    List<Optional<Npi>> byCode =
        new ArrayList<>(Collections.nCopies(highest + 1, Optional.empty()));
    for (Npi npi : values()) {
      byCode.set(npi.code, Optional.of(npi));
    }
    return List.copyOf(byCode);
  }

  /** The NPI with this code, or empty if the specification reserves it. */
  public static Optional<Npi> of(int code) {
    return code >= 0 && code < BY_CODE.size() ? BY_CODE.get(code) : Optional.empty();
  }

  /** Whether the specification defines this code. */
  public static boolean isValid(int code) {
    return of(code).isPresent();
  }
}
