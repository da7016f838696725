package io.vasgate.billing.charging;

import io.vasgate.command.catalog.ChargeType;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Charge and refund requests for tests, with numbers no other test uses. */
public final class TestCharges {

  private static final AtomicLong numbers = new AtomicLong(13_800_000_000L);

  private TestCharges() {}

  /** A mobile number not handed out before in this JVM. */
  public static String freshMsisdn() {
    return Long.toString(numbers.incrementAndGet());
  }

  /** A monthly order of product TQ on 10658880 by partner 901234, caused by MO 7. */
  public static ChargeRequest charge(String key, String msisdn, long amountFen) {
    return new ChargeRequest(
        key,
        msisdn,
        "901234",
        "10658880",
        "TQ",
        ChargeType.MONTHLY,
        amountFen,
        ChargeReason.ORDER,
        Optional.of(7L));
  }

  /** A refund by staff user {@code ops.li}. */
  public static RefundRequest refund(String key, String chargeKey, String msisdn, long amountFen) {
    return new RefundRequest(
        key, chargeKey, msisdn, amountFen, "charged without service", "ops.li");
  }
}
