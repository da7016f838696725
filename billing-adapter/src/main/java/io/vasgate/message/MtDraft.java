package io.vasgate.message;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of a message we send to a handset, written when it is sent.
 *
 * @param id our message_id for this part
 * @param moId the MO it answers, if any
 * @param peerSystemId the session's account it went out on
 * @param sourceAddr the service number with extension
 * @param destAddr the handset
 * @param text the whole message's text
 * @param partSeq this part's number, from 1
 * @param partTotal how many parts
 * @param dataCoding the coding used
 * @param createdAt when it was sent
 */
public record MtDraft(
    long id,
    Optional<Long> moId,
    String peerSystemId,
    String sourceAddr,
    String destAddr,
    String text,
    int partSeq,
    int partTotal,
    int dataCoding,
    Instant createdAt) {

  public MtDraft {
    Objects.requireNonNull(moId, "moId");
    Objects.requireNonNull(peerSystemId, "peerSystemId");
    Objects.requireNonNull(sourceAddr, "sourceAddr");
    Objects.requireNonNull(destAddr, "destAddr");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
    if (partTotal < 1 || partSeq < 1 || partSeq > partTotal) {
      throw new IllegalArgumentException("part " + partSeq + " of " + partTotal + " is impossible");
    }
  }
}
