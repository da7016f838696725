package io.vasgate.account;

/** The account store could not be read or written, or holds a row that is no longer valid. */
public class AccountStoreException extends RuntimeException {

  public AccountStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
