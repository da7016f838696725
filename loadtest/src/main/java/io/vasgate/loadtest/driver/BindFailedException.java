package io.vasgate.loadtest.driver;

import io.vasgate.smpp.pdu.CommandStatus;

/** The server refused a bind, or did not answer it in time: no load was applied. */
public final class BindFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int commandStatus;

  public BindFailedException(int commandStatus, String message) {
    super(message + " (" + CommandStatus.describe(commandStatus) + ")");
    this.commandStatus = commandStatus;
  }

  public BindFailedException(String message, Throwable cause) {
    super(message, cause);
    this.commandStatus = -1;
  }

  /** The bind_resp command_status, or -1 if there was no bind_resp. */
  public int commandStatus() {
    return commandStatus;
  }
}
