package io.vasgate.loadtest.mo;

/**
 * One MO on its way: sent as submit_sm, waiting for its submit_sm_resp and for every part of the
 * reply deliver_sm. Confined to the driver's event loop.
 */
final class PendingCommand {

  /** How a command ended. */
  enum Outcome {
    /** The whole reply arrived and said what the step expects. */
    ANSWERED,
    /** The whole reply arrived but said something else. */
    UNEXPECTED,
    /** submit_sm was refused (non-zero status or generic_nack): the gateway did not take the MO. */
    REFUSED,
    /** No whole reply within the reply timeout. */
    MISSING
  }

  private final Handset handset;
  private final CommandMix.Step step;
  private final MoLoadConnection connection;
  private final int sequenceNumber;
  private final long startNanos;
  private final boolean measured;
  private boolean submitAnswered;
  private String[] parts;
  private int partsReceived;
  private int partsReference = -1;
  private Outcome outcome;

  /**
   * @param startNanos when the command counts as sent: the scheduled time in an open-loop run (so
   *     that a driver falling behind shows in the latencies), the actual send in a closed loop
   * @param measured whether it was sent in the measured period and its latencies count
   */
  PendingCommand(
      Handset handset,
      CommandMix.Step step,
      MoLoadConnection connection,
      int sequenceNumber,
      long startNanos,
      boolean measured) {
    this.handset = handset;
    this.step = step;
    this.connection = connection;
    this.sequenceNumber = sequenceNumber;
    this.startNanos = startNanos;
    this.measured = measured;
  }

  Handset handset() {
    return handset;
  }

  CommandMix.Step step() {
    return step;
  }

  MoLoadConnection connection() {
    return connection;
  }

  int sequenceNumber() {
    return sequenceNumber;
  }

  long startNanos() {
    return startNanos;
  }

  boolean measured() {
    return measured;
  }

  boolean submitAnswered() {
    return submitAnswered;
  }

  void submitAnswered(boolean answered) {
    this.submitAnswered = answered;
  }

  /** Null while the command is still going. */
  Outcome outcome() {
    return outcome;
  }

  boolean isDone() {
    return outcome != null;
  }

  void finish(Outcome outcome) {
    if (this.outcome != null) {
      throw new IllegalStateException("command already ended as " + this.outcome);
    }
    this.outcome = outcome;
  }

  /**
   * Adds one part of the reply.
   *
   * @param reference the concatenation reference, -1 for a single-part reply
   * @param total parts the reply has (1 for a single-part reply)
   * @param sequence this part's number, 1-based
   * @return the whole text once every part is in, else null
   * @throws IllegalArgumentException if the part does not fit the parts already received: a
   *     different reference or total, a sequence out of range, or one received twice
   */
  String addPart(int reference, int total, int sequence, String text) {
    if (total < 1 || sequence < 1 || sequence > total) {
      throw new IllegalArgumentException("part " + sequence + " of " + total);
    }
    if (parts == null) {
      parts = new String[total];
      partsReference = reference;
    } else if (parts.length != total || partsReference != reference) {
      throw new IllegalArgumentException(
          "part "
              + sequence
              + "/"
              + total
              + " ref "
              + reference
              + " does not belong to a reply of "
              + parts.length
              + " parts with ref "
              + partsReference);
    }
    if (parts[sequence - 1] != null) {
      throw new IllegalArgumentException("part " + sequence + " of " + total + " received twice");
    }
    parts[sequence - 1] = text;
    partsReceived++;
    if (partsReceived < total) {
      return null;
    }
    return total == 1 ? parts[0] : String.join("", parts);
  }

  /** Parts of the reply received so far. */
  int partsReceived() {
    return partsReceived;
  }
}
