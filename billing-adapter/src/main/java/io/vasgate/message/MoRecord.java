package io.vasgate.message;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A handset message as the journal holds it: what arrived, and what became of it.
 *
 * @param id our message_id, the one the peer was answered with
 * @param peerSystemId the MO source that sent it
 * @param sessionId the SMPP session it came on
 * @param sourceAddr the handset
 * @param destAddr the service number with extension
 * @param dataCoding as received
 * @param shortMessage the octets exactly as received
 * @param text the decoded text; empty for binary content
 * @param part where this part sits, for one part of a long message
 * @param receivedAt when it arrived
 * @param status {@code RECEIVED}, {@code PROCESSED}, {@code FAILED} or {@code DUPLICATE_PART}
 * @param command the command it was understood as, once processed
 * @param productCode the product it named, once processed
 * @param processedAt when it was processed
 */
public record MoRecord(
    long id,
    String peerSystemId,
    long sessionId,
    String sourceAddr,
    String destAddr,
    int dataCoding,
    byte[] shortMessage,
    Optional<String> text,
    Optional<PartInfo> part,
    Instant receivedAt,
    String status,
    Optional<String> command,
    Optional<String> productCode,
    Optional<Instant> processedAt) {

  public MoRecord {
    Objects.requireNonNull(peerSystemId, "peerSystemId");
    Objects.requireNonNull(sourceAddr, "sourceAddr");
    Objects.requireNonNull(destAddr, "destAddr");
    shortMessage = shortMessage.clone();
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(productCode, "productCode");
    Objects.requireNonNull(processedAt, "processedAt");
  }

  @Override
  public byte[] shortMessage() {
    return shortMessage.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MoRecord r
        && id == r.id
        && peerSystemId.equals(r.peerSystemId)
        && sessionId == r.sessionId
        && sourceAddr.equals(r.sourceAddr)
        && destAddr.equals(r.destAddr)
        && dataCoding == r.dataCoding
        && Arrays.equals(shortMessage, r.shortMessage)
        && text.equals(r.text)
        && part.equals(r.part)
        && receivedAt.equals(r.receivedAt)
        && status.equals(r.status)
        && command.equals(r.command)
        && productCode.equals(r.productCode)
        && processedAt.equals(r.processedAt);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    // No number and no text: records end up in logs, and both are the subscriber's.
    return "MoRecord[id=" + id + ", to=" + destAddr + ", status=" + status + "]";
  }
}
