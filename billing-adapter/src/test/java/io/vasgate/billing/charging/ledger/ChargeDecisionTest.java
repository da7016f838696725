package io.vasgate.billing.charging.ledger;

import static io.vasgate.billing.charging.TestCharges.charge;
import static io.vasgate.billing.charging.TestCharges.refund;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.billing.charging.ChargeStatus;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class ChargeDecisionTest {

  private static final String NUMBER = "13800138000";

  @Property
  void aPrepaidChargeSucceedsExactlyWhenTheBalanceCoversIt(
      @ForAll @LongRange(min = 0, max = 10_000) long balance,
      @ForAll @LongRange(min = 1, max = 10_000) long price) {
    ChargeDecision decision =
        ChargeDecision.forCharge(
            charge("k", NUMBER, price), Optional.of(SubscriberAccount.prepaid(NUMBER, balance)));

    assertThat(decision.status())
        .isEqualTo(balance >= price ? ChargeStatus.SUCCESS : ChargeStatus.INSUFFICIENT_BALANCE);
  }

  @Property
  void aRefundSucceedsExactlyWhileTheRefundsStayWithinTheCharge(
      @ForAll @LongRange(min = 1, max = 1000) long charged,
      @ForAll @LongRange(min = 0, max = 1000) long alreadyRefunded,
      @ForAll @LongRange(min = 1, max = 1000) long amount) {
    long refunded = Math.min(alreadyRefunded, charged);
    LedgerEntry charge =
        new LedgerEntry(
            1,
            LedgerEntryType.CHARGE,
            "c",
            NUMBER,
            charged,
            ChargeStatus.SUCCESS,
            "",
            Optional.empty(),
            Optional.of("TQ"),
            Optional.empty(),
            refunded,
            Instant.EPOCH);

    ChargeDecision decision =
        ChargeDecision.forRefund(refund("r", "c", NUMBER, amount), Optional.of(charge));

    assertThat(decision.succeeded()).isEqualTo(refunded + amount <= charged);
  }

  @Example
  void cutsOverlongDetailsToTheColumnWidth() {
    ChargeDecision decision = new ChargeDecision(ChargeStatus.REJECTED, "x".repeat(1000));

    assertThat(decision.detail()).hasSize(ChargeDecision.MAX_DETAIL_LENGTH);
  }

  @Example
  void chargesAPostpaidAccountWhateverItsBalance() {
    ChargeDecision decision =
        ChargeDecision.forCharge(
            charge("k", NUMBER, 5000), Optional.of(SubscriberAccount.postpaid(NUMBER)));

    assertThat(decision.status()).isEqualTo(ChargeStatus.SUCCESS);
  }
}
