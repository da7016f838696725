package io.vasgate.sms;

/**
 * A user data header that does not parse. Checked, so the codec or session decides how to answer.
 */
public final class InvalidUdhException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What is wrong, with the SMPP command_status a submit_sm carrying it would be answered with. */
  public enum Reason {
    /** esm_class says UDH but short_message is empty: ESME_RINVESMCLASS. */
    MISSING_HEADER(0x43),
    /** UDHL points past the end of short_message: ESME_RINVMSGLEN. */
    HEADER_PAST_END(0x01),
    /** An information element (its header or its data) runs past UDHL: ESME_RINVMSGLEN. */
    ELEMENT_PAST_HEADER(0x01),
    /**
     * A concatenation or port element whose length is not the one the spec fixes: ESME_RINVMSGLEN.
     */
    BAD_ELEMENT_LENGTH(0x01),
    /** Concatenation with total 0: ESME_RSUBMITFAIL. */
    TOTAL_ZERO(0x45),
    /** Concatenation with sequence 0: ESME_RSUBMITFAIL. */
    SEQUENCE_ZERO(0x45),
    /** Concatenation with sequence greater than total: ESME_RSUBMITFAIL. */
    SEQUENCE_PAST_TOTAL(0x45);

    private final int commandStatus;

    Reason(int commandStatus) {
      this.commandStatus = commandStatus;
    }

    public int commandStatus() {
      return commandStatus;
    }
  }

  private final Reason reason;

  public InvalidUdhException(Reason reason, String message) {
    super(message, null, false, false);
    if (reason == null) {
      throw new IllegalArgumentException("reason must not be null");
    }
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public int commandStatus() {
    return reason.commandStatus();
  }
}
