package io.vasgate.admin.catalog;

import static io.vasgate.admin.auth.AdminRole.OPERATOR;
import static io.vasgate.admin.auth.AdminRole.READ_ONLY;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vasgate.admin.AdminJson;
import io.vasgate.admin.AdminRoutes;
import io.vasgate.admin.ApiException;
import io.vasgate.command.reply.Language;
import io.vasgate.command.reply.Placeholder;
import io.vasgate.command.reply.ReplyKey;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.command.shortcode.ServiceNumber;
import io.vasgate.persistence.catalog.CatalogContent;
import io.vasgate.persistence.catalog.TemplateOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Service numbers (routes, words, language) and their reply template overrides.
 *
 * <pre>
 * GET  /api/service-numbers              POST   /api/service-numbers
 * GET  /api/service-numbers/{port}       PUT    /api/service-numbers/{port}
 *                                        DELETE /api/service-numbers/{port}
 * GET  /api/service-numbers/{port}/templates
 * GET  /api/service-numbers/{port}/templates/{language}/{key}
 * PUT  /api/service-numbers/{port}/templates/{language}/{key}  {text}
 * DELETE /api/service-numbers/{port}/templates/{language}/{key}  (back to the default)
 * </pre>
 */
final class ServiceNumberRoutes implements AdminRoutes {

  private static final String TEMPLATE = "/api/service-numbers/{port}/templates/{language}/{key}";

  private final CatalogChanges changes;
  private final AdminJson json;
  private final ReplyTemplates defaults;

  ServiceNumberRoutes(CatalogChanges changes, AdminJson json, ReplyTemplates defaults) {
    this.changes = changes;
    this.json = json;
    this.defaults = defaults;
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/service-numbers", this::list, READ_ONLY);
    app.post("/api/service-numbers", this::create, OPERATOR);
    app.get("/api/service-numbers/{port}", this::get, READ_ONLY);
    app.put("/api/service-numbers/{port}", this::update, OPERATOR);
    app.delete("/api/service-numbers/{port}", this::delete, OPERATOR);
    app.get("/api/service-numbers/{port}/templates", this::templates, READ_ONLY);
    app.get(TEMPLATE, this::template, READ_ONLY);
    app.put(TEMPLATE, this::putTemplate, OPERATOR);
    app.delete(TEMPLATE, this::deleteTemplate, OPERATOR);
  }

  private void list(Context ctx) {
    json.write(
        ctx, 200, changes.stored().serviceNumbers().stream().map(ServiceNumberDto::of).toList());
  }

  private void get(Context ctx) {
    json.write(ctx, 200, ServiceNumberDto.of(existing(changes.stored(), ctx.pathParam("port"))));
  }

  private void create(Context ctx) {
    ServiceNumber number =
        CatalogRequests.serviceNumber(json.read(ctx, ServiceNumberDto.class), null);
    changes.apply(ctx, hook -> changes.repository().createServiceNumber(number, hook));
    ctx.header("Location", "/api/service-numbers/" + number.port());
    json.write(ctx, 201, ServiceNumberDto.of(number));
  }

  private void update(Context ctx) {
    ServiceNumber number =
        CatalogRequests.serviceNumber(
            json.read(ctx, ServiceNumberDto.class), ctx.pathParam("port"));
    changes.apply(ctx, hook -> changes.repository().updateServiceNumber(number, hook));
    json.write(ctx, 200, ServiceNumberDto.of(number));
  }

  private void delete(Context ctx) {
    String port = ctx.pathParam("port");
    changes.apply(ctx, hook -> changes.repository().deleteServiceNumber(port, hook));
    ctx.status(204);
  }

  private void templates(Context ctx) {
    CatalogContent stored = changes.stored();
    String port = existing(stored, ctx.pathParam("port")).port();
    List<TemplateDto> all = new ArrayList<>();
    for (Language language : Language.values()) {
      for (ReplyKey key : ReplyKey.values()) {
        all.add(template(stored, port, language, key));
      }
    }
    json.write(ctx, 200, all);
  }

  private void template(Context ctx) {
    CatalogContent stored = changes.stored();
    String port = existing(stored, ctx.pathParam("port")).port();
    json.write(
        ctx,
        200,
        template(
            stored,
            port,
            CatalogRequests.pathLanguage(ctx.pathParam("language")),
            CatalogRequests.pathKey(ctx.pathParam("key"))));
  }

  private void putTemplate(Context ctx) {
    // An unknown number is a 404 whatever the body says; the repository checks again under lock.
    String port = existing(changes.stored(), ctx.pathParam("port")).port();
    Language language = CatalogRequests.pathLanguage(ctx.pathParam("language"));
    ReplyKey key = CatalogRequests.pathKey(ctx.pathParam("key"));
    TemplateOverride template =
        CatalogRequests.template(port, language, key, json.read(ctx, TextBody.class));
    changes.apply(ctx, hook -> changes.repository().putTemplate(template, hook));
    json.write(ctx, 200, template(changes.stored(), port, language, key));
  }

  private void deleteTemplate(Context ctx) {
    String port = ctx.pathParam("port");
    Language language = CatalogRequests.pathLanguage(ctx.pathParam("language"));
    ReplyKey key = CatalogRequests.pathKey(ctx.pathParam("key"));
    changes.apply(ctx, hook -> changes.repository().deleteTemplate(port, language, key, hook));
    ctx.status(204);
  }

  private TemplateDto template(
      CatalogContent stored, String port, Language language, ReplyKey key) {
    String defaultText = defaults.template(null, key, language).source();
    Optional<TemplateOverride> override = stored.template(port, language, key);
    return new TemplateDto(
        port,
        language.tag(),
        key.id(),
        override.map(TemplateOverride::text).orElse(defaultText),
        override.isPresent(),
        defaultText,
        key.required().stream().map(Placeholder::token).sorted().toList(),
        key.allowed().stream().map(Placeholder::token).sorted().toList());
  }

  private static ServiceNumber existing(CatalogContent stored, String port) {
    return stored
        .serviceNumber(port)
        .orElseThrow(() -> ApiException.notFound("no service number " + port));
  }
}
