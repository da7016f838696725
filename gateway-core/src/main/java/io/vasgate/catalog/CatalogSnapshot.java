package io.vasgate.catalog;

import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.persistence.catalog.CatalogContent;
import java.util.Objects;

/**
 * One consistent state of the catalog, built once per version so the hot path only reads it.
 *
 * @param version the {@code catalog_version} it was loaded at
 * @param catalog the products and service numbers, indexed for command resolution
 * @param templates the reply templates with this catalog's per-number overrides
 * @param content the stored content it was built from (partners included)
 */
public record CatalogSnapshot(
    long version, Catalog catalog, ReplyTemplates templates, CatalogContent content) {

  public CatalogSnapshot {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(content, "content");
  }
}
