package io.vasgate.pipeline;

import io.vasgate.message.PartInfo;
import java.util.Optional;

/**
 * The parts of an MO PDU the pipeline needs, whatever PDU carried it (submit_sm, deliver_sm,
 * data_sm).
 *
 * @param source the handset
 * @param destination the service number with extension
 * @param dataCoding as sent
 * @param octets the whole short_message or message_payload, UDH included, as evidence
 * @param payload the user data after any UDH, to decode or reassemble
 * @param udhOctets how long the UDH was (0 for none)
 * @param part where the message sits, for one part of a long one
 * @param userMessageReference the peer's own reference, when it sent one
 */
record MoMessage(
    String source,
    String destination,
    int dataCoding,
    byte[] octets,
    byte[] payload,
    int udhOctets,
    Optional<PartInfo> part,
    Optional<Integer> userMessageReference) {}
