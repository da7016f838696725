package io.vasgate.pipeline;

import java.time.Instant;
import java.util.Objects;

/**
 * A handset's whole message, durably recorded and ready to be understood: one MO, or the parts of a
 * long one put back together.
 *
 * @param moId the recorded MO (for a long message, its last part)
 * @param peerSystemId the MO source it came from; replies go back to that account
 * @param sessionId the session it arrived on
 * @param msisdn the handset
 * @param destination the service number it was sent to, extension included
 * @param text the text, decoded
 * @param receivedAt when (the last part) arrived
 */
public record InboundCommand(
    long moId,
    String peerSystemId,
    long sessionId,
    String msisdn,
    String destination,
    String text,
    Instant receivedAt) {

  public InboundCommand {
    Objects.requireNonNull(peerSystemId, "peerSystemId");
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
