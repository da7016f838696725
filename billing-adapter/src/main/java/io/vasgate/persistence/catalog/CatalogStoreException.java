package io.vasgate.persistence.catalog;

/** The catalog tables could not be read or written, or hold rows that make no catalog. */
public final class CatalogStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CatalogStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
