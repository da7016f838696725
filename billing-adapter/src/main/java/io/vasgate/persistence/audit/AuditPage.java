package io.vasgate.persistence.audit;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One page of audit entries, newest first.
 *
 * @param entries the entries
 * @param nextBeforeId the cursor of the next page ({@link AuditQuery#before}); empty on the last
 */
public record AuditPage(List<AuditEntry> entries, OptionalLong nextBeforeId) {

  public AuditPage {
    entries = List.copyOf(entries);
    Objects.requireNonNull(nextBeforeId, "nextBeforeId");
  }
}
