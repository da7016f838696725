package io.vasgate.billing.charging.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts of every number of a group-commit batch, read and locked in one statement the first
 * time a charge or refund of the batch needs one, instead of one round trip per charge.
 *
 * <p>True for the rest of the batch because the rows stay locked until it ends and the ledger's
 * balance moves inside it pass through {@link #moved}. A number without an account row is held as
 * empty (postpaid), and nothing locks a row that does not exist (READ COMMITTED): an account opened
 * or barred for such a number while the batch runs is seen by the next batch, not by this one. A
 * per-charge read had the same race over a shorter window; account writes that must be seen at once
 * would have to take the number's lock ({@code subscription_number_lock}) as commands do.
 */
final class BatchAccounts {

  private final Map<String, Optional<SubscriberAccount>> byNumber;

  BatchAccounts(Set<String> numbers, Iterable<SubscriberAccount> found) {
    byNumber = new HashMap<>(numbers.size() * 2);
    for (String number : numbers) {
      byNumber.put(number, Optional.empty());
    }
    for (SubscriberAccount account : found) {
      if (!byNumber.containsKey(account.msisdn())) {
        throw new IllegalArgumentException(account.msisdn() + " is not a number of the batch");
      }
      byNumber.put(account.msisdn(), Optional.of(account));
    }
  }

  Optional<SubscriberAccount> of(String msisdn) {
    Optional<SubscriberAccount> account = byNumber.get(msisdn);
    if (account == null) {
      throw new IllegalArgumentException(msisdn + " is not a number of the batch");
    }
    return account;
  }

  /** Takes a move of {@code deltaFen} on the balance of {@code msisdn} as made. */
  void moved(String msisdn, long deltaFen) {
    Optional<SubscriberAccount> account = byNumber.get(msisdn);
    if (account != null && account.isPresent()) {
      SubscriberAccount a = account.get();
      byNumber.put(
          msisdn,
          Optional.of(
              new SubscriberAccount(
                  a.msisdn(), a.prepaid(), a.balanceFen() + deltaFen, a.barred())));
    }
  }
}
