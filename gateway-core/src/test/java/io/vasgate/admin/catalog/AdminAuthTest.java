package io.vasgate.admin.catalog;

import static io.vasgate.admin.catalog.CatalogAdminApiTest.product;
import static io.vasgate.app.TestGateway.OPERATOR_TOKEN;
import static io.vasgate.app.TestGateway.VIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.admin.catalog.AdminClient.Answer;
import io.vasgate.app.Gateway;
import io.vasgate.app.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may call what on the admin API, over HTTP. */
class AdminAuthTest {

  private static Gateway gateway;
  private static AdminClient client;

  @BeforeAll
  static void startGateway() throws Exception {
    gateway = TestGateway.start("admin_auth");
    client = new AdminClient(gateway.adminPort());
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
  }

  private static void assertUnauthorized(Answer answer) {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.error()).isEqualTo("unauthorized");
    assertThat(answer.header("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
  }

  @Test
  void noTokenIsUnauthorizedWithABearerChallenge() {
    assertUnauthorized(client.get("/api/products", null));
    assertUnauthorized(client.post("/api/products", null, product("NOA", "51", "")));
    assertUnauthorized(
        client.post("/api/dry-run", null, "{\"text\": \"KT TQ\", \"destination\": \"10658880\"}"));
    assertUnauthorized(client.get("/api/audit", null));
  }

  @Test
  void unknownOrMalformedTokenIsUnauthorized() {
    assertUnauthorized(client.get("/api/products", "ops-test-token-012345678"));
    assertUnauthorized(client.getWithAuthorization("/api/products", "Bearer"));
    assertUnauthorized(client.getWithAuthorization("/api/products", "Bearer   "));
    assertUnauthorized(client.getWithAuthorization("/api/products", "Basic b3BzOm9wcw=="));
    assertUnauthorized(client.getWithAuthorization("/api/products", OPERATOR_TOKEN));
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    assertThat(client.getWithAuthorization("/api/products", "bearer " + VIEWER_TOKEN).status())
        .isEqualTo(200);
  }

  @Test
  void aReadOnlyUserReadsAndDryRunsButChangesNothing() {
    assertThat(client.get("/api/products", VIEWER_TOKEN).status()).isEqualTo(200);
    assertThat(client.get("/api/service-numbers/10658880/templates/zh/help", VIEWER_TOKEN).status())
        .isEqualTo(200);
    assertThat(
            client
                .post(
                    "/api/dry-run",
                    VIEWER_TOKEN,
                    "{\"text\": \"KT TQ\", \"destination\": \"10658880\"}")
                .status())
        .isEqualTo(200);

    Answer create = client.post("/api/products", VIEWER_TOKEN, product("VWR", "52", ""));
    assertThat(create.status()).isEqualTo(403);
    assertThat(create.error()).isEqualTo("forbidden");
    assertThat(client.post("/api/products/TQ/retire", VIEWER_TOKEN, "").status()).isEqualTo(403);
    assertThat(client.put("/api/service-numbers/10658880", VIEWER_TOKEN, "{}").status())
        .isEqualTo(403);
    assertThat(
            client.delete("/api/service-numbers/10658880/templates/zh/help", VIEWER_TOKEN).status())
        .isEqualTo(403);

    assertThat(client.get("/api/products/VWR", VIEWER_TOKEN).status()).isEqualTo(404);
    assertThat(client.get("/api/products/TQ", VIEWER_TOKEN).body().path("status").asText())
        .isEqualTo("ACTIVE");
    assertThat(client.get("/api/audit?actor=viewer", VIEWER_TOKEN).body().path("entries"))
        .isEmpty();
  }

  @Test
  void anOperatorChangesAndIsRecordedAsTheActor() {
    assertThat(client.post("/api/products", OPERATOR_TOKEN, product("OPS", "53", "")).status())
        .isEqualTo(201);
    assertThat(
            client
                .get("/api/audit?entity=product:OPS", OPERATOR_TOKEN)
                .body()
                .path("entries")
                .get(0)
                .path("actor")
                .asText())
        .isEqualTo("ops");
  }

  @Test
  void healthAndMetricsNeedNoToken() {
    Answer health = client.get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(
            health
                .body()
                .path("components")
                .path("catalog")
                .path("details")
                .path("products")
                .asInt())
        .isGreaterThanOrEqualTo(5);
    assertThat(client.get("/metrics", null).raw().statusCode()).isEqualTo(200);
  }
}
