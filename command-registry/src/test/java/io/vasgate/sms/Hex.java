package io.vasgate.sms;

import java.util.HexFormat;

/** Hex for tests: spaces allowed, as PDUs are written in captures. */
final class Hex {

  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String of(byte[] bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }
}
