package io.vasgate.message;

/**
 * The outcome of writing an MO.
 *
 * @param id the message_id to answer the peer with: the new one, or for a duplicate the one the
 *     first copy was answered with, so the peer correlates both
 * @param duplicate whether this was a re-send of a message already recorded within the window
 */
public record MoRecorded(long id, boolean duplicate) {}
