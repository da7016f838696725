package io.vasgate.admin.evidence;

import static io.vasgate.admin.evidence.EvidenceRecords.H;
import static io.vasgate.admin.evidence.EvidenceRecords.mo;
import static io.vasgate.admin.evidence.EvidenceRecords.mt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.billing.subscription.SubscriptionHistory;
import io.vasgate.message.MoRecord;
import io.vasgate.message.MtRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriberHistoryPagingTest {

  private static final Instant T0 = Instant.parse("2025-03-01T02:00:00.000Z");

  /** Five MOs one second apart, each answered 100 ms later: ten events. */
  private static List<HistoryEvent> tenEvents() {
    List<MoRecord> mos =
        List.of(
            mo(1, "a", T0),
            mo(2, "b", T0.plusSeconds(1)),
            mo(3, "c", T0.plusSeconds(2)),
            mo(4, "d", T0.plusSeconds(3)),
            mo(5, "e", T0.plusSeconds(4)));
    List<MtRecord> mts =
        mos.stream()
            .map(
                m ->
                    mt(
                        100 + m.id(),
                        Optional.of(m.id()),
                        "r",
                        1,
                        1,
                        m.receivedAt().plusMillis(100)))
            .toList();
    return Timeline.merge(
        H, mos, mts, new SubscriptionHistory(List.of(), List.of(), List.of()), List.of(), Map.of());
  }

  private static HistoryQuery query(Optional<Instant> from, Optional<Instant> to, int limit) {
    return new HistoryQuery(H, from, to, limit);
  }

  @Test
  void aPageStopsAtTheLimitAndSaysWhereTheRestStarts() {
    List<HistoryEvent> all = tenEvents();

    HistoryPage page =
        SubscriberHistory.page(query(Optional.empty(), Optional.empty(), 4), all, Optional.empty());

    assertThat(page.events()).containsExactlyElementsOf(all.subList(0, 4));
    assertThat(page.count()).isEqualTo(4);
    assertThat(page.truncated()).isTrue();
    assertThat(page.nextFrom()).isEqualTo(all.get(4).at());
  }

  @Test
  void aPageThatHoldsEverythingIsNotTruncated() {
    List<HistoryEvent> all = tenEvents();

    HistoryPage page =
        SubscriberHistory.page(
            query(Optional.empty(), Optional.empty(), 10), all, Optional.empty());

    assertThat(page.events()).hasSize(10);
    assertThat(page.truncated()).isFalse();
    assertThat(page.nextFrom()).isNull();
  }

  @Test
  void aPageKeepsToItsRangeFromInclusiveToExclusive() {
    List<HistoryEvent> all = tenEvents();

    HistoryPage page =
        SubscriberHistory.page(
            query(Optional.of(T0.plusSeconds(1)), Optional.of(T0.plusSeconds(3)), 100),
            all,
            Optional.empty());

    assertThat(page.events()).containsExactlyElementsOf(all.subList(2, 6));
    assertThat(page.from()).isEqualTo(T0.plusSeconds(1));
    assertThat(page.to()).isEqualTo(T0.plusSeconds(3));
    assertThat(page.truncated()).isFalse();
  }

  @Test
  void aPageStopsBeforeWhatMayBeIncompleteAndSaysSo() {
    List<HistoryEvent> all = tenEvents();

    HistoryPage page =
        SubscriberHistory.page(
            query(Optional.empty(), Optional.empty(), 100), all, Optional.of(T0.plusSeconds(2)));

    assertThat(page.events()).containsExactlyElementsOf(all.subList(0, 4));
    assertThat(page.truncated()).isTrue();
    assertThat(page.nextFrom()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void theHorizonIsTheLastMoReadWhenTheTableHadMore() {
    List<MoRecord> mos =
        List.of(mo(1, "a", T0), mo(2, "b", T0.plusSeconds(1)), mo(3, "c", T0.plusSeconds(2)));

    assertThat(SubscriberHistory.horizon(mos, List.of(), 3)).contains(T0.plusSeconds(2));
    assertThat(SubscriberHistory.horizon(mos, List.of(), 4)).isEmpty();
  }

  @Test
  void theHorizonIsTheStartOfTheLastReplyReadWhenTheTableHadMore() {
    List<MtRecord> mts =
        List.of(
            mt(1, Optional.of(9L), "x", 1, 1, T0),
            mt(2, Optional.of(9L), "long", 1, 3, T0.plusSeconds(1)),
            mt(3, Optional.of(9L), "long", 2, 3, T0.plusSeconds(2)));
    List<MoRecord> mos = List.of(mo(1, "a", T0.plusSeconds(5)), mo(2, "b", T0.plusSeconds(6)));

    assertThat(SubscriberHistory.horizon(mos, mts, 3))
        .as("the reply that began at +1s may lack its third part")
        .contains(T0.plusSeconds(1));
    assertThat(SubscriberHistory.horizon(mos, mts, 2))
        .as("the earlier of the two horizons")
        .contains(T0.plusSeconds(1));
  }

  @Test
  void aQueryRefusesAReversedRangeAndALimitOutOfRange() {
    assertThatThrownBy(() -> query(Optional.of(T0), Optional.of(T0.minusMillis(1)), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> query(Optional.empty(), Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> query(Optional.empty(), Optional.empty(), HistoryQuery.MAX_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
