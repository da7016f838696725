package io.vasgate.billing.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.billing.subscription.Subscription;
import io.vasgate.billing.subscription.SubscriptionFixture;
import io.vasgate.billing.subscription.SubscriptionState;
import io.vasgate.command.catalog.FirstMonthPolicy;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first charge after a trial follows the product's first-month policy for the month the trial
 * ends in; the following month is charged in full.
 */
class TrialFirstMonthTest {

  private static final String A = "13800138000";

  private static SubscriptionFixture f;

  @BeforeAll
  static void start() {
    f = new SubscriptionFixture("sub_trial_policy");
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @BeforeEach
  void reset() {
    f.reset();
  }

  @ParameterizedTest(name = "{0}, trial ends {2}: first charge {3} fen")
  @CsvSource({
    "FULL_PRICE, 2025-01-10, 2025-01-17, 300",
    "FREE, 2025-01-10, 2025-01-17, 0",
    // 15 of 31 days left: 300 * 15 / 31 = 145.2, rounded down.
    "PRO_RATA_BY_DAY, 2025-01-10, 2025-01-17, 145",
    "HALF_PRICE_UNDER_15_DAYS_LEFT, 2025-01-10, 2025-01-17, 300",
    "HALF_PRICE_UNDER_15_DAYS_LEFT, 2025-01-11, 2025-01-18, 150",
    // A trial ending on the first of a month starts a whole month under every policy but FREE.
    "PRO_RATA_BY_DAY, 2025-01-25, 2025-02-01, 300"
  })
  void firstChargeAfterTheTrialFollowsThePolicy(
      FirstMonthPolicy policy, LocalDate ordered, LocalDate trialEnd, long expectedFen) {
    f.goTo(ordered);
    f.put(SubscriptionFixture.monthly("TP", "10").trialDays(7).firstMonth(policy).build());
    f.service.subscribe(A, f.get("TP"), f.mo("KT TP")).join();
    RecordingNotifier notifier = new RecordingNotifier();
    RenewalJob job = f.renewalJob(RenewalConfig.defaults(), notifier);
    Subscription trial = f.history(A).subscriptions().get(0);
    assertThat(trial.trialEnd()).contains(trialEnd);

    f.goTo(trialEnd.minusDays(1));
    job.runOnce(trialEnd.minusDays(1)).join();
    assertThat(notifier.reminders)
        .extracting(ChargeReminder::amountFen)
        .containsExactlyElementsOf(
            expectedFen == 0 ? java.util.List.of() : java.util.List.of(expectedFen));
    f.goTo(trialEnd);
    RenewalReport report = job.runOnce(trialEnd).join();

    assertThat(report.trialsConverted()).isEqualTo(1);
    assertThat(report.chargedFen()).isEqualTo(expectedFen);
    String key = "renewal-" + trial.id() + "-" + java.time.YearMonth.from(trialEnd);
    assertThat(f.gateway.movedFen(key)).isEqualTo(expectedFen);
    assertThat(f.gateway.calls(key)).isEqualTo(expectedFen == 0 ? 0 : 1);
    Subscription active = f.history(A).subscriptions().get(0);
    assertThat(active.state()).isEqualTo(SubscriptionState.ACTIVE);
    LocalDate nextMonth = trialEnd.withDayOfMonth(1).plusMonths(1);
    assertThat(active.nextChargeDate()).contains(nextMonth);

    f.goTo(nextMonth);
    job.runOnce(nextMonth).join();
    assertThat(
            f.gateway.movedFen("renewal-" + trial.id() + "-" + java.time.YearMonth.from(nextMonth)))
        .isEqualTo(300);
  }
}
