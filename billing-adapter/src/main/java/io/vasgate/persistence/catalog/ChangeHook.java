package io.vasgate.persistence.catalog;

import java.sql.Connection;

/**
 * Work that must commit or roll back together with a catalog change, such as its audit entry: run
 * on the change's connection after the change is written, before it commits. Throwing rolls the
 * change back.
 */
@FunctionalInterface
public interface ChangeHook {

  /** Does nothing. */
  ChangeHook NONE = (connection, change) -> {};

  void inTransaction(Connection connection, CatalogChange change);
}
