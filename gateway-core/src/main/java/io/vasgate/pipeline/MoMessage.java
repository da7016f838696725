package io.vasgate.pipeline;

import io.vasgate.message.PartInfo;
import io.vasgate.server.MessageContent;
import java.util.Optional;

/**
 * The parts of an MO PDU the pipeline needs, whatever PDU carried it (submit_sm, deliver_sm,
 * data_sm).
 *
 * @param source the handset
 * @param destination the service number with extension
 * @param content the user data, as sent and after its UDH
 * @param part where the message sits, for one part of a long one (from the UDH or SAR TLVs)
 * @param userMessageReference the peer's own reference, when it sent one
 */
record MoMessage(
    String source,
    String destination,
    MessageContent content,
    Optional<PartInfo> part,
    Optional<Integer> userMessageReference) {}
