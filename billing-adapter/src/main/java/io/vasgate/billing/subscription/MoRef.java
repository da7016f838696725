package io.vasgate.billing.subscription;

import java.time.Instant;
import java.util.Objects;

/**
 * The mobile-originated message that caused a command, as the pipeline stored it before calling the
 * subscription service. Orders and transitions keep {@code moId}; the text and channel go into the
 * consent records (the proof that the subscriber ordered and confirmed).
 *
 * @param moId the MO record's id (no foreign key: the MO table belongs to the pipeline)
 * @param receivedAt when the gateway received it
 * @param text the text as received (before normalisation), for proof of consent
 * @param channel {@code SMS} or {@code USSD}
 */
public record MoRef(long moId, Instant receivedAt, String text, String channel) {

  /** Longest MO text kept in a transition's detail: a concatenated SMS can be long. */
  public static final int MAX_QUOTED_TEXT = 200;

  public MoRef {
    if (moId <= 0) {
      throw new IllegalArgumentException("moId must be positive: " + moId);
    }
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(text, "text");
    if (channel == null || channel.isBlank()) {
      throw new IllegalArgumentException("channel must not be blank");
    }
  }

  /** How a consent record quotes this MO: {@code 'KT TQ' via SMS}. */
  String quoted() {
    String shown =
        text.length() > MAX_QUOTED_TEXT ? text.substring(0, MAX_QUOTED_TEXT) + "…" : text;
    return "'" + shown + "' via " + channel;
  }
}
