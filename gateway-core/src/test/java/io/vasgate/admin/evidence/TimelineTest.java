package io.vasgate.admin.evidence;

import static io.vasgate.admin.evidence.EvidenceRecords.H;
import static io.vasgate.admin.evidence.EvidenceRecords.TQ;
import static io.vasgate.admin.evidence.EvidenceRecords.charge;
import static io.vasgate.admin.evidence.EvidenceRecords.mo;
import static io.vasgate.admin.evidence.EvidenceRecords.mt;
import static io.vasgate.admin.evidence.EvidenceRecords.order;
import static io.vasgate.admin.evidence.EvidenceRecords.orderCharge;
import static io.vasgate.admin.evidence.EvidenceRecords.refund;
import static io.vasgate.admin.evidence.EvidenceRecords.transition;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.billing.cdr.Cdr;
import io.vasgate.billing.cdr.CdrType;
import io.vasgate.billing.subscription.OrderChargeStatus;
import io.vasgate.billing.subscription.StateTransition;
import io.vasgate.billing.subscription.SubscriptionHistory;
import io.vasgate.billing.subscription.SubscriptionState;
import io.vasgate.billing.subscription.TransitionCause;
import io.vasgate.command.catalog.ChargeType;
import io.vasgate.message.MoRecord;
import io.vasgate.message.MtRecord;
import io.vasgate.message.PartInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static final Instant T0 = Instant.parse("2025-03-01T02:00:00.000Z");
  private static final SubscriptionHistory NONE =
      new SubscriptionHistory(List.of(), List.of(), List.of());

  private static List<String> types(List<HistoryEvent> events) {
    return events.stream().map(e -> e.getClass().getSimpleName()).toList();
  }

  @Test
  void eventsOfTheSameMillisecondComeInTheOrderTheyAreCaused() {
    SubscriptionHistory subs =
        new SubscriptionHistory(
            List.of(order(1, T0, 11)),
            List.of(
                transition(
                    5,
                    1,
                    Optional.of(SubscriptionState.PENDING_CONFIRMATION),
                    SubscriptionState.ACTIVE,
                    T0,
                    new TransitionCause.Mo(11))),
            List.of());

    List<HistoryEvent> events =
        Timeline.merge(
            H,
            List.of(mo(11, "是", T0)),
            List.of(mt(21, Optional.of(11L), "成功订购", 1, 1, T0)),
            subs,
            List.of(charge(1, "order-1", 200, T0)),
            Map.of());

    assertThat(types(events)).containsExactly("MoReceived", "StateChanged", "Charged", "ReplySent");
  }

  @Test
  void eventsFromEverySourceAreMergedByTime() {
    SubscriptionHistory subs =
        new SubscriptionHistory(
            List.of(order(1, T0.plusMillis(5), 11)),
            List.of(
                transition(
                    1,
                    1,
                    Optional.empty(),
                    SubscriptionState.PENDING_CONFIRMATION,
                    T0.plusMillis(5),
                    new TransitionCause.Mo(11)),
                transition(
                    2,
                    1,
                    Optional.of(SubscriptionState.PENDING_CONFIRMATION),
                    SubscriptionState.CANCELLED,
                    T0.plusSeconds(90),
                    new TransitionCause.Job("confirmation-expiry"))),
            List.of());

    List<HistoryEvent> events =
        Timeline.merge(
            H,
            List.of(mo(11, "KT TQ", T0), mo(12, "0000", T0.plusSeconds(60))),
            List.of(
                mt(21, Optional.of(11L), "请回复是", 1, 1, T0.plusMillis(9)),
                mt(22, Optional.of(12L), "您没有订购", 1, 1, T0.plusSeconds(61))),
            subs,
            List.of(),
            Map.of());

    assertThat(types(events))
        .containsExactly(
            "MoReceived",
            "SubscriptionCreated",
            "ReplySent",
            "MoReceived",
            "ReplySent",
            "StateChanged");
    HistoryEvent.SubscriptionCreated created = (HistoryEvent.SubscriptionCreated) events.get(1);
    assertThat(created.priceFen()).isEqualTo(200);
    assertThat(created.servicePort()).isEqualTo("10658880");
    assertThat(created.causeMo()).isEqualTo("11");
    assertThat(created.causeJob()).isNull();
    HistoryEvent.StateChanged expired = (HistoryEvent.StateChanged) events.get(5);
    assertThat(expired.causeJob()).isEqualTo("confirmation-expiry");
    assertThat(expired.causeMo()).isNull();
    assertThat(expired.from()).isEqualTo("PENDING_CONFIRMATION");
    assertThat(expired.to()).isEqualTo("CANCELLED");
  }

  @Test
  void thePartsOfALongReplyAreOneEventAndItsWorstPartDecidesItsState() {
    List<HistoryEvent.ReplySent> replies =
        Timeline.replies(
            List.of(
                mt(31, Optional.of(11L), "长回复", 1, 3, T0),
                mt(
                    32,
                    Optional.of(11L),
                    "长回复",
                    2,
                    3,
                    T0.plusMillis(1),
                    "FAILED",
                    Optional.of(0x58)),
                mt(33, Optional.of(11L), "长回复", 3, 3, T0.plusMillis(2)),
                mt(34, Optional.empty(), "提醒", 1, 1, T0.plusMillis(3), "SENT", Optional.empty()),
                mt(35, Optional.empty(), "提醒", 1, 1, T0.plusMillis(4))));

    assertThat(replies).hasSize(3);
    HistoryEvent.ReplySent whole = replies.get(0);
    assertThat(whole.messageId()).isEqualTo("31");
    assertThat(whole.messageIds()).containsExactly("31", "32", "33");
    assertThat(whole.parts()).isEqualTo(3);
    assertThat(whole.state()).isEqualTo("FAILED");
    assertThat(whole.peerStatus()).isEqualTo(0x58);
    assertThat(whole.answersMo()).isEqualTo("11");
    assertThat(whole.answeredAt()).isEqualTo(T0.plusMillis(5));
    assertThat(replies.get(1).state()).isEqualTo("SENT");
    assertThat(replies.get(1).peerStatus()).isNull();
    assertThat(replies.get(1).answeredAt()).isNull();
    assertThat(replies.get(1).answersMo()).isNull();
    assertThat(replies.get(2).messageIds())
        .as("the same text again is another message")
        .containsExactly("35");
    assertThat(replies.get(2).state()).isEqualTo("ACKED");
    assertThat(replies.get(2).peerStatus()).isZero();
  }

  @Test
  void aPartWithoutItsNeighboursStandsAloneAndSaysHowManyThereWere() {
    List<HistoryEvent.ReplySent> replies =
        Timeline.replies(List.of(mt(42, Optional.of(11L), "长回复", 2, 3, T0)));

    assertThat(replies)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.messageIds()).containsExactly("42");
              assertThat(r.parts()).isEqualTo(3);
            });
  }

  @Test
  void aChargeThatTookNoMoneyIsAnAttemptAndOneWithACdrIsACharge() {
    SubscriptionHistory subs =
        new SubscriptionHistory(
            List.of(),
            List.of(),
            List.of(
                orderCharge(
                    "order-1", OrderChargeStatus.INSUFFICIENT_BALANCE, T0, Optional.empty()),
                orderCharge(
                    "order-2", OrderChargeStatus.UNKNOWN, T0.plusSeconds(1), Optional.empty())));

    List<HistoryEvent> events =
        Timeline.merge(
            H,
            List.of(),
            List.of(),
            subs,
            List.of(charge(7, "order-2", 200, T0.plusSeconds(2))),
            Map.of());

    assertThat(types(events)).containsExactly("ChargeAttempt", "Charged");
    HistoryEvent.ChargeAttempt failed = (HistoryEvent.ChargeAttempt) events.get(0);
    assertThat(failed.key()).isEqualTo("order-1");
    assertThat(failed.status()).isEqualTo("INSUFFICIENT_BALANCE");
    assertThat(failed.detail()).isEqualTo("balance 10 fen");
    assertThat(failed.amountFen()).isEqualTo(200);
    HistoryEvent.Charged charged = (HistoryEvent.Charged) events.get(1);
    assertThat(charged.key()).isEqualTo("order-2");
    assertThat(charged.reason()).isEqualTo("ORDER");
    assertThat(charged.subscriptionId()).isEqualTo("1");
    assertThat(charged.causeMo()).isEqualTo("11");
    assertThat(charged.transactionId()).isEqualTo("tx-7");
  }

  @Test
  void refundsSayWhyAutomaticOnesFromTheOrderAndStaffOnesFromTheirNote() {
    SubscriptionHistory subs =
        new SubscriptionHistory(
            List.of(),
            List.of(),
            List.of(
                orderCharge(
                    "order-1", OrderChargeStatus.SUCCESS, T0, Optional.of("refund-order-1"))));
    List<Cdr> cdrs =
        List.of(
            charge(1, "order-1", 200, T0),
            refund(2, "refund-order-1", "order-1", 200, T0.plusSeconds(5)),
            refund(3, "staff-refund-c-t1", "order-1", 20, T0.plusSeconds(9)),
            refund(4, "staff-refund-c-t2", "order-1", 10, T0.plusSeconds(9)));

    List<HistoryEvent> events =
        Timeline.merge(
            H,
            List.of(),
            List.of(),
            subs,
            cdrs,
            Map.of("staff-refund-c-t1", new RefundNote("投诉", "ops")));

    assertThat(types(events)).containsExactly("Charged", "Refunded", "Refunded", "Refunded");
    HistoryEvent.Refunded automatic = (HistoryEvent.Refunded) events.get(1);
    assertThat(automatic.amountFen()).isEqualTo(200);
    assertThat(automatic.feeFen()).isEqualTo(-200);
    assertThat(automatic.chargeKey()).isEqualTo("order-1");
    assertThat(automatic.reason()).isEqualTo("cancelled while the charge was unanswered");
    assertThat(automatic.requestedBy()).isEqualTo("vasgate-subscriptions");
    HistoryEvent.Refunded staff = (HistoryEvent.Refunded) events.get(2);
    assertThat(staff.key()).isEqualTo("staff-refund-c-t1");
    assertThat(staff.reason()).isEqualTo("投诉");
    assertThat(staff.requestedBy()).isEqualTo("ops");
    HistoryEvent.Refunded unexplained = (HistoryEvent.Refunded) events.get(3);
    assertThat(unexplained.reason()).isNull();
    assertThat(unexplained.requestedBy()).isNull();
  }

  @Test
  void aBinaryMoShowsItsOctetsAndAnotherNumbersCdrIsLeftOut() {
    MoRecord binary =
        new MoRecord(
            9,
            "mo",
            2,
            H,
            TQ,
            4,
            new byte[] {0x0A, (byte) 0xBC},
            Optional.empty(),
            Optional.of(new PartInfo(5, 2, 1)),
            T0,
            "FAILED",
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    Cdr someoneElse =
        new Cdr(
            3,
            CdrType.CHARGE,
            "use-1",
            Optional.empty(),
            Optional.empty(),
            "8613900000000",
            "901234",
            TQ,
            "XW",
            ChargeType.PER_USE,
            50,
            T0,
            T0,
            Optional.empty(),
            "tx");

    List<HistoryEvent> events =
        Timeline.merge(H, List.of(binary), List.of(), NONE, List.of(someoneElse), Map.of());

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            HistoryEvent.MoReceived.class,
            mo -> {
              assertThat(mo.text()).isNull();
              assertThat(mo.octetsHex()).isEqualTo("0abc");
              assertThat(mo.partSeq()).isEqualTo(1);
              assertThat(mo.partTotal()).isEqualTo(2);
              assertThat(mo.status()).isEqualTo("FAILED");
              assertThat(mo.command()).isNull();
              assertThat(mo.messageId()).isEqualTo("9");
            });
  }

  @Property(tries = 200)
  void theTimelineIsInTimeOrderWhateverOrderTheSourcesCameIn(
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 50) Integer> moOffsets,
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 50) Integer> stateOffsets,
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 50) Integer> chargeOffsets,
      @ForAll long seed) {
    List<MoRecord> mos = new ArrayList<>();
    List<MtRecord> mts = new ArrayList<>();
    for (int i = 0; i < moOffsets.size(); i++) {
      Instant at = T0.plusMillis(moOffsets.get(i));
      mos.add(mo(100 + i, "m" + i, at));
      mts.add(mt(200 + i, Optional.of(100L + i), "r" + i, 1, 1, at.plusMillis(1)));
    }
    List<StateTransition> transitions = new ArrayList<>();
    for (int i = 0; i < stateOffsets.size(); i++) {
      transitions.add(
          transition(
              i + 1,
              1,
              Optional.of(SubscriptionState.ACTIVE),
              SubscriptionState.SUSPENDED,
              T0.plusMillis(stateOffsets.get(i)),
              new TransitionCause.Job("job")));
    }
    List<Cdr> cdrs = new ArrayList<>();
    for (int i = 0; i < chargeOffsets.size(); i++) {
      cdrs.add(charge(i + 1, "k" + i, 1, T0.plusMillis(chargeOffsets.get(i))));
    }
    Collections.shuffle(mos, new Random(seed));
    Collections.shuffle(cdrs, new Random(seed + 1));

    List<HistoryEvent> events =
        Timeline.merge(
            H,
            mos,
            mts,
            new SubscriptionHistory(List.of(), transitions, List.of()),
            cdrs,
            Map.of());

    assertThat(events).hasSize(mos.size() + mts.size() + transitions.size() + cdrs.size());
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).at()).isAfterOrEqualTo(events.get(i - 1).at());
    }
  }
}
