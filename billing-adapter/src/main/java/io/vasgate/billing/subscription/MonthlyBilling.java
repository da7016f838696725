package io.vasgate.billing.subscription;

import io.vasgate.command.catalog.FirstMonthPolicy;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The calendar arithmetic of monthly products: what the first month costs, when the next charge is
 * due and the idempotency keys of charges.
 *
 * <p>Monthly products are billed by calendar month (包月): after the first charge every renewal is
 * due on the first day of a month and pays for that month. The first month is the month of the
 * order, or for a trial product the month the trial ends in, and costs what the product's {@link
 * FirstMonthPolicy} says. Fractions of a fen are rounded down: a subscriber never pays more than
 * the stated share of the price.
 */
public final class MonthlyBilling {

  /**
   * {@link FirstMonthPolicy#HALF_PRICE_UNDER_15_DAYS_LEFT}: with fewer days than this left in the
   * month, the order day included, the first month costs half.
   */
  public static final int HALF_PRICE_DAYS_LEFT = 15;

  private MonthlyBilling() {}

  /**
   * What the first month costs when service starts (or the trial ends) on {@code firstDay}.
   *
   * @param monthlyFen the monthly price; not negative
   * @return 0 to {@code monthlyFen}
   */
  public static long firstMonthFen(FirstMonthPolicy policy, long monthlyFen, LocalDate firstDay) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(firstDay, "firstDay");
    if (monthlyFen < 0) {
      throw new IllegalArgumentException("monthlyFen must not be negative: " + monthlyFen);
    }
    int daysLeft = daysLeftInMonth(firstDay);
    switch (policy) {
      case FULL_PRICE:
        return monthlyFen;
      case FREE:
        return 0;
      case PRO_RATA_BY_DAY:
        return Math.multiplyExact(monthlyFen, daysLeft) / firstDay.lengthOfMonth();
      case HALF_PRICE_UNDER_15_DAYS_LEFT:
        return daysLeft < HALF_PRICE_DAYS_LEFT ? monthlyFen / 2 : monthlyFen;
      default:
        throw new IllegalArgumentException("unknown first-month policy " + policy);
    }
  }

  /** Days from {@code day} to the end of its month, {@code day} included: 1 on the last day. */
  public static int daysLeftInMonth(LocalDate day) {
    return day.lengthOfMonth() - day.getDayOfMonth() + 1;
  }

  /** The first day of the month after {@code day}'s: when a month paid on {@code day} ends. */
  public static LocalDate firstOfNextMonth(LocalDate day) {
    return day.withDayOfMonth(1).plusMonths(1);
  }

  /** The idempotency key of the first charge of order {@code orderId}. */
  public static String orderKey(long orderId) {
    return "order-" + orderId;
  }

  /**
   * The idempotency key of the charge due on {@code due} for subscription {@code id}: {@code
   * renewal-<id>-<yyyy-MM>}, the month paid for. A rerun or a retry after a crash computes the same
   * key, so the billing system moves the money once.
   */
  public static String renewalKey(long subscriptionId, LocalDate due) {
    return "renewal-" + subscriptionId + "-" + YearMonth.from(due);
  }

  /** The idempotency key of the per-use charge caused by MO {@code moId}: one MO, one use. */
  public static String useKey(long moId) {
    return "use-" + moId;
  }

  /** The idempotency key of the refund of the charge {@code chargeKey}. */
  public static String refundKey(String chargeKey) {
    return "refund-" + chargeKey;
  }
}
