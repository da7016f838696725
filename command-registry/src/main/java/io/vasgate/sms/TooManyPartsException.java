package io.vasgate.sms;

/**
 * A text that would need more parts than allowed (at most 255: the total is one octet of the UDH).
 */
public final class TooManyPartsException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int partsNeeded;
  private final int maxParts;

  public TooManyPartsException(int partsNeeded, int maxParts) {
    super(
        "text needs " + partsNeeded + " parts, at most " + maxParts + " are allowed",
        null,
        false,
        false);
    this.partsNeeded = partsNeeded;
    this.maxParts = maxParts;
  }

  public int partsNeeded() {
    return partsNeeded;
  }

  public int maxParts() {
    return maxParts;
  }
}
