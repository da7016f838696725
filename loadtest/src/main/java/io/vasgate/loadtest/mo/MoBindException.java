package io.vasgate.loadtest.mo;

/** A session of the MO load could not connect or bind; the run did not start. */
public final class MoBindException extends RuntimeException {

  public MoBindException(String message) {
    super(message);
  }

  public MoBindException(String message, Throwable cause) {
    super(message, cause);
  }
}
