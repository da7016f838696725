package io.vasgate.billing.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One order of a monthly (or free) product by one number, and the subscription it becomes.
 *
 * <p>Dates ({@code trialEnd}, {@code nextChargeDate}) are calendar days in the billing zone of
 * {@link SubscriptionConfig}; instants are UTC.
 *
 * @param id the order id; the first charge's idempotency key is {@code order-<id>}
 * @param msisdn the subscriber's number
 * @param productCode the product
 * @param servicePort the main port of the service number the product is offered on; a CONFIRM is
 *     matched to orders of the same number on the same port
 * @param state where it is in its life
 * @param priceFen the monthly price disclosed when it was ordered: renewals charge this, not a
 *     later catalog price the subscriber never agreed to; 0 for a free product
 * @param createdAt when it was ordered
 * @param confirmDeadline while a confirmation is awaited or was awaited: the first instant at which
 *     a confirmation is no longer accepted
 * @param activatedAt when service began (trial or paid)
 * @param trialEnd for a trial product: the first day not covered by the trial, the day of the first
 *     charge
 * @param nextChargeDate the next day a charge is due, while one will be; empty for free products
 *     and once cancelled
 * @param cancelledAt when it was cancelled, declined or expired
 * @param orderMoId the MO that ordered it; empty when created otherwise (an admin action)
 */
public record Subscription(
    long id,
    String msisdn,
    String productCode,
    String servicePort,
    SubscriptionState state,
    long priceFen,
    Instant createdAt,
    Optional<Instant> confirmDeadline,
    Optional<Instant> activatedAt,
    Optional<LocalDate> trialEnd,
    Optional<LocalDate> nextChargeDate,
    Optional<Instant> cancelledAt,
    Optional<Long> orderMoId) {

  /**
   * Longest number accepted: an SMPP 3.4 source_addr is at most 21 octets including its terminating
   * NUL.
   */
  public static final int MAX_MSISDN_LENGTH = 20;

  private static final Pattern MSISDN = Pattern.compile("\\+?[0-9]{3,20}");

  public Subscription {
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive: " + id);
    }
    requireMsisdn(msisdn);
    Objects.requireNonNull(productCode, "productCode");
    Objects.requireNonNull(servicePort, "servicePort");
    Objects.requireNonNull(state, "state");
    if (priceFen < 0) {
      throw new IllegalArgumentException("priceFen must not be negative: " + priceFen);
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(confirmDeadline, "confirmDeadline");
    Objects.requireNonNull(activatedAt, "activatedAt");
    Objects.requireNonNull(trialEnd, "trialEnd");
    Objects.requireNonNull(nextChargeDate, "nextChargeDate");
    Objects.requireNonNull(cancelledAt, "cancelledAt");
    Objects.requireNonNull(orderMoId, "orderMoId");
  }

  /**
   * Checks that {@code msisdn} looks like a phone number.
   *
   * @throws IllegalArgumentException if it is not 3 to {@value #MAX_MSISDN_LENGTH} digits, with an
   *     optional leading {@code +}
   */
  public static String requireMsisdn(String msisdn) {
    if (msisdn == null
        || msisdn.length() > MAX_MSISDN_LENGTH
        || !MSISDN.matcher(msisdn).matches()) {
      throw new IllegalArgumentException("not a phone number: '" + msisdn + "'");
    }
    return msisdn;
  }

  /** A copy in {@code next} state. */
  public Subscription withState(SubscriptionState next) {
    return new Subscription(
        id,
        msisdn,
        productCode,
        servicePort,
        next,
        priceFen,
        createdAt,
        confirmDeadline,
        activatedAt,
        trialEnd,
        nextChargeDate,
        cancelledAt,
        orderMoId);
  }

  /** A copy activated (trial or paid) at {@code at}, with these charge dates. */
  public Subscription activated(
      SubscriptionState next,
      Instant at,
      Optional<LocalDate> trial,
      Optional<LocalDate> nextCharge) {
    return new Subscription(
        id,
        msisdn,
        productCode,
        servicePort,
        next,
        priceFen,
        createdAt,
        confirmDeadline,
        Optional.of(at),
        trial,
        nextCharge,
        cancelledAt,
        orderMoId);
  }

  /** A copy ended ({@code CANCELLED}, {@code DECLINED}, ...) at {@code at}: nothing more is due. */
  public Subscription ended(SubscriptionState terminal, Instant at) {
    return new Subscription(
        id,
        msisdn,
        productCode,
        servicePort,
        terminal,
        priceFen,
        createdAt,
        confirmDeadline,
        activatedAt,
        trialEnd,
        Optional.empty(),
        Optional.of(at),
        orderMoId);
  }

  /** A copy with the next charge on {@code date}. */
  public Subscription withNextChargeDate(Optional<LocalDate> date) {
    return new Subscription(
        id,
        msisdn,
        productCode,
        servicePort,
        state,
        priceFen,
        createdAt,
        confirmDeadline,
        activatedAt,
        trialEnd,
        date,
        cancelledAt,
        orderMoId);
  }
}
