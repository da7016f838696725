package io.vasgate.persistence.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A catalog change refused because it would make the catalog wrong: it names the field of the
 * change that is at fault (in the names of the admin API) so the caller can say which.
 */
public final class CatalogRejection extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a change was refused. */
  public enum Reason {
    /** A value is malformed or refers to something that does not exist. */
    INVALID,
    /** The entity the change is about does not exist. */
    NOT_FOUND,
    /** The change clashes with what is stored: a duplicate code, a claimed alias or extension. */
    CONFLICT
  }

  private final Reason reason;
  private final String field;

  public CatalogRejection(Reason reason, String field, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.field = field;
  }

  static CatalogRejection invalid(String field, String message) {
    return new CatalogRejection(Reason.INVALID, field, message);
  }

  static CatalogRejection notFound(String message) {
    return new CatalogRejection(Reason.NOT_FOUND, null, message);
  }

  static CatalogRejection conflict(String field, String message) {
    return new CatalogRejection(Reason.CONFLICT, field, message);
  }

  public Reason reason() {
    return reason;
  }

  /** The field at fault ({@code extension}, {@code aliases[1]}, {@code routes[0].target}). */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
