package io.vasgate.billing.renewal;

/**
 * What one run of the renewal job did.
 *
 * @param remindersSent reminders handed to the notifier
 * @param renewed active subscriptions charged for a new month
 * @param trialsConverted trials that ended and became active (charged, or a free first month)
 * @param chargedFen the sum charged
 * @param cancelledForNonPayment subscriptions cancelled because their charge failed for good
 * @param cancelledProductGone subscriptions cancelled because their product was retired or removed
 * @param unknown charges whose outcome is unknown (temporary failure): the next run resends them
 * @param skipped due subscriptions left alone (product suspended, or another node is charging)
 * @param refunded charges that succeeded for a subscription cancelled meanwhile, refunded
 */
public record RenewalReport(
    int remindersSent,
    int renewed,
    int trialsConverted,
    long chargedFen,
    int cancelledForNonPayment,
    int cancelledProductGone,
    int unknown,
    int skipped,
    int refunded) {}
