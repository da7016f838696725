package io.vasgate.message;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A handset message as it arrived, before it is written.
 *
 * @param id our message_id for it (the peer is answered with this)
 * @param peerSystemId the MO source that sent it
 * @param sessionId the SMPP session it came on
 * @param sourceAddr the handset
 * @param destAddr the service number with extension
 * @param dataCoding as received
 * @param shortMessage the octets as received (the payload of data_sm or message_payload too)
 * @param text the decoded text; empty for binary content
 * @param part where this part sits, for one part of a long message
 * @param dedupKey 32 bytes identifying the same message re-sent by the peer
 * @param receivedAt when it arrived
 */
public record MoDraft(
    long id,
    String peerSystemId,
    long sessionId,
    String sourceAddr,
    String destAddr,
    int dataCoding,
    byte[] shortMessage,
    Optional<String> text,
    Optional<PartInfo> part,
    byte[] dedupKey,
    Instant receivedAt) {

  public MoDraft {
    Objects.requireNonNull(peerSystemId, "peerSystemId");
    Objects.requireNonNull(sourceAddr, "sourceAddr");
    Objects.requireNonNull(destAddr, "destAddr");
    shortMessage = shortMessage.clone();
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(part, "part");
    if (dedupKey.length != 32) {
      throw new IllegalArgumentException("dedupKey must be 32 bytes");
    }
    dedupKey = dedupKey.clone();
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  @Override
  public byte[] shortMessage() {
    return shortMessage.clone();
  }

  @Override
  public byte[] dedupKey() {
    return dedupKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MoDraft d
        && id == d.id
        && peerSystemId.equals(d.peerSystemId)
        && sessionId == d.sessionId
        && sourceAddr.equals(d.sourceAddr)
        && destAddr.equals(d.destAddr)
        && dataCoding == d.dataCoding
        && Arrays.equals(shortMessage, d.shortMessage)
        && text.equals(d.text)
        && part.equals(d.part)
        && Arrays.equals(dedupKey, d.dedupKey)
        && receivedAt.equals(d.receivedAt);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "MoDraft[id="
        + id
        + ", from="
        + sourceAddr
        + ", to="
        + destAddr
        + ", part="
        + part
        + "]";
  }
}
