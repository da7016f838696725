package io.vasgate.smpp.session;

import java.util.concurrent.TimeoutException;

/** The peer did not answer one of our requests within the response timeout. */
public final class ResponseTimeoutException extends TimeoutException {

  private static final long serialVersionUID = 1L;

  public ResponseTimeoutException(String message) {
    super(message);
  }
}
