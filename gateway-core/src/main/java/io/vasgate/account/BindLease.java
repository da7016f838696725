package io.vasgate.account;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One live bind counted against its account's {@code maxBinds}. The session that holds it releases
 * it when it closes, however it closes; releasing twice is harmless.
 */
public final class BindLease {

  private final String systemId;
  private final BindRegistry registry;
  private final AtomicBoolean released = new AtomicBoolean();

  BindLease(String systemId, BindRegistry registry) {
    this.systemId = systemId;
    this.registry = registry;
  }

  public String systemId() {
    return systemId;
  }

  /**
   * Frees this bind's slot.
   *
   * @return true if this call released it, false if it was already released
   */
  public boolean release() {
    if (!released.compareAndSet(false, true)) {
      return false;
    }
    registry.release(systemId);
    return true;
  }

  public boolean isReleased() {
    return released.get();
  }

  @Override
  public String toString() {
    return "BindLease[" + systemId + (released.get() ? ", released]" : "]");
  }
}
