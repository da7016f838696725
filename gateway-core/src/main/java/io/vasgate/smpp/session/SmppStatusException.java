package io.vasgate.smpp.session;

import io.vasgate.smpp.pdu.CommandStatus;

/**
 * How business code says "answer this request with that command_status": the session turns it into
 * the matching negative response, so no handler builds PDUs for its failures.
 */
public final class SmppStatusException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int commandStatus;

  public SmppStatusException(int commandStatus, String message) {
    super(message, null, false, false);
    if (commandStatus == 0) {
      throw new IllegalArgumentException("a failure needs a non-zero command_status");
    }
    this.commandStatus = commandStatus;
  }

  public SmppStatusException(CommandStatus status, String message) {
    this(status.code(), message);
  }

  public int commandStatus() {
    return commandStatus;
  }
}
