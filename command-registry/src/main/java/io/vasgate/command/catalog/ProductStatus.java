package io.vasgate.command.catalog;

/** Whether a product can be ordered. */
public enum ProductStatus {
  /** Orderable. */
  ACTIVE,
  /**
   * Temporarily not orderable; orders get the product's suspended reply. Existing subscribers may
   * unsubscribe.
   */
  SUSPENDED,
  /**
   * Withdrawn for good: offered in no list or suggestion, but still recognised so holders can
   * unsubscribe.
   */
  RETIRED
}
