package io.vasgate.smpp.session;

/** The session closed before a request could be sent or answered. */
public final class SessionClosedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SessionClosedException(String message) {
    super(message, null, false, false);
  }
}
