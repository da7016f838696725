package io.vasgate.admin.evidence;

import io.vasgate.billing.cdr.Cdr;
import io.vasgate.billing.cdr.CdrType;
import io.vasgate.billing.subscription.OrderCharge;
import io.vasgate.billing.subscription.OrderChargeStatus;
import io.vasgate.billing.subscription.StateTransition;
import io.vasgate.billing.subscription.Subscription;
import io.vasgate.billing.subscription.SubscriptionHistory;
import io.vasgate.billing.subscription.TransitionCause;
import io.vasgate.message.MoRecord;
import io.vasgate.message.MtRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges what the journal, the subscription service and the CDRs recorded about one subscriber into
 * one time-ordered list. A pure function of its inputs.
 *
 * <p>Events of the same millisecond are put in the order they are caused: the MO first, then what
 * it changed, then what it cost, then the reply; within each kind, in the order they were stored.
 */
final class Timeline {

  /** Where an event sits among events of the same instant. */
  private enum Rank {
    MESSAGE_IN,
    STATE,
    MONEY,
    MESSAGE_OUT
  }

  private record Entry(HistoryEvent event, Rank rank, long order) {}

  private static final Comparator<Entry> ORDER =
      Comparator.<Entry, Instant>comparing(e -> e.event().at())
          .thenComparing(Entry::rank)
          .thenComparingLong(Entry::order);

  private Timeline() {}

  /**
   * The events of {@code msisdn}, oldest first.
   *
   * @param mts oldest first, the parts of one message in part order, as the journal reads them
   * @param notes why and by whom refunds were made, by refund key
   */
  static List<HistoryEvent> merge(
      String msisdn,
      List<MoRecord> mos,
      List<MtRecord> mts,
      SubscriptionHistory subscriptions,
      List<Cdr> cdrs,
      Map<String, RefundNote> notes) {
    List<Entry> entries = new ArrayList<>();
    for (MoRecord mo : mos) {
      entries.add(new Entry(mo(mo), Rank.MESSAGE_IN, mo.id()));
    }
    List<HistoryEvent.ReplySent> replies = replies(mts);
    for (int i = 0; i < replies.size(); i++) {
      entries.add(new Entry(replies.get(i), Rank.MESSAGE_OUT, i));
    }
    Map<Long, Subscription> orders = new HashMap<>();
    subscriptions.subscriptions().forEach(s -> orders.put(s.id(), s));
    for (StateTransition t : subscriptions.transitions()) {
      entries.add(new Entry(transition(t, orders.get(t.subscriptionId())), Rank.STATE, t.id()));
    }
    Set<String> recorded = new HashSet<>();
    for (Cdr cdr : cdrs) {
      if (cdr.type() == CdrType.CHARGE) {
        recorded.add(cdr.idempotencyKey());
      }
    }
    Map<String, OrderCharge> charges = new HashMap<>();
    Map<String, OrderCharge> byRefundKey = new HashMap<>();
    long order = 0;
    for (OrderCharge c : subscriptions.charges()) {
      charges.put(c.idempotencyKey(), c);
      c.refundKey().ifPresent(k -> byRefundKey.put(k, c));
      // A charge whose money moved has its CDR, even while the order still waits for the answer.
      if (c.status() != OrderChargeStatus.SUCCESS && !recorded.contains(c.idempotencyKey())) {
        entries.add(new Entry(attempt(c), Rank.MONEY, order++));
      }
    }
    for (Cdr cdr : cdrs) {
      if (!cdr.billedNumber().equals(msisdn)) {
        continue;
      }
      HistoryEvent event =
          cdr.type() == CdrType.CHARGE
              ? charged(cdr, Optional.ofNullable(charges.get(cdr.idempotencyKey())))
              : refunded(cdr, note(cdr, notes, byRefundKey));
      // CDR ids follow the order records were written; attempts that took nothing come first.
      entries.add(new Entry(event, Rank.MONEY, order + cdr.id()));
    }
    entries.sort(ORDER);
    return entries.stream().map(Entry::event).toList();
  }

  /**
   * The parts in {@code mts} put back together into messages: consecutive parts of the same text,
   * answering the same MO, numbered on from 1. A part whose neighbours are not in the list stands
   * alone, still saying how many parts its message had.
   */
  static List<HistoryEvent.ReplySent> replies(List<MtRecord> mts) {
    List<HistoryEvent.ReplySent> replies = new ArrayList<>();
    List<MtRecord> group = new ArrayList<>();
    for (MtRecord part : mts) {
      if (!group.isEmpty() && !continues(group.get(group.size() - 1), part)) {
        replies.add(reply(group));
        group.clear();
      }
      group.add(part);
    }
    if (!group.isEmpty()) {
      replies.add(reply(group));
    }
    return replies;
  }

  private static boolean continues(MtRecord last, MtRecord next) {
    return next.partSeq() == last.partSeq() + 1
        && next.partTotal() == last.partTotal()
        && next.moId().equals(last.moId())
        && next.text().equals(last.text())
        && next.sourceAddr().equals(last.sourceAddr())
        && next.destAddr().equals(last.destAddr());
  }

  private static HistoryEvent.ReplySent reply(List<MtRecord> parts) {
    MtRecord first = parts.get(0);
    boolean failed = parts.stream().anyMatch(p -> p.state().equals("FAILED"));
    boolean acked = parts.stream().allMatch(p -> p.state().equals("ACKED"));
    String state = failed ? "FAILED" : acked ? "ACKED" : "SENT";
    Integer peerStatus = null;
    for (MtRecord p : parts) {
      if (p.respStatus().isPresent()) {
        int status = p.respStatus().get();
        if (peerStatus == null || (peerStatus == 0 && status != 0)) {
          peerStatus = status;
        }
      }
    }
    Instant answeredAt = null;
    if (parts.stream().allMatch(p -> p.updatedAt().isPresent())) {
      answeredAt = parts.stream().map(p -> p.updatedAt().get()).max(Instant::compareTo).get();
    }
    return new HistoryEvent.ReplySent(
        first.createdAt(),
        Long.toString(first.id()),
        parts.stream().map(p -> Long.toString(p.id())).toList(),
        first.sourceAddr(),
        first.destAddr(),
        first.text(),
        first.partTotal(),
        state,
        peerStatus,
        first.moId().map(String::valueOf).orElse(null),
        first.peerSystemId(),
        answeredAt);
  }

  private static HistoryEvent.MoReceived mo(MoRecord mo) {
    return new HistoryEvent.MoReceived(
        mo.receivedAt(),
        Long.toString(mo.id()),
        mo.sourceAddr(),
        mo.destAddr(),
        mo.text().orElse(null),
        mo.text().isPresent() ? null : HexFormat.of().formatHex(mo.shortMessage()),
        mo.dataCoding(),
        mo.peerSystemId(),
        mo.sessionId(),
        mo.part().map(p -> p.seq()).orElse(null),
        mo.part().map(p -> p.total()).orElse(null),
        mo.status(),
        mo.command().orElse(null),
        mo.productCode().orElse(null),
        mo.processedAt().orElse(null));
  }

  private static HistoryEvent transition(StateTransition t, Subscription order) {
    String causeMo = t.cause() instanceof TransitionCause.Mo mo ? Long.toString(mo.moId()) : null;
    String causeJob = t.cause() instanceof TransitionCause.Job job ? job.name() : null;
    if (t.from().isEmpty()) {
      return new HistoryEvent.SubscriptionCreated(
          t.at(),
          Long.toString(t.subscriptionId()),
          t.productCode(),
          t.to().name(),
          order == null ? null : order.priceFen(),
          order == null ? null : order.servicePort(),
          causeMo,
          causeJob,
          t.detail());
    }
    return new HistoryEvent.StateChanged(
        t.at(),
        Long.toString(t.subscriptionId()),
        t.productCode(),
        t.from().get().name(),
        t.to().name(),
        causeMo,
        causeJob,
        t.detail());
  }

  private static HistoryEvent.ChargeAttempt attempt(OrderCharge c) {
    return new HistoryEvent.ChargeAttempt(
        c.settledAt().orElse(c.createdAt()),
        c.idempotencyKey(),
        c.amountFen(),
        c.productCode(),
        c.reason().name(),
        c.subscriptionId().map(String::valueOf).orElse(null),
        c.moId().map(String::valueOf).orElse(null),
        c.status().name(),
        c.detail(),
        c.attempts());
  }

  private static HistoryEvent.Charged charged(Cdr cdr, Optional<OrderCharge> sent) {
    return new HistoryEvent.Charged(
        cdr.chargedAt(),
        cdr.idempotencyKey(),
        cdr.feeFen(),
        cdr.productCode(),
        cdr.partnerCode(),
        cdr.serviceNumber(),
        cdr.chargeType().name(),
        sent.map(c -> c.reason().name()).orElse(null),
        sent.flatMap(OrderCharge::subscriptionId).map(String::valueOf).orElse(null),
        cdr.causingMoId().map(String::valueOf).orElse(null),
        cdr.transactionId());
  }

  private static Optional<RefundNote> note(
      Cdr refund, Map<String, RefundNote> notes, Map<String, OrderCharge> byRefundKey) {
    RefundNote staff = notes.get(refund.idempotencyKey());
    if (staff != null) {
      return Optional.of(staff);
    }
    OrderCharge automatic = byRefundKey.get(refund.idempotencyKey());
    if (automatic != null && automatic.refundReason().isPresent()) {
      return Optional.of(
          new RefundNote(automatic.refundReason().get(), OrderCharge.AUTO_REFUND_REQUESTER));
    }
    return Optional.empty();
  }

  private static HistoryEvent.Refunded refunded(Cdr cdr, Optional<RefundNote> note) {
    return new HistoryEvent.Refunded(
        cdr.chargedAt(),
        cdr.idempotencyKey(),
        cdr.chargeKey().orElse(null),
        cdr.feeFen(),
        Math.negateExact(cdr.feeFen()),
        cdr.productCode(),
        cdr.partnerCode(),
        cdr.transactionId(),
        note.map(RefundNote::reason).orElse(null),
        note.map(RefundNote::requestedBy).orElse(null));
  }
}
