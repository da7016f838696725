package io.vasgate.smpp.pdu;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Type of Number (SMPP 3.4 section 5.2.5). Values above 6 are reserved. */
public enum Ton {
  UNKNOWN(0),
  INTERNATIONAL(1),
  NATIONAL(2),
  NETWORK_SPECIFIC(3),
  SUBSCRIBER_NUMBER(4),
  ALPHANUMERIC(5),
  ABBREVIATED(6);

  private final byte code;

  Ton(int code) {
    this.code = (byte) code;
  }

  /** The TON as it appears on the wire. */
  public byte code() {
    return code;
  }

  /**
   * Index = code (the codes are 0..6 in declaration order). Built once because {@code values()}
   * copies its array and {@code Optional.of} allocates on every call.
   */
  private static final List<Optional<Ton>> BY_CODE =
      Arrays.stream(values()).map(Optional::of).toList();

  /** The TON with this code, or empty if the specification reserves it. */
  public static Optional<Ton> of(int code) {
    return code >= 0 && code < BY_CODE.size() ? BY_CODE.get(code) : Optional.empty();
  }

  /** Whether the specification defines this code. */
  public static boolean isValid(int code) {
    return code >= 0 && code <= ABBREVIATED.code;
  }
}
