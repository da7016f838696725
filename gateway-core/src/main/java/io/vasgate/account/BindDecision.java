package io.vasgate.account;

import io.vasgate.smpp.pdu.CommandStatus;
import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of a bind attempt: accepted with a bind slot, or rejected with the status to send.
 */
public sealed interface BindDecision permits BindDecision.Accepted, BindDecision.Rejected {

  /**
   * The bind may proceed. The session now owns {@code lease} and must release it when it closes,
   * including when it closed while this decision was being made.
   */
  record Accepted(EsmeAccount account, BindLease lease) implements BindDecision {
    public Accepted {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(lease, "lease");
    }
  }

  /**
   * The bind is refused.
   *
   * @param commandStatus the bind_resp command_status: {@code ESME_RINVSYSID}, {@code
   *     ESME_RINVPASWD} or {@code ESME_RBINDFAIL}, or {@code ESME_RSYSERR} when the account store
   *     could not be read
   * @param reason why, for logs; not meant for the ESME
   * @param delay how long the session waits before answering, to slow down guessing; zero for the
   *     first few failures of a peer
   */
  record Rejected(int commandStatus, String reason, Duration delay) implements BindDecision {

    /** Unknown system_id. */
    public static final int ESME_RINVSYSID = CommandStatus.ESME_RINVSYSID.code();

    /** Wrong password. */
    public static final int ESME_RINVPASWD = CommandStatus.ESME_RINVPASWD.code();

    /**
     * Disabled account, bind type not allowed, peer not allowlisted, or too many concurrent binds.
     */
    public static final int ESME_RBINDFAIL = CommandStatus.ESME_RBINDFAIL.code();

    /** The account store failed; not the ESME's fault, so not counted as a failed attempt. */
    public static final int ESME_RSYSERR = CommandStatus.ESME_RSYSERR.code();

    public Rejected {
      if (commandStatus == 0) {
        throw new IllegalArgumentException("a rejected bind needs a non-zero command_status");
      }
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative but was " + delay);
      }
    }
  }
}
