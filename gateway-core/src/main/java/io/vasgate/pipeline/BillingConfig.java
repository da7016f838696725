package io.vasgate.pipeline;

import io.vasgate.billing.charging.boss.BossConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * Where money moves.
 *
 * @param mode the internal MySQL ledger (the default) or the operator's billing system (BOSS)
 * @param boss the BOSS endpoint and its retry and circuit-breaker settings, when mode is BOSS
 */
public record BillingConfig(Mode mode, Optional<BossConfig> boss) {

  /** Which charging gateway the pipeline uses. */
  public enum Mode {
    LEDGER,
    BOSS
  }

  public BillingConfig {
    Objects.requireNonNull(mode, "billing.mode");
    Objects.requireNonNull(boss, "billing.boss");
    if (mode == Mode.BOSS && boss.isEmpty()) {
      throw new IllegalArgumentException("billing.mode BOSS needs billing.boss.baseUrl");
    }
  }

  public static BillingConfig ledger() {
    return new BillingConfig(Mode.LEDGER, Optional.empty());
  }
}
