package io.vasgate.smpp.codec;

/**
 * Unwinds a body decoder to the point that turns it into an {@link InvalidPdu}. Never leaves this
 * package, so it carries no stack trace: hostile peers can make it frequent.
 */
final class MalformedPduException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int commandStatus;

  MalformedPduException(int commandStatus, String reason) {
    super(reason, null, false, false);
    this.commandStatus = commandStatus;
  }

  int commandStatus() {
    return commandStatus;
  }
}
