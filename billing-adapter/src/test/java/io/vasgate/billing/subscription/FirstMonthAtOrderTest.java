package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.billing.subscription.SubscriptionOutcome.Subscribed;
import io.vasgate.command.catalog.FirstMonthPolicy;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The first-month policy decides the order's first charge; renewals then follow monthly. */
class FirstMonthAtOrderTest {

  private static final String A = "13800138000";

  private static SubscriptionFixture f;

  @BeforeAll
  static void start() {
    f = new SubscriptionFixture("sub_first_month");
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @BeforeEach
  void reset() {
    f.reset();
  }

  @ParameterizedTest(name = "{0} ordered on {1}: {2} fen")
  @CsvSource({
    "FULL_PRICE, 2025-01-10, 300",
    "FULL_PRICE, 2025-01-31, 300",
    "FREE, 2025-01-10, 0",
    // 22 of 31 days left: 300 * 22 / 31 = 212.9, rounded down.
    "PRO_RATA_BY_DAY, 2025-01-10, 212",
    "PRO_RATA_BY_DAY, 2025-01-01, 300",
    "PRO_RATA_BY_DAY, 2025-02-28, 10",
    // 12 days left: under 15, half. 15 days left: full.
    "HALF_PRICE_UNDER_15_DAYS_LEFT, 2025-01-20, 150",
    "HALF_PRICE_UNDER_15_DAYS_LEFT, 2025-01-17, 300",
    "HALF_PRICE_UNDER_15_DAYS_LEFT, 2025-01-18, 150"
  })
  void orderIsChargedWhatThePolicySaysForTheMonthOfTheOrder(
      FirstMonthPolicy policy, LocalDate day, long expectedFen) {
    f.goTo(day);
    f.put(SubscriptionFixture.monthly("FM", "09").firstMonth(policy).build());

    var outcome = (Subscribed) f.service.subscribe(A, f.get("FM"), f.mo("KT FM")).join();

    assertThat(outcome.chargedFen()).isEqualTo(expectedFen);
    assertThat(outcome.subscription().state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(outcome.subscription().nextChargeDate())
        .contains(day.withDayOfMonth(1).plusMonths(1));
    assertThat(outcome.subscription().priceFen()).isEqualTo(300);
    assertThat(f.gateway.chargesThatMovedMoney()).isEqualTo(expectedFen == 0 ? 0 : 1);
    assertThat(f.gateway.requests()).hasSize(expectedFen == 0 ? 0 : 1);
  }
}
