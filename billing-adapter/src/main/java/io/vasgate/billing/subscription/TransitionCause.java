package io.vasgate.billing.subscription;

import java.util.Objects;

/**
 * What caused a state change: a subscriber's MO, or a job (or staff action) named by the caller.
 */
public sealed interface TransitionCause {

  /** Longest job name stored. */
  int MAX_JOB_NAME = 64;

  /** The subscriber's message {@code moId}. */
  record Mo(long moId) implements TransitionCause {
    public Mo {
      if (moId <= 0) {
        throw new IllegalArgumentException("moId must be positive: " + moId);
      }
    }
  }

  /** A scheduled job or a staff action: {@code renewal}, {@code confirmation-expiry}, ... */
  record Job(String name) implements TransitionCause {
    public Job {
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || name.length() > MAX_JOB_NAME) {
        throw new IllegalArgumentException("job name must be 1.." + MAX_JOB_NAME + " characters");
      }
    }
  }

  /** The cause for a change made by {@code mo}. */
  static TransitionCause of(MoRef mo) {
    return new Mo(mo.moId());
  }

  /** The cause for a change made by the job or staff action {@code name}. */
  static TransitionCause job(String name) {
    return new Job(name);
  }
}
