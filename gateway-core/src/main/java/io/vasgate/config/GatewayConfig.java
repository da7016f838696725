package io.vasgate.config;

import io.vasgate.account.AccountSpec;
import io.vasgate.catalog.CatalogConfig;
import io.vasgate.persistence.DatabaseConfig;
import io.vasgate.pipeline.BillingConfig;
import io.vasgate.pipeline.PipelineConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the gateway reads at start, validated once; a contradiction stops start-up with a
 * message that names the key.
 *
 * @param nodeId this process's number among gateways sharing one database (0..1023); it keeps
 *     message ids unique across nodes
 * @param smpp the SMPP listener
 * @param admin the HTTP operations port
 * @param database where the data lives
 * @param shutdownGracePeriod how long SIGTERM waits for in-flight work before closing
 * @param accounts the ESME accounts seeded into the database on first start
 * @param catalog where the product catalog is seeded from and how often it is refreshed
 * @param pipeline how handset commands are taken in and answered
 * @param billing where money moves
 */
public record GatewayConfig(
    int nodeId,
    SmppServerConfig smpp,
    AdminConfig admin,
    DatabaseConfig database,
    Duration shutdownGracePeriod,
    List<AccountSpec> accounts,
    CatalogConfig catalog,
    PipelineConfig pipeline,
    BillingConfig billing) {

  public GatewayConfig {
    Objects.requireNonNull(smpp, "smpp");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(shutdownGracePeriod, "shutdown.gracePeriod");
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(billing, "billing");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < accounts.size(); i++) {
      if (!ids.add(accounts.get(i).systemId())) {
        throw new ConfigException(
            "accounts[" + i + "].systemId",
            "'" + accounts.get(i).systemId() + "' is configured twice");
      }
    }
    if (smpp.port() != 0 && smpp.port() == admin.port() && smpp.host().equals(admin.host())) {
      throw new ConfigException(
          "admin.port", "must differ from smpp.port (both are " + smpp.port() + ")");
    }
  }
}
