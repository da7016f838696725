package io.vasgate.persistence.catalog;

/** The kinds of entity the catalog is made of, with the name the audit log uses for each. */
public enum CatalogEntity {
  PARTNER("partner"),
  SERVICE_NUMBER("service-number"),
  PRODUCT("product"),
  REPLY_TEMPLATE("reply-template");

  private final String type;

  CatalogEntity(String type) {
    this.type = type;
  }

  /** The entity type in the audit log ({@code service-number}). */
  public String type() {
    return type;
  }
}
