package io.vasgate.admin.evidence;

import java.util.Objects;

/**
 * What the call detail record of a refund does not hold: why it was made and by whom.
 *
 * @param reason the staff's words, or the cause of an automatic refund
 * @param requestedBy the staff user, or the service that refunded automatically
 */
record RefundNote(String reason, String requestedBy) {

  RefundNote {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(requestedBy, "requestedBy");
  }
}
