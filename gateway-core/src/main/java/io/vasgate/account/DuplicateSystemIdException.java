package io.vasgate.account;

/** An account was inserted under a system_id that another account already has. */
public final class DuplicateSystemIdException extends AccountStoreException {

  private final String systemId;

  public DuplicateSystemIdException(String systemId, Throwable cause) {
    super("esme_account - system_id '" + systemId + "' already exists", cause);
    this.systemId = systemId;
  }

  public String systemId() {
    return systemId;
  }
}
