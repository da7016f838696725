package io.vasgate.admin.evidence;

import io.vasgate.billing.cdr.Cdr;
import io.vasgate.billing.cdr.CdrType;
import io.vasgate.billing.charging.ChargeReason;
import io.vasgate.billing.subscription.OrderCharge;
import io.vasgate.billing.subscription.OrderChargeStatus;
import io.vasgate.billing.subscription.StateTransition;
import io.vasgate.billing.subscription.Subscription;
import io.vasgate.billing.subscription.SubscriptionState;
import io.vasgate.billing.subscription.TransitionCause;
import io.vasgate.command.catalog.ChargeType;
import io.vasgate.message.MoRecord;
import io.vasgate.message.MtRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Records as the repositories hand them over, for tests of what is built from them. */
final class EvidenceRecords {

  static final String H = "8613800138000";
  static final String TQ = "1065888002";

  private EvidenceRecords() {}

  static MoRecord mo(long id, String text, Instant at) {
    return new MoRecord(
        id,
        "mo",
        1,
        H,
        TQ,
        8,
        text.getBytes(StandardCharsets.UTF_16BE),
        Optional.of(text),
        Optional.empty(),
        at,
        "PROCESSED",
        Optional.of("SUBSCRIBE"),
        Optional.of("TQ"),
        Optional.of(at));
  }

  static MtRecord mt(long id, Optional<Long> moId, String text, int seq, int total, Instant at) {
    return mt(id, moId, text, seq, total, at, "ACKED", Optional.of(0));
  }

  static MtRecord mt(
      long id,
      Optional<Long> moId,
      String text,
      int seq,
      int total,
      Instant at,
      String state,
      Optional<Integer> resp) {
    return new MtRecord(
        id,
        moId,
        "mo",
        TQ,
        H,
        text,
        seq,
        total,
        8,
        at,
        state,
        resp,
        resp.map(r -> at.plusMillis(3)));
  }

  static Subscription order(long id, Instant at, long moId) {
    return new Subscription(
        id,
        H,
        "TQ",
        "10658880",
        SubscriptionState.ACTIVE,
        200,
        at,
        Optional.of(at.plusSeconds(86_400)),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(moId));
  }

  static StateTransition transition(
      long id,
      long subscriptionId,
      Optional<SubscriptionState> from,
      SubscriptionState to,
      Instant at,
      TransitionCause cause) {
    return new StateTransition(id, subscriptionId, H, "TQ", from, to, at, cause, "because");
  }

  static OrderCharge orderCharge(
      String key, OrderChargeStatus status, Instant at, Optional<String> refundKey) {
    return new OrderCharge(
        key,
        H,
        "901234",
        TQ,
        "TQ",
        ChargeType.MONTHLY,
        200,
        ChargeReason.ORDER,
        Optional.of(1L),
        Optional.of(11L),
        status,
        1,
        Optional.empty(),
        at,
        Optional.of(at),
        "",
        "balance 10 fen",
        refundKey,
        refundKey.map(k -> OrderChargeStatus.SUCCESS),
        refundKey.map(k -> "cancelled while the charge was unanswered"));
  }

  static Cdr charge(long id, String key, long fee, Instant at) {
    return new Cdr(
        id,
        CdrType.CHARGE,
        key,
        Optional.empty(),
        Optional.of("11"),
        H,
        "901234",
        TQ,
        "TQ",
        ChargeType.MONTHLY,
        fee,
        at,
        at,
        Optional.of(11L),
        "tx-" + id);
  }

  static Cdr refund(long id, String key, String chargeKey, long amount, Instant at) {
    return new Cdr(
        id,
        CdrType.REFUND,
        key,
        Optional.of(chargeKey),
        Optional.empty(),
        H,
        "901234",
        TQ,
        "TQ",
        ChargeType.MONTHLY,
        -amount,
        at,
        at,
        Optional.empty(),
        "tx-" + id);
  }
}
