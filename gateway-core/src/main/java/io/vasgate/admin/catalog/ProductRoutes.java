package io.vasgate.admin.catalog;

import static io.vasgate.admin.auth.AdminRole.OPERATOR;
import static io.vasgate.admin.auth.AdminRole.READ_ONLY;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vasgate.admin.AdminJson;
import io.vasgate.admin.AdminRoutes;
import io.vasgate.admin.ApiException;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import io.vasgate.persistence.catalog.CatalogChange;
import io.vasgate.persistence.catalog.CatalogContent;
import io.vasgate.persistence.catalog.Partner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Products, their aliases, and partners.
 *
 * <pre>
 * GET  /api/products[?status=ACTIVE&amp;port=10658880]   GET  /api/products/{code}
 * POST /api/products                                  PUT  /api/products/{code}
 * POST /api/products/{code}/retire
 * POST /api/products/{code}/aliases {alias}           DELETE /api/products/{code}/aliases/{alias}
 * GET  /api/partners   GET /api/partners/{code}       POST /api/partners
 * </pre>
 */
final class ProductRoutes implements AdminRoutes {

  private final CatalogChanges changes;
  private final AdminJson json;

  ProductRoutes(CatalogChanges changes, AdminJson json) {
    this.changes = changes;
    this.json = json;
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/products", this::list, READ_ONLY);
    app.post("/api/products", this::create, OPERATOR);
    app.get(
        "/api/products/{code}",
        ctx -> json.write(ctx, 200, ProductDto.of(existing(ctx))),
        READ_ONLY);
    app.put("/api/products/{code}", this::update, OPERATOR);
    app.post("/api/products/{code}/retire", this::retire, OPERATOR);
    app.post("/api/products/{code}/aliases", this::addAlias, OPERATOR);
    app.delete("/api/products/{code}/aliases/{alias}", this::removeAlias, OPERATOR);
    app.get("/api/partners", ctx -> json.write(ctx, 200, partners()), READ_ONLY);
    app.get("/api/partners/{code}", this::partner, READ_ONLY);
    app.post("/api/partners", this::createPartner, OPERATOR);
  }

  private void list(Context ctx) {
    Stream<Product> products = changes.stored().products().stream();
    String status = ctx.queryParam("status");
    if (status != null) {
      ProductStatus wanted;
      try {
        wanted = ProductStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(
            "status", "must be ACTIVE, SUSPENDED or RETIRED, got '" + status + "'");
      }
      products = products.filter(p -> p.status() == wanted);
    }
    String port = ctx.queryParam("port");
    if (port != null) {
      products = products.filter(p -> p.servicePort().equals(port));
    }
    json.write(ctx, 200, products.map(ProductDto::of).toList());
  }

  private void create(Context ctx) {
    Product product = CatalogRequests.product(json.read(ctx, ProductDto.class), null);
    changes.apply(ctx, hook -> changes.repository().createProduct(product, hook));
    ctx.header("Location", "/api/products/" + product.code());
    json.write(ctx, 201, ProductDto.of(product));
  }

  private void update(Context ctx) {
    String code = code(ctx);
    Product product = CatalogRequests.product(json.read(ctx, ProductDto.class), code);
    changes.apply(ctx, hook -> changes.repository().updateProduct(product, hook));
    json.write(ctx, 200, ProductDto.of(product));
  }

  private void retire(Context ctx) {
    String code = code(ctx);
    CatalogChange change =
        changes.apply(ctx, hook -> changes.repository().retireProduct(code, hook));
    json.write(ctx, 200, ProductDto.of((Product) change.after().orElseThrow()));
  }

  private void addAlias(Context ctx) {
    String code = code(ctx);
    AliasBody body = json.read(ctx, AliasBody.class);
    if (body.alias() == null || body.alias().isBlank()) {
      throw ApiException.badRequest("alias", "is required");
    }
    String alias = body.alias();
    CatalogChange change =
        changes.apply(
            ctx,
            hook -> changes.repository().editProduct(code, p -> withAlias(p, alias), hook),
            field -> field.startsWith("aliases[") ? "alias" : field);
    json.write(ctx, 200, ProductDto.of((Product) change.after().orElseThrow()));
  }

  private static Product withAlias(Product product, String alias) {
    if (product.aliases().contains(alias)) {
      throw ApiException.conflict(
          "alias", "product " + product.code() + " has the alias '" + alias + "' already");
    }
    List<String> aliases = new ArrayList<>(product.aliases());
    aliases.add(alias);
    return product.toBuilder().aliases(aliases.toArray(String[]::new)).build();
  }

  private void removeAlias(Context ctx) {
    String code = code(ctx);
    String alias = ctx.pathParam("alias");
    CatalogChange change =
        changes.apply(
            ctx, hook -> changes.repository().editProduct(code, p -> withoutAlias(p, alias), hook));
    json.write(ctx, 200, ProductDto.of((Product) change.after().orElseThrow()));
  }

  private static Product withoutAlias(Product product, String alias) {
    if (!product.aliases().contains(alias)) {
      throw ApiException.notFound("product " + product.code() + " has no alias '" + alias + "'");
    }
    List<String> aliases = new ArrayList<>(product.aliases());
    aliases.remove(alias);
    return product.toBuilder().aliases(aliases.toArray(String[]::new)).build();
  }

  private List<PartnerDto> partners() {
    return changes.stored().partners().stream().map(PartnerDto::of).toList();
  }

  private void partner(Context ctx) {
    String code = ctx.pathParam("code");
    Partner partner =
        changes
            .stored()
            .partner(code)
            .orElseThrow(() -> ApiException.notFound("no partner " + code));
    json.write(ctx, 200, PartnerDto.of(partner));
  }

  private void createPartner(Context ctx) {
    Partner partner = CatalogRequests.partner(json.read(ctx, PartnerDto.class));
    changes.apply(ctx, hook -> changes.repository().createPartner(partner, hook));
    ctx.header("Location", "/api/partners/" + partner.code());
    json.write(ctx, 201, PartnerDto.of(partner));
  }

  /** Product codes are upper case; the URL may have them in any case, as users type them. */
  private static String code(Context ctx) {
    return ctx.pathParam("code").toUpperCase(Locale.ROOT);
  }

  private Product existing(Context ctx) {
    String code = code(ctx);
    CatalogContent stored = changes.stored();
    return stored.product(code).orElseThrow(() -> ApiException.notFound("no product " + code));
  }
}
