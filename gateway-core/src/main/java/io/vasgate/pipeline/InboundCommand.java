package io.vasgate.pipeline;

import io.vasgate.message.MoDraft;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A handset's whole message, ready to be understood: one MO, or the parts of a long one put back
 * together.
 *
 * @param moId the MO (for a long message, its last part)
 * @param peerSystemId the MO source it came from; replies go back to that account
 * @param sessionId the session it arrived on
 * @param msisdn the handset
 * @param destination the service number it was sent to, extension included
 * @param text the text, decoded
 * @param receivedAt when (the last part) arrived
 * @param unrecorded the MO itself when it is not recorded yet: it is then recorded with what the
 *     command does, in the same transaction; empty when it was recorded on arrival
 */
public record InboundCommand(
    long moId,
    String peerSystemId,
    long sessionId,
    String msisdn,
    String destination,
    String text,
    Instant receivedAt,
    Optional<MoDraft> unrecorded) {

  public InboundCommand {
    Objects.requireNonNull(peerSystemId, "peerSystemId");
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(unrecorded, "unrecorded");
    if (unrecorded.isPresent() && unrecorded.get().id() != moId) {
      throw new IllegalArgumentException("MO " + unrecorded.get().id() + " is not MO " + moId);
    }
  }
}
