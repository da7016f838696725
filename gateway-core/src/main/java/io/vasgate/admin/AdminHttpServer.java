package io.vasgate.admin;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations HTTP port: {@code /health} (JSON), {@code /metrics} (Prometheus text) and the
 * admin API routes that features register.
 *
 * <p>Every error leaves as JSON with a 4xx or 5xx status; a handler bug never shows a stack trace
 * to the caller.
 */
public final class AdminHttpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AdminHttpServer.class);

  private final Javalin app;

  public AdminHttpServer(
      Supplier<HealthReport> health, PrometheusMeterRegistry metrics, List<AdminRoutes> routes) {
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.useVirtualThreads = false;
              config.http.defaultContentType = "application/json";
            });
    app.get(
        "/health",
        ctx -> {
          HealthReport report = health.get();
          ctx.status(report.isUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(report);
        });
    app.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    routes.forEach(r -> r.register(app));
    app.exception(ApiException.class, (e, ctx) -> ctx.status(e.error().status()).json(e.error()));
    app.exception(
        com.fasterxml.jackson.core.JsonProcessingException.class,
        (e, ctx) ->
            ctx.status(400)
                .json(
                    ApiError.of(
                        400,
                        "malformed_json",
                        "request body is not valid JSON: " + e.getOriginalMessage())));
    app.exception(
        io.javalin.http.HttpResponseException.class,
        (e, ctx) ->
            ctx.status(e.getStatus())
                .json(ApiError.of(e.getStatus(), errorCode(e.getStatus()), e.getMessage())));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("admin-http - {} {} failed", ctx.method(), ctx.path(), e);
          ctx.status(500)
              .json(ApiError.of(500, "internal_error", "the request failed; see the gateway log"));
        });
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            ctx.json(
                ApiError.of(
                    404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path()));
          }
        });
    app.error(
        405,
        ctx ->
            ctx.json(
                ApiError.of(
                    405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path())));
  }

  private static String errorCode(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      default -> "http_" + status;
    };
  }

  public AdminHttpServer start(String host, int port) {
    app.start(host, port);
    log.info("admin-http - listening on {}:{}", host, app.port());
    return this;
  }

  /** The bound port, useful when started on port 0. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
