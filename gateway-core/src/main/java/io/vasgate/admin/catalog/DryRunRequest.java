package io.vasgate.admin.catalog;

/**
 * What to dry-run: an MO text as a handset sends it, to a destination number.
 *
 * @param text the MO text
 * @param destination the full destination, port and extension ({@code 1065888002})
 */
public record DryRunRequest(String text, String destination) {}
