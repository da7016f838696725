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

/**
 * Every way the admin API refuses a change: the status, the error code and the field named, and
 * that a refused change leaves the catalog (version and audit log) as it was.
 */
class CatalogAdminValidationTest {

  private static Gateway gateway;
  private static AdminClient client;

  @BeforeAll
  static void startGateway() throws Exception {
    gateway = TestGateway.start("catalog_admin_validation");
    client = new AdminClient(gateway.adminPort());
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
  }

  private static void assertRefused(Answer answer, int status, String error, String field) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    assertThat(answer.error()).isEqualTo(error);
    assertThat(answer.field()).isEqualTo(field);
    assertThat(answer.body().path("status").asInt()).isEqualTo(status);
    assertThat(answer.body().path("message").asText()).isNotBlank();
  }

  private static Answer create(String json) {
    return client.post("/api/products", OPERATOR_TOKEN, json);
  }

  @Test
  void duplicateProductCodeIsAConflictOnCode() {
    assertRefused(create(product("TQ", "81", "")), 409, "conflict", "code");
  }

  @Test
  void extensionOfAnotherProductOnTheNumberIsAConflictOnExtension() {
    Answer answer = create(product("EXT", "02", ""));
    assertRefused(answer, 409, "conflict", "extension");
    assertThat(answer.body().path("message").asText()).contains("TQ");
  }

  @Test
  void aliasOfAnotherProductOnTheNumberIsAConflictOnThatAlias() {
    Answer answer = create(product("ALI", "82", "\"aliases\": [\"新别名\", \"天气预报\"]"));
    assertRefused(answer, 409, "conflict", "aliases[1]");
    assertThat(answer.body().path("message").asText()).contains("TQ");
  }

  @Test
  void aliasAddedToAProductThatAnotherClaimsIsAConflictOnAlias() {
    assertRefused(
        client.post("/api/products/WZ/aliases", OPERATOR_TOKEN, "{\"alias\": \"天 气\"}"),
        409,
        "conflict",
        "alias");
  }

  @Test
  void aliasThatIsACommandWordIsAConflict() {
    assertRefused(
        create(product("CMD", "83", "\"aliases\": [\"退订\"]")), 409, "conflict", "aliases[0]");
  }

  @Test
  void negativePriceIsRefusedOnPriceFen() {
    assertRefused(create(product("NEG", "84", -100, "")), 400, "validation_failed", "priceFen");
  }

  @Test
  void priceThatContradictsTheChargeTypeIsRefusedOnPriceFen() {
    String free = product("FRE", "85", "").replace("\"MONTHLY\"", "\"FREE\"");
    assertRefused(create(free), 400, "validation_failed", "priceFen");
  }

  @Test
  void unknownServiceNumberIsRefusedOnServicePort() {
    String elsewhere = product("UNK", "86", "").replace("\"10658880\"", "\"10650000\"");
    assertRefused(create(elsewhere), 400, "validation_failed", "servicePort");
  }

  @Test
  void unknownPartnerIsRefusedOnPartnerCode() {
    String stranger = product("PRT", "87", "").replace("\"901234\"", "\"404404\"");
    Answer answer = create(stranger);
    assertRefused(answer, 400, "validation_failed", "partnerCode");
    assertThat(answer.body().path("message").asText()).contains("unknown partner 404404");
  }

  @Test
  void malformedPartnerCodeIsRefusedOnPartnerCode() {
    String bad = product("PRT", "87", "").replace("\"901234\"", "\"90 12\"");
    assertRefused(create(bad), 400, "validation_failed", "partnerCode");
  }

  @Test
  void malformedProductCodeIsRefusedOnCode() {
    assertRefused(create(product("tq-2", "88", "")), 400, "validation_failed", "code");
  }

  @Test
  void revenueShareNotSummingToTenIsRefused() {
    assertRefused(
        create(product("RS", "89", "").replace("\"5:5\"", "\"6:5\"")),
        400,
        "validation_failed",
        "revenueShare");
  }

  @Test
  void trialOnAPerUseProductIsRefusedOnTrialDays() {
    String perUse = product("TRI", "90", "\"trialDays\": 7").replace("\"MONTHLY\"", "\"PER_USE\"");
    assertRefused(create(perUse), 400, "validation_failed", "trialDays");
  }

  @Test
  void confirmationWindowBeyondAWeekIsRefused() {
    assertRefused(
        create(
            product(
                "WIN",
                "91",
                "\"confirmationRequired\": true, \"confirmationWindowSeconds\": 999999")),
        400,
        "validation_failed",
        "confirmationWindowSeconds");
  }

  @Test
  void unknownChargeTypeIsRefusedOnChargeType() {
    assertRefused(
        create(product("CHG", "92", "").replace("\"MONTHLY\"", "\"YEARLY\"")),
        400,
        "validation_failed",
        "chargeType");
  }

  @Test
  void missingRequiredFieldIsNamed() {
    assertRefused(
        create(product("MIS", "93", "").replace("\"nameZh\": \"测试MIS\", ", "")),
        400,
        "validation_failed",
        "nameZh");
  }

  @Test
  void unknownFieldIsNamedSoATypoIsNotIgnored() {
    assertRefused(create(product("TYP", "94", "\"prise\": 1")), 400, "validation_failed", "prise");
  }

  @Test
  void valueOfTheWrongTypeIsNamed() {
    assertRefused(
        create(product("TYP", "94", "").replace("\"priceFen\": 300", "\"priceFen\": \"cheap\"")),
        400,
        "validation_failed",
        "priceFen");
    assertRefused(
        create(product("TYP", "94", "\"aliases\": [[\"x\"]]")),
        400,
        "validation_failed",
        "aliases[0]");
  }

  @Test
  void malformedJsonIsRefused() {
    assertRefused(create("{\"code\": \"X\","), 400, "malformed_json", null);
    assertRefused(create(""), 400, "malformed_json", null);
  }

  @Test
  void codeInTheBodyMustMatchTheUrl() {
    assertRefused(
        client.put("/api/products/TQ", OPERATOR_TOKEN, product("WZ", "02", 200, "")),
        400,
        "validation_failed",
        "code");
  }

  @Test
  void unknownProductIsNotFound() {
    assertRefused(client.get("/api/products/NOPE", VIEWER_TOKEN), 404, "not_found", null);
    assertRefused(
        client.put("/api/products/NOPE", OPERATOR_TOKEN, product("NOPE", "95", "")),
        404,
        "not_found",
        null);
    assertRefused(
        client.post("/api/products/NOPE/retire", OPERATOR_TOKEN, ""), 404, "not_found", null);
  }

  @Test
  void aRetiredProductCannotComeBackNorBeRetiredAgain() {
    assertThat(create(product("RET", "96", "")).status()).isEqualTo(201);
    assertThat(client.post("/api/products/RET/retire", OPERATOR_TOKEN, "").status()).isEqualTo(200);

    assertRefused(
        client.post("/api/products/RET/retire", OPERATOR_TOKEN, ""), 409, "conflict", "status");
    assertRefused(
        client.put(
            "/api/products/RET", OPERATOR_TOKEN, product("RET", "96", "\"status\": \"ACTIVE\"")),
        409,
        "conflict",
        "status");
  }

  @Test
  void routeOnTheExtensionOfAProductIsAConflict() {
    assertRefused(
        client.put(
            "/api/service-numbers/10658880",
            OPERATOR_TOKEN,
            "{\"routes\": [{\"extension\": \"03\", \"type\": \"campaign\", \"target\": \"X\"}]}"),
        409,
        "conflict",
        "routes[0].extension");
  }

  @Test
  void twoRoutesOnOneExtensionAreRefused() {
    assertRefused(
        client.post(
            "/api/service-numbers",
            OPERATOR_TOKEN,
            """
            {"port": "10651111", "routes": [
              {"extension": "7", "type": "campaign", "target": "A"},
              {"extension": "7", "type": "campaign", "target": "B"}]}
            """),
        400,
        "validation_failed",
        "routes");
  }

  @Test
  void routeToAnUnknownPartnerIsRefusedOnItsTarget() {
    assertRefused(
        client.post(
            "/api/service-numbers",
            OPERATOR_TOKEN,
            "{\"port\": \"10652222\", \"routes\": [{\"extension\": \"1\", \"type\": \"partner\", \"target\": \"404\"}]}"),
        400,
        "validation_failed",
        "routes[0].target");
  }

  @Test
  void commandWordThatIsAProductReferenceIsAConflict() {
    assertRefused(
        client.put(
            "/api/service-numbers/10658880",
            OPERATOR_TOKEN,
            "{\"words\": {\"help\": [\"?\", \"天气\"]}}"),
        409,
        "conflict",
        "words.help[1]");
  }

  @Test
  void duplicateServiceNumberIsAConflictOnPort() {
    assertRefused(
        client.post("/api/service-numbers", OPERATOR_TOKEN, "{\"port\": \"10658880\"}"),
        409,
        "conflict",
        "port");
  }

  @Test
  void aNumberWithProductsCannotBeDeleted() {
    assertRefused(
        client.delete("/api/service-numbers/10658880", OPERATOR_TOKEN), 409, "conflict", "port");
  }

  @Test
  void unknownServiceNumberInTheUrlIsNotFound() {
    assertRefused(client.get("/api/service-numbers/999", VIEWER_TOKEN), 404, "not_found", null);
    assertRefused(
        client.put(
            "/api/service-numbers/999/templates/zh/help", OPERATOR_TOKEN, "{\"text\": \"x\"}"),
        404,
        "not_found",
        null);
  }

  @Test
  void templateWithAnUnknownPlaceholderIsRefusedOnText() {
    Answer answer =
        client.put(
            "/api/service-numbers/10658880/templates/zh/query.empty",
            OPERATOR_TOKEN,
            "{\"text\": \"您好{name}，您没有订购。\"}");
    assertRefused(answer, 400, "validation_failed", "text");
    assertThat(answer.body().path("message").asText()).contains("{name}");
  }

  @Test
  void templateWithoutARequiredPlaceholderIsRefusedOnText() {
    Answer answer =
        client.put(
            "/api/service-numbers/10658880/templates/zh/confirm.prompt",
            OPERATOR_TOKEN,
            "{\"text\": \"确认订购{product}吗？回复{confirmWord}。\"}");
    assertRefused(answer, 400, "validation_failed", "text");
    assertThat(answer.body().path("message").asText()).contains("{price}");
  }

  @Test
  void templateOfAnUnknownKeyOrLanguageIsNotFound() {
    assertRefused(
        client.put(
            "/api/service-numbers/10658880/templates/zh/no.such.key",
            OPERATOR_TOKEN,
            "{\"text\": \"x\"}"),
        404,
        "not_found",
        null);
    assertRefused(
        client.get("/api/service-numbers/10658880/templates/fr/help", VIEWER_TOKEN),
        404,
        "not_found",
        null);
  }

  @Test
  void duplicatePartnerIsAConflictOnCode() {
    assertRefused(
        client.post("/api/partners", OPERATOR_TOKEN, "{\"code\": \"901234\", \"name\": \"又一个\"}"),
        409,
        "conflict",
        "code");
  }

  @Test
  void dryRunNeedsADestination() {
    assertRefused(
        client.post("/api/dry-run", VIEWER_TOKEN, "{\"text\": \"KT TQ\"}"),
        400,
        "validation_failed",
        "destination");
  }

  @Test
  void auditQueryParametersAreChecked() {
    assertRefused(
        client.get("/api/audit?from=yesterday", VIEWER_TOKEN), 400, "validation_failed", "from");
    assertRefused(
        client.get("/api/audit?limit=0", VIEWER_TOKEN), 400, "validation_failed", "limit");
    assertRefused(
        client.get("/api/audit?entity=:TQ", VIEWER_TOKEN), 400, "validation_failed", "entity");
    assertRefused(
        client.get("/api/audit?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z", VIEWER_TOKEN),
        400,
        "validation_failed",
        "to");
  }

  @Test
  void aRefusedChangeLeavesVersionAndAuditLogAlone() {
    long version = gateway.catalog().snapshot().version();
    int audited = client.get("/api/audit?limit=500", VIEWER_TOKEN).body().path("entries").size();

    assertThat(create(product("SAFE", "02", "")).status()).isEqualTo(409);

    assertThat(gateway.catalog().refresh()).isFalse();
    assertThat(gateway.catalog().snapshot().version()).isEqualTo(version);
    assertThat(client.get("/api/audit?limit=500", VIEWER_TOKEN).body().path("entries"))
        .hasSize(audited);
    assertThat(client.get("/api/products/SAFE", VIEWER_TOKEN).status()).isEqualTo(404);
  }
}
