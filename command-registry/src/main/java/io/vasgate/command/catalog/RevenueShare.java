package io.vasgate.command.catalog;

/**
 * How a product's revenue is split between operator and partner, in tenths as operators write it:
 * 5:5, 6:4, 3:7. Tenths rather than percentages because every published split is in tenths and a
 * sum of 10 is easy to check.
 *
 * @param operatorParts the operator's tenths
 * @param partnerParts the partner's tenths
 */
public record RevenueShare(int operatorParts, int partnerParts) {

  /** The parts of a share add up to this. */
  public static final int TOTAL_PARTS = 10;

  /**
   * @throws IllegalArgumentException if a part is negative or the parts do not sum to {@value
   *     #TOTAL_PARTS}
   */
  public RevenueShare {
    if (operatorParts < 0 || partnerParts < 0 || operatorParts + partnerParts != TOTAL_PARTS) {
      throw new IllegalArgumentException(
          "revenue share parts must be non-negative and sum to "
              + TOTAL_PARTS
              + ", got "
              + operatorParts
              + ":"
              + partnerParts);
    }
  }

  /** The share {@code operator:partner}. */
  public static RevenueShare of(int operatorParts, int partnerParts) {
    return new RevenueShare(operatorParts, partnerParts);
  }

  /**
   * The partner's part of {@code fen}, rounded down: the operator collects the money and keeps the
   * odd fen, so partner plus operator is always the whole amount.
   *
   * @throws IllegalArgumentException if {@code fen} is negative
   */
  public long partnerFen(long fen) {
    if (fen < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + fen);
    }
    return Math.multiplyExact(fen, partnerParts) / TOTAL_PARTS;
  }

  /** The operator's part of {@code fen}: the rest after {@link #partnerFen}. */
  public long operatorFen(long fen) {
    return fen - partnerFen(fen);
  }

  @Override
  public String toString() {
    return operatorParts + ":" + partnerParts;
  }
}
