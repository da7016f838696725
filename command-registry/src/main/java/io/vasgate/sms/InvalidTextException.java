package io.vasgate.sms;

/**
 * Short message octets that cannot be read as text. Checked, so a codec or session must decide how
 * to answer; the reason says which SMPP status fits.
 */
public final class InvalidTextException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Why the octets are not text, with the SMPP command_status a submit_sm would be answered with.
   */
  public enum Reason {
    /** UCS2 needs two octets per unit; the length itself is wrong, so ESME_RINVMSGLEN. */
    ODD_UCS2_LENGTH(0x01),
    /** Not a data coding we decode (or GBK on a link that does not enable it): ESME_RSUBMITFAIL. */
    UNSUPPORTED_DATA_CODING(0x45),
    /** A binary (8-bit data) coding: the octets are not text. ESME_RSUBMITFAIL. */
    BINARY_CONTENT(0x45);

    private final int commandStatus;

    Reason(int commandStatus) {
      this.commandStatus = commandStatus;
    }

    /**
     * SMPP command_status for a submit_sm carrying such a message (deliver_sm handlers may choose
     * their own).
     */
    public int commandStatus() {
      return commandStatus;
    }

    /** Whether the fault is the message length, i.e. the answer is ESME_RINVMSGLEN. */
    public boolean isLengthError() {
      return this == ODD_UCS2_LENGTH;
    }
  }

  private final Reason reason;
  private final int dataCoding;

  public InvalidTextException(Reason reason, int dataCoding, String message) {
    super(message, null, false, false);
    if (reason == null) {
      throw new IllegalArgumentException("reason must not be null");
    }
    this.reason = reason;
    this.dataCoding = dataCoding;
  }

  public Reason reason() {
    return reason;
  }

  /** The data_coding value that was being decoded. */
  public int dataCoding() {
    return dataCoding;
  }

  /** Shortcut for {@code reason().commandStatus()}. */
  public int commandStatus() {
    return reason.commandStatus();
  }
}
