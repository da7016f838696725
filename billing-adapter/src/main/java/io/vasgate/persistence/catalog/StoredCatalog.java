package io.vasgate.persistence.catalog;

import io.vasgate.command.catalog.Catalog;
import java.util.Objects;

/**
 * The catalog as read from the database at one version.
 *
 * @param version the {@code catalog_version} the content was read at; bumped by every change
 * @param content the stored content
 */
public record StoredCatalog(long version, CatalogContent content) {

  public StoredCatalog {
    if (version < 0) {
      throw new IllegalArgumentException("catalog version must not be negative, got " + version);
    }
    Objects.requireNonNull(content, "content");
  }

  /**
   * The command-registry snapshot of the content.
   *
   * @throws IllegalArgumentException if the stored rows conflict (possible only if they were edited
   *     around the repository)
   */
  public Catalog catalog() {
    return content.catalog();
  }
}
