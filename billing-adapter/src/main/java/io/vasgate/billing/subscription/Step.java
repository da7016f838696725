package io.vasgate.billing.subscription;

import io.vasgate.billing.charging.ChargeResult;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command's first transaction decided: the answer, or a charge to send (after that
 * transaction committed, never inside it) and how to record its result.
 */
sealed interface Step<T> {

  /** The command is answered; nothing to send. */
  record Done<T>(T outcome) implements Step<T> {
    public Done {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /**
   * Send {@code charge} (claimed by this process), then record the answer with {@code settle}.
   *
   * @param recorded the answer already recorded for it, if its outcome was final when claimed: then
   *     nothing is sent and {@code settle} applies that answer
   */
  record Send<T>(OrderCharge charge, Optional<ChargeResult> recorded, Settle<T> settle)
      implements Step<T> {
    public Send {
      Objects.requireNonNull(charge, "charge");
      Objects.requireNonNull(recorded, "recorded");
      Objects.requireNonNull(settle, "settle");
    }
  }

  /** Records the billing system's answer in a transaction of its own. */
  @FunctionalInterface
  interface Settle<T> {
    Settled<T> apply(ChargeResult result);
  }

  /**
   * The answer, and a successful charge to refund at once (claimed for refund by the settling
   * transaction) when the order was cancelled while its charge was in flight.
   */
  record Settled<T>(T outcome, Optional<OrderCharge> refund) {
    public Settled {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(refund, "refund");
    }

    static <T> Settled<T> of(T outcome) {
      return new Settled<>(outcome, Optional.empty());
    }
  }
}
