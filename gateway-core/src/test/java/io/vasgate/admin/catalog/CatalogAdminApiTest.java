package io.vasgate.admin.catalog;

import static io.vasgate.app.TestGateway.OPERATOR_TOKEN;
import static io.vasgate.app.TestGateway.VIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vasgate.admin.catalog.AdminClient.Answer;
import io.vasgate.app.Gateway;
import io.vasgate.app.TestGateway;
import io.vasgate.command.reply.Language;
import io.vasgate.command.reply.ReplyKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API over real HTTP against a whole gateway on the embedded database, seeded from the
 * shipped conf/catalog.yaml. Tests share the gateway, so each works on products, extensions and
 * numbers of its own and leaves the sample products as seeded.
 */
class CatalogAdminApiTest {

  private static Gateway gateway;
  private static AdminClient client;

  @BeforeAll
  static void startGateway() throws Exception {
    gateway = TestGateway.start("catalog_admin_api");
    client = new AdminClient(gateway.adminPort());
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
  }

  /** A monthly product on 10658880 with the given code and extension, plus {@code extra} fields. */
  static String product(String code, String extension, String extra) {
    return product(code, extension, 300, extra);
  }

  static String product(String code, String extension, long priceFen, String extra) {
    return """
        {"code": "%s", "nameZh": "测试%s", "partnerCode": "901234", "servicePort": "10658880",
         "extension": "%s", "chargeType": "MONTHLY", "priceFen": %d, "revenueShare": "5:5"%s}
        """
        .formatted(code, code, extension, priceFen, extra.isEmpty() ? "" : ", " + extra);
  }

  static Answer dryRun(String text, String destination) {
    Answer answer =
        client.post(
            "/api/dry-run",
            VIEWER_TOKEN,
            "{\"text\": \"%s\", \"destination\": \"%s\"}".formatted(text, destination));
    assertThat(answer.status()).isEqualTo(200);
    return answer;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.path(field).asText()));
    return values;
  }

  @Test
  void listsTheFiveSampleProductsAfterSeeding() {
    Answer answer = client.get("/api/products?port=10658880", VIEWER_TOKEN);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(texts(answer.body(), "code")).startsWith("SHBB", "TQ", "WZ", "XW", "JK");
    JsonNode tq = answer.body().get(1);
    assertThat(tq.path("nameZh").asText()).isEqualTo("天气");
    assertThat(tq.path("chargeType").asText()).isEqualTo("MONTHLY");
    assertThat(tq.path("priceFen").asLong()).isEqualTo(200);
    assertThat(tq.path("extension").asText()).isEqualTo("02");
    assertThat(tq.path("revenueShare").asText()).isEqualTo("6:4");
    assertThat(tq.path("confirmationRequired").asBoolean()).isTrue();
    assertThat(tq.path("confirmationWindowSeconds").asLong()).isEqualTo(86_400);
    JsonNode wz = answer.body().get(2);
    assertThat(wz.path("trialDays").asInt()).isEqualTo(7);
    assertThat(wz.path("confirmationRequired").asBoolean()).isFalse();
    assertThat(wz.path("confirmationWindowSeconds").isNull()).isTrue();
    assertThat(answer.body().get(3).path("chargeType").asText()).isEqualTo("PER_USE");
    assertThat(answer.body().get(3).path("priceFen").asLong()).isEqualTo(50);
    assertThat(answer.body().get(4).path("chargeType").asText()).isEqualTo("FREE");
    assertThat(answer.body().get(4).path("priceFen").asLong()).isZero();
  }

  @Test
  void readsOneProductInAnyLetterCase() {
    Answer answer = client.get("/api/products/shbb", VIEWER_TOKEN);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("nameZh").asText()).isEqualTo("生活播报");
    assertThat(answer.body().path("numericCode").asText()).isEqualTo("1001");
  }

  @Test
  void seedingIsAuditedAsMadeByTheSystem() {
    Answer answer = client.get("/api/audit?entity=product:TQ", VIEWER_TOKEN);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode entries = answer.body().path("entries");
    JsonNode seeded = entries.get(entries.size() - 1);
    assertThat(seeded.path("actor").asText()).isEqualTo(CatalogAudit.SEED_ACTOR);
    assertThat(seeded.path("action").asText()).isEqualTo("create");
    assertThat(seeded.path("before").isNull()).isTrue();
    assertThat(seeded.path("after").path("nameZh").asText()).isEqualTo("天气");
  }

  @Test
  void createUpdateAndRetireAreAuditedWithWhoBeforeAndAfter() {
    Answer created = client.post("/api/products", OPERATOR_TOKEN, product("AUD", "61", ""));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).contains("/api/products/AUD");
    assertThat(created.body().path("priceFen").asLong()).isEqualTo(300);
    long v1 = Long.parseLong(created.header(CatalogChanges.VERSION_HEADER).orElseThrow());

    Answer updated = client.put("/api/products/aud", OPERATOR_TOKEN, product("AUD", "61", 400, ""));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().path("priceFen").asLong()).isEqualTo(400);
    assertThat(updated.header(CatalogChanges.VERSION_HEADER)).contains(Long.toString(v1 + 1));

    Answer retired = client.post("/api/products/AUD/retire", OPERATOR_TOKEN, "");
    assertThat(retired.status()).isEqualTo(200);
    assertThat(retired.body().path("status").asText()).isEqualTo("RETIRED");
    assertThat(client.get("/api/products/AUD", VIEWER_TOKEN).body().path("status").asText())
        .isEqualTo("RETIRED");

    JsonNode entries =
        client.get("/api/audit?entity=product:AUD", VIEWER_TOKEN).body().path("entries");
    assertThat(texts(entries, "action")).containsExactly("retire", "update", "create");
    assertThat(texts(entries, "actor")).containsOnly("ops");
    JsonNode retire = entries.get(0);
    JsonNode update = entries.get(1);
    JsonNode create = entries.get(2);
    assertThat(create.path("before").isNull()).isTrue();
    assertThat(create.path("after").path("priceFen").asLong()).isEqualTo(300);
    assertThat(update.path("before").path("priceFen").asLong()).isEqualTo(300);
    assertThat(update.path("after").path("priceFen").asLong()).isEqualTo(400);
    assertThat(retire.path("before").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(retire.path("after").path("status").asText()).isEqualTo("RETIRED");
    assertThat(create.path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(client.get("/api/products?status=RETIRED", VIEWER_TOKEN).body())
        .anySatisfy(p -> assertThat(p.path("code").asText()).isEqualTo("AUD"));
  }

  @Test
  void auditPagesNewestFirstAndFiltersByActor() {
    client.post("/api/products", OPERATOR_TOKEN, product("PAGE", "63", ""));
    client.post("/api/products/PAGE/retire", OPERATOR_TOKEN, "");

    Answer first = client.get("/api/audit?entity=product:PAGE&limit=1", VIEWER_TOKEN);
    assertThat(texts(first.body().path("entries"), "action")).containsExactly("retire");
    long next = first.body().path("nextBefore").asLong();
    Answer second =
        client.get("/api/audit?entity=product:PAGE&limit=1&before=" + next, VIEWER_TOKEN);
    assertThat(texts(second.body().path("entries"), "action")).containsExactly("create");
    assertThat(client.get("/api/audit?actor=viewer", VIEWER_TOKEN).body().path("entries"))
        .isEmpty();
    assertThat(
            client
                .get("/api/audit?entity=product&actor=ops&from=2000-01-01T00:00:00Z", VIEWER_TOKEN)
                .body()
                .path("entries"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("entityType").asText()).isEqualTo("product"));
  }

  @Test
  void dryRunReadsTheDomainVectors() {
    JsonNode kt = dryRun("KT TQ", "10658880").body();
    assertThat(kt.path("outcome").asText()).isEqualTo("COMMAND");
    assertThat(kt.path("command").asText()).isEqualTo("SUBSCRIBE");
    assertThat(kt.path("product").path("code").asText()).isEqualTo("TQ");
    assertThat(kt.path("productImplied").asBoolean()).isFalse();
    assertThat(kt.path("port").asText()).isEqualTo("10658880");

    JsonNode td = dryRun("退订", "1065888002").body();
    assertThat(td.path("outcome").asText()).isEqualTo("COMMAND");
    assertThat(td.path("command").asText()).isEqualTo("UNSUBSCRIBE");
    assertThat(td.path("product").path("code").asText()).isEqualTo("TQ");
    assertThat(td.path("productImplied").asBoolean()).isTrue();
    assertThat(td.path("extension").asText()).isEqualTo("02");
    assertThat(td.path("route").asText()).isEqualTo("02 -> product TQ");

    JsonNode fullWidth = dryRun("KT　TQ。", "1065888002").body();
    assertThat(fullWidth.path("command").asText()).isEqualTo("SUBSCRIBE");
    assertThat(fullWidth.path("product").path("code").asText()).isEqualTo("TQ");

    JsonNode bare = dryRun("TQ", "10658880").body();
    assertThat(bare.path("outcome").asText()).isEqualTo("DID_YOU_MEAN");
    assertThat(bare.path("suggestion").asText()).isEqualTo("KT TQ");

    JsonNode nowhere = dryRun("KT TQ", "95555").body();
    assertThat(nowhere.path("outcome").asText()).isEqualTo("ERROR");
    assertThat(nowhere.path("error").asText()).isEqualTo("UNKNOWN_SERVICE_NUMBER");
    assertThat(nowhere.path("port").isNull()).isTrue();
  }

  @Test
  void aNewProductIsInForceForCommandsAtOnce() {
    Answer created =
        client.post(
            "/api/products", OPERATOR_TOKEN, product("CS", "62", "\"aliases\": [\"测试服务\"]"));
    assertThat(created.status()).isEqualTo(201);

    JsonNode byAlias = dryRun("开通测试服务", "10658880").body();
    assertThat(byAlias.path("command").asText()).isEqualTo("SUBSCRIBE");
    assertThat(byAlias.path("product").path("code").asText()).isEqualTo("CS");
    JsonNode byExtension = dryRun("退订", "1065888062").body();
    assertThat(byExtension.path("product").path("code").asText()).isEqualTo("CS");
    assertThat(gateway.catalog().catalog().product("CS")).isPresent();
  }

  @Test
  void aliasesAreAddedAndRemovedOneByOne() {
    String path = "/api/products/XW/aliases";
    Answer added = client.post(path, OPERATOR_TOKEN, "{\"alias\": \"点播新闻\"}");
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.body().path("aliases")).hasSize(2);
    assertThat(dryRun("KT 点播新闻", "10658880").body().path("product").path("code").asText())
        .isEqualTo("XW");

    Answer removed = client.delete(path + "/" + AdminClient.encode("点播新闻"), OPERATOR_TOKEN);
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.body().path("aliases").get(0).asText()).isEqualTo("新闻");
    assertThat(removed.body().path("aliases")).hasSize(1);
    assertThat(dryRun("KT 点播新闻", "10658880").body().path("outcome").asText())
        .isNotEqualTo("COMMAND");
    assertThat(client.delete(path + "/" + AdminClient.encode("点播新闻"), OPERATOR_TOKEN).status())
        .isEqualTo(404);
  }

  @Test
  void serviceNumbersAndTheirTemplatesAreManaged() {
    Answer created =
        client.post(
            "/api/service-numbers",
            OPERATOR_TOKEN,
            """
            {"port": "10657777", "language": "en", "words": {"confirm": ["OK"]},
             "routes": [{"extension": "9", "type": "campaign", "target": "SPRING"}]}
            """);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("words").path("confirm").get(0).asText()).isEqualTo("OK");
    assertThat(created.body().path("words").path("subscribe").get(0).asText()).isEqualTo("KT");
    JsonNode read = client.get("/api/service-numbers/10657777", VIEWER_TOKEN).body();
    assertThat(read.path("language").asText()).isEqualTo("en");
    assertThat(read.path("routes").get(0).path("target").asText()).isEqualTo("SPRING");
    assertThat(dryRun("KT", "106577779").body().path("route").asText())
        .isEqualTo("9 -> campaign SPRING");

    Answer updated =
        client.put(
            "/api/service-numbers/10657777", OPERATOR_TOKEN, "{\"cancelAllMeansQuery\": true}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().path("language").asText()).isEqualTo("zh");
    assertThat(updated.body().path("routes")).isEmpty();
    assertThat(dryRun("00000", "10657777").body().path("command").asText()).isEqualTo("QUERY");

    String template = "/api/service-numbers/10657777/templates/zh/query.empty";
    Answer put = client.put(template, OPERATOR_TOKEN, "{\"text\": \"您还没有订购业务。\"}");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body().path("overridden").asBoolean()).isTrue();
    assertThat(
            gateway
                .catalog()
                .templates()
                .render("10657777", ReplyKey.QUERY_EMPTY, Language.ZH, Map.of())
                .text())
        .isEqualTo("您还没有订购业务。");
    JsonNode all = client.get("/api/service-numbers/10657777/templates", VIEWER_TOKEN).body();
    assertThat(all).hasSize(ReplyKey.values().length * Language.values().length);
    assertThat(all).filteredOn(t -> t.path("overridden").asBoolean()).hasSize(1);

    assertThat(client.delete(template, OPERATOR_TOKEN).status()).isEqualTo(204);
    JsonNode reverted = client.get(template, VIEWER_TOKEN).body();
    assertThat(reverted.path("overridden").asBoolean()).isFalse();
    assertThat(reverted.path("text").asText()).isEqualTo(reverted.path("defaultText").asText());

    assertThat(client.delete("/api/service-numbers/10657777", OPERATOR_TOKEN).status())
        .isEqualTo(204);
    assertThat(client.get("/api/service-numbers/10657777", VIEWER_TOKEN).status()).isEqualTo(404);
    JsonNode audit =
        client
            .get("/api/audit?entity=service-number:10657777", VIEWER_TOKEN)
            .body()
            .path("entries");
    assertThat(texts(audit, "action")).containsExactly("delete", "update", "create");
    assertThat(audit.get(1).path("before").path("language").asText()).isEqualTo("en");
    assertThat(audit.get(1).path("after").path("language").asText()).isEqualTo("zh");
    assertThat(
            texts(
                client.get("/api/audit?entity=reply-template", VIEWER_TOKEN).body().path("entries"),
                "action"))
        .containsExactly("delete", "create");
  }

  @Test
  void partnersAreAddedAndThenUsable() {
    Answer created =
        client.post("/api/partners", OPERATOR_TOKEN, "{\"code\": \"SP-200\", \"name\": \"新伙伴\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(texts(client.get("/api/partners", VIEWER_TOKEN).body(), "code"))
        .contains("901234", "SP-200");

    Answer product =
        client.post(
            "/api/products",
            OPERATOR_TOKEN,
            product("NP", "64", "")
                .replace("\"partnerCode\": \"901234\"", "\"partnerCode\": \"SP-200\""));
    assertThat(product.status()).isEqualTo(201);
    assertThat(product.body().path("partnerCode").asText()).isEqualTo("SP-200");
  }
}
