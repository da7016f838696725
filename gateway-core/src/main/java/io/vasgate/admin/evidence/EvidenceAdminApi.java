package io.vasgate.admin.evidence;

import io.vasgate.admin.AdminJson;
import io.vasgate.admin.AdminRoutes;
import io.vasgate.billing.cdr.CdrExporter;
import io.vasgate.billing.cdr.CdrRepository;
import io.vasgate.billing.cdr.SettlementReport;
import io.vasgate.catalog.CatalogService;
import io.vasgate.message.MessageHistoryRepository;
import io.vasgate.persistence.audit.AuditLog;
import io.vasgate.persistence.catalog.CatalogRepository;
import io.vasgate.pipeline.CommandPipeline;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * The evidence part of the admin API, assembled: a subscriber's history, staff refunds, the
 * partners' daily CDR files and the settlement report.
 *
 * <pre>
 * GET  /api/subscribers/{msisdn}/history[?from=&amp;to=&amp;limit=]   READ_ONLY
 * POST /api/refunds {chargeKey, msisdn, amountFen, reason}       OPERATOR
 * GET  /api/partners/{code}/cdrs.csv?day=YYYY-MM-DD              READ_ONLY
 * GET  /api/settlement?from=YYYY-MM-DD&amp;to=YYYY-MM-DD[&amp;partner=]   READ_ONLY
 * </pre>
 *
 * <p>The endpoints declare their roles; the {@link io.vasgate.admin.auth.AdminAuthenticator} the
 * catalog API registers checks them, so these routes must be served next to it.
 */
public final class EvidenceAdminApi {

  private EvidenceAdminApi() {}

  /**
   * The routes to hand to the {@link io.vasgate.admin.AdminHttpServer}.
   *
   * @param dataSource the gateway's pool
   * @param pipeline whose subscriptions and (CDR-recording) billing gateway are used
   * @param catalog prices and revenue shares for settlement
   * @param catalogRepository the partners, to refuse a CDR file for an unknown one
   * @param blocking runs JDBC work
   * @param clock stamps audit entries
   * @param zone the billing zone, whose midnights bound days in the CDR files and settlement
   */
  public static List<AdminRoutes> routes(
      DataSource dataSource,
      CommandPipeline pipeline,
      CatalogService catalog,
      CatalogRepository catalogRepository,
      Executor blocking,
      InstantSource clock,
      ZoneId zone) {
    AdminJson json = new AdminJson();
    CdrRepository cdrs = new CdrRepository(dataSource);
    RefundAudit audit = new RefundAudit(new AuditLog(dataSource), clock, json);
    SubscriberHistory history =
        new SubscriberHistory(
            new MessageHistoryRepository(dataSource),
            pipeline.subscriptions(),
            cdrs,
            audit,
            blocking);
    StaffRefunds refunds = new StaffRefunds(cdrs, pipeline.charging(), audit, blocking);
    CdrRoutes cdrRoutes =
        new CdrRoutes(
            new CdrExporter(cdrs, blocking, zone),
            new SettlementReport(cdrs, code -> catalog.catalog().product(code), blocking, zone),
            code -> catalogRepository.load().content().partner(code).isPresent(),
            blocking,
            json);
    return List.of(new HistoryRoutes(history, json), new RefundRoutes(refunds, json), cdrRoutes);
  }
}
