package io.vasgate.sms;

import java.util.Optional;

/** What {@link Reassembler} did with one part. */
public sealed interface ReassemblyResult {

  /** The completed message, if this part was the last one missing. */
  default Optional<ReassembledMessage> completed() {
    return Optional.empty();
  }

  /** Stored; the group still misses parts. */
  record Pending(PartGroupKey key, int received) implements ReassemblyResult {}

  /** That sequence of that group was already held; the part was ignored (the first copy wins). */
  record Duplicate(PartGroupKey key, int sequence) implements ReassemblyResult {}

  /** The part completed its group. */
  record Completed(ReassembledMessage message) implements ReassemblyResult {
    @Override
    public Optional<ReassembledMessage> completed() {
      return Optional.of(message);
    }
  }

  /** Refused, nothing stored. */
  record Rejected(Rejection rejection, String detail) implements ReassemblyResult {}

  /** Why a part was refused. */
  enum Rejection {
    /**
     * Reference, total or sequence out of range (sequence 0 or past total, total 0 or over 255).
     */
    INVALID_PART,
    /** Total above the configured parts per group. */
    TOO_MANY_PARTS,
    /** Payload above the configured octets per part. */
    PART_TOO_LARGE,
    /** The part would open a group while the configured number of groups is pending. */
    PENDING_GROUPS_FULL
  }
}
