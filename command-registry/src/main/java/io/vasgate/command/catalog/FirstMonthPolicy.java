package io.vasgate.command.catalog;

/**
 * What a monthly product charges for the month in which it is ordered; operators differ, so it is
 * per product.
 */
public enum FirstMonthPolicy {
  /** The full monthly price. */
  FULL_PRICE,
  /** Nothing: the first charge is at the start of the next month. */
  FREE,
  /** The monthly price in proportion to the days left in the month, the order day included. */
  PRO_RATA_BY_DAY,
  /** Half the monthly price when fewer than 15 days of the month are left, else the full price. */
  HALF_PRICE_UNDER_15_DAYS_LEFT
}
