package io.vasgate.admin.evidence;

import io.vasgate.billing.cdr.Cdr;
import io.vasgate.billing.cdr.CdrRepository;
import io.vasgate.billing.cdr.CdrType;
import io.vasgate.billing.subscription.SubscriptionHistory;
import io.vasgate.billing.subscription.SubscriptionService;
import io.vasgate.message.MessageHistoryRepository;
import io.vasgate.message.MoRecord;
import io.vasgate.message.MtRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A subscriber's whole story from the records: every MO, every reply, every order and state change
 * with its cause, every charge and refund, in time order. What operations staff read when a
 * subscriber complains.
 *
 * <p>The message tables can be large, so they are read only as far as one answer needs: each up to
 * the limit plus one row. When a table has more, the answer stops before the last row read, since
 * events after it may be missing, and says where to continue.
 */
final class SubscriberHistory {

  private final MessageHistoryRepository messages;
  private final SubscriptionService subscriptions;
  private final CdrRepository cdrs;
  private final RefundAudit audit;
  private final Executor executor;

  /**
   * @param executor runs the blocking reads
   */
  SubscriberHistory(
      MessageHistoryRepository messages,
      SubscriptionService subscriptions,
      CdrRepository cdrs,
      RefundAudit audit,
      Executor executor) {
    this.messages = Objects.requireNonNull(messages, "messages");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.cdrs = Objects.requireNonNull(cdrs, "cdrs");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  private record Records(
      List<MoRecord> mos,
      List<MtRecord> mts,
      List<Cdr> cdrs,
      Map<String, RefundNote> notes,
      Optional<Instant> horizon) {}

  /** The events {@code query} selects, oldest first. */
  CompletableFuture<HistoryPage> history(HistoryQuery query) {
    CompletableFuture<Records> records = CompletableFuture.supplyAsync(() -> read(query), executor);
    return subscriptions
        .history(query.msisdn())
        .thenCombine(records, (subs, read) -> page(query, subs, read));
  }

  private Records read(HistoryQuery query) {
    int cap = query.limit() + 1;
    List<MoRecord> mos = messages.mosFrom(query.msisdn(), query.from(), query.to(), cap);
    List<MtRecord> mts = messages.mtsTo(query.msisdn(), query.from(), query.to(), cap);
    List<Cdr> mine = cdrs.forBilledNumber(query.msisdn());
    List<String> refundedCharges = new ArrayList<>();
    for (Cdr c : mine) {
      if (c.type() == CdrType.REFUND) {
        c.chargeKey().ifPresent(refundedCharges::add);
      }
    }
    return new Records(mos, mts, mine, audit.notes(refundedCharges), horizon(mos, mts, cap));
  }

  /**
   * The first instant from which the events read may be incomplete, when a table had more rows than
   * the {@code cap} read: a later MO of the last MO's instant may be unread, and the last reply
   * read may lack parts. Everything before it is whole.
   */
  static Optional<Instant> horizon(List<MoRecord> mos, List<MtRecord> mts, int cap) {
    Optional<Instant> horizon = Optional.empty();
    if (mos.size() >= cap) {
      horizon = earliest(horizon, mos.get(mos.size() - 1).receivedAt());
    }
    if (mts.size() >= cap) {
      List<HistoryEvent.ReplySent> replies = Timeline.replies(mts);
      horizon = earliest(horizon, replies.get(replies.size() - 1).at());
    }
    return horizon;
  }

  private static Optional<Instant> earliest(Optional<Instant> current, Instant candidate) {
    return Optional.of(current.filter(c -> c.isBefore(candidate)).orElse(candidate));
  }

  private static HistoryPage page(HistoryQuery query, SubscriptionHistory subs, Records read) {
    return page(
        query,
        Timeline.merge(query.msisdn(), read.mos(), read.mts(), subs, read.cdrs(), read.notes()),
        read.horizon());
  }

  /**
   * The events of {@code all} (oldest first) that {@code query} selects: those in its range, before
   * the {@code horizon} of what was read, at most its limit.
   */
  static HistoryPage page(HistoryQuery query, List<HistoryEvent> all, Optional<Instant> horizon) {
    List<HistoryEvent> shown = new ArrayList<>();
    Instant nextFrom = null;
    for (HistoryEvent e : all) {
      if (!query.covers(e.at())) {
        continue;
      }
      if (horizon.isPresent() && !e.at().isBefore(horizon.get())) {
        nextFrom = horizon.get();
        break;
      }
      if (shown.size() == query.limit()) {
        nextFrom = e.at();
        break;
      }
      shown.add(e);
    }
    if (nextFrom == null && horizon.isPresent()) {
      nextFrom = horizon.get();
    }
    return new HistoryPage(
        query.msisdn(),
        query.from().orElse(null),
        query.to().orElse(null),
        query.limit(),
        shown.size(),
        nextFrom != null,
        nextFrom,
        shown);
  }
}
