package io.vasgate.persistence.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One committed (or about to be committed) change to one entity of the catalog.
 *
 * @param entity the kind of entity
 * @param entityId its id: product code, port, partner code or {@link TemplateOverride#id()}
 * @param action what was done
 * @param before the entity before ({@code Product}, {@code ServiceNumber}, {@link Partner} or
 *     {@link TemplateOverride}); empty for a creation
 * @param after the entity after; empty for a deletion
 * @param version the catalog version the change produced
 */
public record CatalogChange(
    CatalogEntity entity,
    String entityId,
    Action action,
    Optional<Object> before,
    Optional<Object> after,
    long version) {

  /** What a change did. */
  public enum Action {
    CREATE("create"),
    UPDATE("update"),
    RETIRE("retire"),
    DELETE("delete");

    private final String id;

    Action(String id) {
      this.id = id;
    }

    /** The action in the audit log ({@code retire}). */
    public String id() {
      return id;
    }
  }

  public CatalogChange {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (before.isEmpty() && after.isEmpty()) {
      throw new IllegalArgumentException("a change has a before, an after or both");
    }
  }
}
