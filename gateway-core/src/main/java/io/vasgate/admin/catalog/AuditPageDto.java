package io.vasgate.admin.catalog;

import java.util.List;

/**
 * A page of audit entries, newest first.
 *
 * @param entries the entries
 * @param nextBefore pass as {@code before} to read the next page; null on the last
 */
public record AuditPageDto(List<AuditEntryDto> entries, Long nextBefore) {}
