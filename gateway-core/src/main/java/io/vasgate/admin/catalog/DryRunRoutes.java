package io.vasgate.admin.catalog;

import static io.vasgate.admin.auth.AdminRole.READ_ONLY;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vasgate.admin.AdminJson;
import io.vasgate.admin.AdminRoutes;
import io.vasgate.admin.ApiException;
import io.vasgate.catalog.CatalogService;
import io.vasgate.catalog.CatalogSnapshot;
import io.vasgate.command.parse.CommandParser;
import io.vasgate.command.parse.DidYouMean;
import io.vasgate.command.parse.ParseError;
import io.vasgate.command.parse.ParseResult;
import io.vasgate.command.parse.Parsed;
import io.vasgate.command.shortcode.ShortCode;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/dry-run {text, destination}}: how the gateway would read an MO right now, with
 * the catalog snapshot and parser the command pipeline uses, executing nothing.
 */
final class DryRunRoutes implements AdminRoutes {

  private final CatalogService catalog;
  private final AdminJson json;
  private final CommandParser parser = new CommandParser();

  DryRunRoutes(CatalogService catalog, AdminJson json) {
    this.catalog = catalog;
    this.json = json;
  }

  @Override
  public void register(Javalin app) {
    app.post("/api/dry-run", this::dryRun, READ_ONLY);
  }

  private void dryRun(Context ctx) {
    DryRunRequest request = json.read(ctx, DryRunRequest.class);
    if (request.text() == null) {
      throw ApiException.badRequest("text", "is required (it may be empty)");
    }
    if (request.destination() == null || request.destination().isBlank()) {
      throw ApiException.badRequest("destination", "is required");
    }
    json.write(ctx, 200, dryRun(catalog.snapshot(), request.text(), request.destination().trim()));
  }

  private DryRunResult dryRun(CatalogSnapshot snapshot, String text, String destination) {
    ParseResult result = parser.parse(text, destination, snapshot.catalog());
    Optional<ShortCode> shortCode = snapshot.catalog().resolve(destination);
    String port = shortCode.map(ShortCode::port).orElse(null);
    String extension = shortCode.map(ShortCode::extension).orElse(null);
    String route = shortCode.flatMap(ShortCode::route).map(r -> r.describe()).orElse(null);
    if (result instanceof Parsed p) {
      return new DryRunResult(
          snapshot.version(),
          destination,
          p.normalizedText(),
          port,
          extension,
          route,
          "COMMAND",
          p.kind().name(),
          p.product().map(ProductRef::of).orElse(null),
          p.productImplied(),
          p.items(),
          null,
          null,
          List.of());
    }
    if (result instanceof DidYouMean d) {
      return new DryRunResult(
          snapshot.version(),
          destination,
          d.normalizedText(),
          port,
          extension,
          route,
          "DID_YOU_MEAN",
          d.kind().name(),
          d.product().map(ProductRef::of).orElse(null),
          null,
          List.of(),
          d.suggestion(),
          null,
          List.of());
    }
    ParseError e = (ParseError) result;
    return new DryRunResult(
        snapshot.version(),
        destination,
        e.normalizedText(),
        port,
        extension,
        route,
        "ERROR",
        e.command().map(Enum::name).orElse(null),
        null,
        null,
        List.of(),
        null,
        e.kind().name(),
        e.products().stream().map(ProductRef::of).toList());
  }
}
