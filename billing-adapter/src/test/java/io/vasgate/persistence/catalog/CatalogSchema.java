package io.vasgate.persistence.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Empties the catalog and audit tables of a test schema, so the tests of one class share a schema
 * (migrating a fresh one costs most of a second) and still each start from an empty catalog.
 */
public final class CatalogSchema {

  private CatalogSchema() {}

  public static void reset(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM product_alias");
      s.execute("DELETE FROM reply_template");
      s.execute("DELETE FROM product");
      s.execute("DELETE FROM command_word");
      s.execute("DELETE FROM extension_route");
      s.execute("DELETE FROM service_number");
      s.execute("DELETE FROM partner");
      s.execute("DELETE FROM audit_log");
      s.execute("UPDATE catalog_version SET version = 0 WHERE id = 1");
    }
  }
}
