package io.vasgate.admin.evidence;

import static io.vasgate.admin.auth.AdminRole.READ_ONLY;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vasgate.admin.AdminJson;
import io.vasgate.admin.AdminRoutes;
import io.vasgate.admin.ApiException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /api/subscribers/{msisdn}/history}: the subscriber's MOs, replies, orders, state
 * changes, charges and refunds in one time-ordered list. Parameters, all optional: {@code from} and
 * {@code to} (ISO-8601 instants, from inclusive, to exclusive), {@code limit} (1-{@value
 * HistoryQuery#MAX_LIMIT}, default {@value HistoryQuery#DEFAULT_LIMIT}). A number nobody has heard
 * of has an empty history, not a 404: "no record of this number" is itself an answer to a
 * complaint.
 */
final class HistoryRoutes implements AdminRoutes {

  private final SubscriberHistory history;
  private final AdminJson json;

  HistoryRoutes(SubscriberHistory history, AdminJson json) {
    this.history = history;
    this.json = json;
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/subscribers/{msisdn}/history", this::history, READ_ONLY);
  }

  private void history(Context ctx) {
    String msisdn = RequestParams.msisdn(ctx.pathParam("msisdn"), "msisdn");
    Optional<Instant> from = RequestParams.instant(ctx.queryParam("from"), "from");
    Optional<Instant> to = RequestParams.instant(ctx.queryParam("to"), "to");
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      throw ApiException.badRequest("to", "is before from");
    }
    int limit =
        RequestParams.number(
            ctx.queryParam("limit"),
            "limit",
            1,
            HistoryQuery.MAX_LIMIT,
            HistoryQuery.DEFAULT_LIMIT);
    HistoryQuery query = new HistoryQuery(msisdn, from, to, limit);
    ctx.future(() -> history.history(query).thenAccept(page -> json.write(ctx, 200, page)));
  }
}
