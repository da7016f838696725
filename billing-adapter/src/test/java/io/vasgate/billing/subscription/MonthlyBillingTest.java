package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.command.catalog.FirstMonthPolicy;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MonthlyBillingTest {

  @Test
  void eachFirstMonthPolicyChargesWhatItSays() {
    LocalDate tenth = LocalDate.of(2025, 1, 10);
    assertThat(MonthlyBilling.firstMonthFen(FirstMonthPolicy.FULL_PRICE, 300, tenth))
        .isEqualTo(300);
    assertThat(MonthlyBilling.firstMonthFen(FirstMonthPolicy.FREE, 300, tenth)).isZero();
    assertThat(MonthlyBilling.firstMonthFen(FirstMonthPolicy.PRO_RATA_BY_DAY, 310, tenth))
        .isEqualTo(220);
    assertThat(
            MonthlyBilling.firstMonthFen(
                FirstMonthPolicy.HALF_PRICE_UNDER_15_DAYS_LEFT, 300, tenth))
        .isEqualTo(300);
  }

  @Test
  void halfPriceStartsWhenFewerThanFifteenDaysAreLeftTheOrderDayIncluded() {
    FirstMonthPolicy half = FirstMonthPolicy.HALF_PRICE_UNDER_15_DAYS_LEFT;
    // January has 31 days: on the 17th, 15 days are left; on the 18th, 14.
    assertThat(MonthlyBilling.daysLeftInMonth(LocalDate.of(2025, 1, 17))).isEqualTo(15);
    assertThat(MonthlyBilling.firstMonthFen(half, 301, LocalDate.of(2025, 1, 17))).isEqualTo(301);
    assertThat(MonthlyBilling.firstMonthFen(half, 301, LocalDate.of(2025, 1, 18))).isEqualTo(150);
    // February 2024 has 29 days: on the 15th, 15 are left; on the 16th, 14.
    assertThat(MonthlyBilling.firstMonthFen(half, 300, LocalDate.of(2024, 2, 15))).isEqualTo(300);
    assertThat(MonthlyBilling.firstMonthFen(half, 300, LocalDate.of(2024, 2, 16))).isEqualTo(150);
  }

  @Test
  void proRataCountsTheOrderDayAndRoundsDown() {
    FirstMonthPolicy proRata = FirstMonthPolicy.PRO_RATA_BY_DAY;
    assertThat(MonthlyBilling.firstMonthFen(proRata, 300, LocalDate.of(2025, 1, 1))).isEqualTo(300);
    assertThat(MonthlyBilling.firstMonthFen(proRata, 300, LocalDate.of(2025, 1, 31))).isEqualTo(9);
    assertThat(MonthlyBilling.firstMonthFen(proRata, 280, LocalDate.of(2025, 2, 28))).isEqualTo(10);
    assertThat(MonthlyBilling.firstMonthFen(proRata, 1, LocalDate.of(2025, 1, 2))).isZero();
  }

  @Test
  void keysNameTheOrderTheMonthOrTheMo() {
    assertThat(MonthlyBilling.orderKey(42)).isEqualTo("order-42");
    assertThat(MonthlyBilling.renewalKey(42, LocalDate.of(2025, 2, 1)))
        .isEqualTo("renewal-42-2025-02");
    assertThat(MonthlyBilling.renewalKey(42, LocalDate.of(2025, 2, 17)))
        .isEqualTo("renewal-42-2025-02");
    assertThat(MonthlyBilling.useKey(7)).isEqualTo("use-7");
    assertThat(MonthlyBilling.refundKey("order-42")).isEqualTo("refund-order-42");
  }

  @Test
  void nextMonthStartsOnItsFirstDay() {
    assertThat(MonthlyBilling.firstOfNextMonth(LocalDate.of(2025, 1, 31)))
        .isEqualTo(LocalDate.of(2025, 2, 1));
    assertThat(MonthlyBilling.firstOfNextMonth(LocalDate.of(2025, 12, 1)))
        .isEqualTo(LocalDate.of(2026, 1, 1));
  }

  @Test
  void negativePriceIsRefused() {
    assertThatThrownBy(
            () ->
                MonthlyBilling.firstMonthFen(
                    FirstMonthPolicy.FULL_PRICE, -1, LocalDate.of(2025, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void firstMonthNeverCostsMoreThanAMonthNorLessThanNothing(
      @ForAll FirstMonthPolicy policy,
      @ForAll @LongRange(min = 0, max = 1_000_000) long price,
      @ForAll @IntRange(min = 0, max = 3650) int dayOffset) {
    LocalDate day = LocalDate.of(2020, 1, 1).plusDays(dayOffset);
    long fen = MonthlyBilling.firstMonthFen(policy, price, day);
    assertThat(fen).isBetween(0L, price);
  }

  @Property
  void proRataNeverRisesAsTheMonthGoesOn(
      @ForAll @LongRange(min = 0, max = 1_000_000) long price,
      @ForAll @IntRange(min = 0, max = 3650) int dayOffset) {
    LocalDate day = LocalDate.of(2020, 1, 1).plusDays(dayOffset);
    if (day.getDayOfMonth() == day.lengthOfMonth()) {
      return;
    }
    FirstMonthPolicy proRata = FirstMonthPolicy.PRO_RATA_BY_DAY;
    assertThat(MonthlyBilling.firstMonthFen(proRata, price, day.plusDays(1)))
        .isLessThanOrEqualTo(MonthlyBilling.firstMonthFen(proRata, price, day));
  }
}
