package io.vasgate.admin.evidence;

import static io.vasgate.admin.auth.AdminRole.READ_ONLY;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vasgate.admin.AdminJson;
import io.vasgate.admin.AdminRoutes;
import io.vasgate.admin.ApiException;
import io.vasgate.billing.cdr.CdrExporter;
import io.vasgate.billing.cdr.SettlementReport;
import io.vasgate.persistence.catalog.Partner;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partners' money: their daily CDR files and the settlement report.
 *
 * <pre>
 * GET /api/partners/{code}/cdrs.csv?day=2025-03-01            the day's CDRs of one partner, CSV
 * GET /api/settlement?from=2025-03-01&amp;to=2025-03-31[&amp;partner=901234]   settlement, JSON
 * </pre>
 *
 * <p>Days run midnight to midnight in the billing zone. The CSV is streamed as it is read, so a
 * busy partner's day never sits in memory whole.
 */
final class CdrRoutes implements AdminRoutes {

  private static final Logger log = LoggerFactory.getLogger(CdrRoutes.class);

  private final CdrExporter exporter;
  private final SettlementReport settlement;
  private final Predicate<String> partnerExists;
  private final Executor executor;
  private final AdminJson json;

  /**
   * @param partnerExists whether the catalog knows a partner code (blocking)
   * @param executor runs {@code partnerExists}
   */
  CdrRoutes(
      CdrExporter exporter,
      SettlementReport settlement,
      Predicate<String> partnerExists,
      Executor executor,
      AdminJson json) {
    this.exporter = exporter;
    this.settlement = settlement;
    this.partnerExists = partnerExists;
    this.executor = executor;
    this.json = json;
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/partners/{code}/cdrs.csv", this::csv, READ_ONLY);
    app.get("/api/settlement", this::settlement, READ_ONLY);
  }

  private void csv(Context ctx) {
    String code = partnerCode(ctx.pathParam("code"), "code");
    LocalDate day = RequestParams.date(ctx.queryParam("day"), "day");
    ctx.future(
        () ->
            CompletableFuture.supplyAsync(() -> partnerExists.test(code), executor)
                .thenCompose(
                    known -> {
                      if (!known) {
                        throw ApiException.notFound("no partner " + code);
                      }
                      ctx.status(200)
                          .contentType("text/csv; charset=utf-8")
                          .header(
                              "Content-Disposition",
                              "attachment; filename=\"cdrs-" + code + "-" + day + ".csv\"");
                      return exporter.exportDaily(day, code, ctx.outputStream());
                    })
                .thenAccept(
                    rows ->
                        log.debug("admin-http - CDR file of {} for {}: {} rows", code, day, rows)));
  }

  private void settlement(Context ctx) {
    LocalDate from = RequestParams.date(ctx.queryParam("from"), "from");
    LocalDate to = RequestParams.date(ctx.queryParam("to"), "to");
    if (to.isBefore(from)) {
      throw ApiException.badRequest("to", "is before from");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > SettlementReport.MAX_PERIOD_DAYS) {
      throw ApiException.badRequest(
          "to",
          "a settlement covers at most "
              + SettlementReport.MAX_PERIOD_DAYS
              + " days; this asks for "
              + days);
    }
    String partnerParam = ctx.queryParam("partner");
    Optional<String> partner =
        partnerParam == null || partnerParam.isBlank()
            ? Optional.empty()
            : Optional.of(partnerCode(partnerParam.trim(), "partner"));
    ctx.future(
        () ->
            settlement
                .forPeriod(from, to)
                .thenAccept(s -> json.write(ctx, 200, SettlementDto.of(s, partner))));
  }

  private static String partnerCode(String code, String field) {
    if (!Partner.isCode(code)) {
      throw ApiException.badRequest(
          field, "must be 1-" + Partner.MAX_CODE_LENGTH + " ASCII letters, digits, '_' or '-'");
    }
    return code;
  }
}
