package io.vasgate.persistence.audit;

/** The audit log could not be read or written. */
public final class AuditStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AuditStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
