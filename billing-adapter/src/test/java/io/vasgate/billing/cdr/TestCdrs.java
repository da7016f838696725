package io.vasgate.billing.cdr;

import io.vasgate.command.catalog.ChargeType;
import java.time.Instant;
import java.util.Optional;

/** CDRs for tests that need records at chosen times, written straight to the repository. */
final class TestCdrs {

  private TestCdrs() {}

  /** A charge of {@code feeFen} on 10658880, billed to 13800138000, with no causing MO. */
  static Cdr charge(
      String key, String partner, String product, ChargeType type, long feeFen, Instant at) {
    return new Cdr(
        0,
        CdrType.CHARGE,
        key,
        Optional.empty(),
        Optional.empty(),
        "13800138000",
        partner,
        "10658880",
        product,
        type,
        feeFen,
        at,
        at,
        Optional.empty(),
        "T-" + key);
  }

  /** A refund of {@code fen} of charge {@code chargeKey}. */
  static Cdr refund(
      String key,
      String chargeKey,
      String partner,
      String product,
      ChargeType type,
      long fen,
      Instant at) {
    return new Cdr(
        0,
        CdrType.REFUND,
        key,
        Optional.of(chargeKey),
        Optional.empty(),
        "13800138000",
        partner,
        "10658880",
        product,
        type,
        -fen,
        at,
        at,
        Optional.empty(),
        "T-" + key);
  }
}
