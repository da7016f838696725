package io.vasgate.message;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of a message sent to a handset, as the journal holds it, with the peer's answer.
 *
 * @param id our message_id for this part
 * @param moId the MO it answers, if any
 * @param peerSystemId the account it went out on
 * @param sourceAddr the service number with extension
 * @param destAddr the handset
 * @param text the whole message's text (every part carries it)
 * @param partSeq this part's number, from 1
 * @param partTotal how many parts the message has
 * @param dataCoding the coding used
 * @param createdAt when it was sent
 * @param state {@code SENT} until the peer answers, then {@code ACKED} or {@code FAILED}
 * @param respStatus the peer's deliver_sm_resp command_status; -1 when the send failed without an
 *     answer; empty while unanswered
 * @param updatedAt when the answer was recorded
 */
public record MtRecord(
    long id,
    Optional<Long> moId,
    String peerSystemId,
    String sourceAddr,
    String destAddr,
    String text,
    int partSeq,
    int partTotal,
    int dataCoding,
    Instant createdAt,
    String state,
    Optional<Integer> respStatus,
    Optional<Instant> updatedAt) {

  public MtRecord {
    Objects.requireNonNull(moId, "moId");
    Objects.requireNonNull(peerSystemId, "peerSystemId");
    Objects.requireNonNull(sourceAddr, "sourceAddr");
    Objects.requireNonNull(destAddr, "destAddr");
    Objects.requireNonNull(text, "text");
    if (partTotal < 1 || partSeq < 1 || partSeq > partTotal) {
      throw new IllegalArgumentException("part " + partSeq + " of " + partTotal + " is impossible");
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(respStatus, "respStatus");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  @Override
  public String toString() {
    return "MtRecord[id=" + id + ", part " + partSeq + "/" + partTotal + ", state=" + state + "]";
  }
}
