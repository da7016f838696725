package io.vasgate.command.catalog;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether an order waits for a second confirmation (no charge until the user replies the confirming
 * word) and how long the reply is awaited.
 *
 * @param required true if an order must be confirmed
 * @param window how long a confirmation is accepted; {@link Duration#ZERO} when none is required
 */
public record ConfirmationPolicy(boolean required, Duration window) {

  /**
   * Longest confirmation window accepted: operators use 24 hours, some 48; a week is certainly a
   * mistake.
   */
  public static final Duration MAX_WINDOW = Duration.ofDays(7);

  /** Orders take effect at once. */
  public static final ConfirmationPolicy NONE = new ConfirmationPolicy(false, Duration.ZERO);

  /**
   * @throws IllegalArgumentException if a required window is not positive whole seconds up to
   *     {@link #MAX_WINDOW}, or a window is given without requiring confirmation
   */
  public ConfirmationPolicy {
    Objects.requireNonNull(window, "window");
    if (required) {
      if (window.isNegative()
          || window.isZero()
          || window.compareTo(MAX_WINDOW) > 0
          || window.getNano() != 0) {
        throw new IllegalArgumentException(
            "a confirmation window must be whole seconds in (0, "
                + MAX_WINDOW
                + "], got "
                + window);
      }
    } else if (!window.isZero()) {
      throw new IllegalArgumentException(
          "a confirmation window (" + window + ") needs required = true");
    }
  }

  /** Orders wait up to {@code window} for the confirming word. */
  public static ConfirmationPolicy within(Duration window) {
    return new ConfirmationPolicy(true, window);
  }
}
