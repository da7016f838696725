package io.vasgate.message;

import java.time.Instant;

/**
 * An MO that was recorded and acknowledged but never processed (its gateway stopped in between),
 * claimed for processing now.
 */
public record StaleMo(
    long id,
    String peerSystemId,
    long sessionId,
    String sourceAddr,
    String destAddr,
    String text,
    Instant receivedAt) {}
