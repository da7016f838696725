package io.vasgate.admin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vasgate.app.Gateway;
import io.vasgate.app.MoSourceClient;
import io.vasgate.app.TestGateway;
import io.vasgate.billing.cdr.CdrExporter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff refunds, the partners' daily CDR files and the settlement report, over real HTTP against a
 * whole gateway whose charges came from real handset commands.
 */
class RefundAndSettlementTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PORT = "10658880";
  private static final String TQ = "1065888002";
  private static final String PARTNER = "901234";
  private static final AtomicInteger numbers = new AtomicInteger();

  private static Gateway gateway;
  private static MoSourceClient handsets;
  private static EvidenceClient api;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start("refunds_settlement");
    handsets = new MoSourceClient(gateway.smppAddress().getPort(), "mo", "mo");
    api = new EvidenceClient(gateway.adminPort());
  }

  @AfterAll
  static void stop() {
    handsets.close();
    gateway.close();
  }

  private static String handset() {
    return "86137" + String.format("%08d", numbers.incrementAndGet());
  }

  /** A charge as the history shows it. */
  private record Charge(String key, long feeFen, Instant at) {}

  /** Subscribes {@code h} to TQ and confirms: one charge of 200 fen. */
  private static Charge subscribedToTq(String h) throws Exception {
    handsets.say(h, TQ, "KT TQ", WAIT);
    handsets.say(h, TQ, "是", WAIT);
    return onlyCharge(h, "TQ");
  }

  /** One use of XW: one charge of 50 fen. */
  private static Charge usedXw(String h) throws Exception {
    String mo = handsets.say(h, PORT, "DG XW", WAIT);
    Charge charge = onlyCharge(h, "XW");
    assertThat(charge.key()).isEqualTo("use-" + mo);
    return charge;
  }

  private static Charge onlyCharge(String h, String product) {
    List<JsonNode> charges = events(h, "CHARGED");
    JsonNode c =
        charges.stream()
            .filter(e -> e.path("product").asText().equals(product))
            .reduce(
                (a, b) -> {
                  throw new AssertionError("two charges of " + product + ": " + charges);
                })
            .orElseThrow(() -> new AssertionError("no charge of " + product));
    return new Charge(
        c.path("key").asText(), c.path("feeFen").asLong(), Instant.parse(c.path("at").asText()));
  }

  private static List<JsonNode> events(String msisdn, String type) {
    EvidenceClient.Answer answer =
        api.get("/api/subscribers/" + msisdn + "/history", TestGateway.VIEWER_TOKEN);
    assertThat(answer.status()).isEqualTo(200);
    List<JsonNode> found = new ArrayList<>();
    answer
        .body()
        .path("events")
        .forEach(
            e -> {
              if (e.path("type").asText().equals(type)) {
                found.add(e);
              }
            });
    return found;
  }

  private static String body(String chargeKey, String msisdn, long amountFen, String reason) {
    return """
    {"chargeKey": "%s", "msisdn": "%s", "amountFen": %d, "reason": "%s"}\
    """
        .formatted(chargeKey, msisdn, amountFen, reason);
  }

  private static EvidenceClient.Answer refund(String json) {
    return api.post("/api/refunds", TestGateway.OPERATOR_TOKEN, json);
  }

  private static List<JsonNode> auditOf(String chargeKey) {
    EvidenceClient.Answer answer =
        api.get("/api/audit?entity=charge:" + chargeKey, TestGateway.VIEWER_TOKEN);
    assertThat(answer.status()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    answer.body().path("entries").forEach(entries::add);
    return entries;
  }

  private LocalDate dayOf(Instant at) {
    return LocalDate.ofInstant(at, gateway.config().pipeline().zone());
  }

  /** The data rows of the partner's CDR file of {@code day}, split into fields. */
  private static List<String[]> csvRows(LocalDate day) {
    EvidenceClient.Answer answer =
        api.get("/api/partners/" + PARTNER + "/cdrs.csv?day=" + day, TestGateway.VIEWER_TOKEN);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType().replace(" ", "").toLowerCase())
        .isEqualTo("text/csv;charset=utf-8");
    String[] lines = answer.raw().body().split("\r\n", -1);
    assertThat(lines[0]).isEqualTo(String.join(",", CdrExporter.COLUMNS));
    assertThat(lines[lines.length - 1]).as("the file ends with CRLF").isEmpty();
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.length - 1; i++) {
      rows.add(lines[i].split(",", -1));
    }
    return rows;
  }

  private static int column(String name) {
    return CdrExporter.COLUMNS.indexOf(name);
  }

  @Test
  void aPartialRefundIsAuditedRecordedAsANegativeCdrAndShownInTheHistory() throws Exception {
    String h = handset();
    Charge charge = subscribedToTq(h);

    EvidenceClient.Answer answer = refund(body(charge.key(), h, 80, "投诉：三天未收到天气短信"));

    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    JsonNode made = answer.body();
    assertThat(made.path("status").asText()).isEqualTo("SUCCESS");
    assertThat(made.path("transactionId").asText()).isNotBlank();
    assertThat(made.path("chargeKey").asText()).isEqualTo(charge.key());
    assertThat(made.path("amountFen").asLong()).isEqualTo(80);
    assertThat(made.path("chargedFen").asLong()).isEqualTo(200);
    assertThat(made.path("refundedFen").asLong()).isEqualTo(80);
    assertThat(made.path("replayed").asBoolean()).isFalse();
    String refundKey = made.path("refundKey").asText();
    assertThat(refundKey).startsWith(RefundKeys.DERIVED_PREFIX);

    List<JsonNode> audit = auditOf(charge.key());
    assertThat(audit).hasSize(1);
    JsonNode entry = audit.get(0);
    assertThat(entry.path("actor").asText()).isEqualTo("ops");
    assertThat(entry.path("action").asText()).isEqualTo(RefundAudit.REFUNDED);
    assertThat(entry.path("before").path("refundedFen").asLong()).isZero();
    assertThat(entry.path("before").has("refund")).isFalse();
    assertThat(entry.path("after").path("refundedFen").asLong()).isEqualTo(80);
    assertThat(entry.path("after").path("refund").path("key").asText()).isEqualTo(refundKey);
    assertThat(entry.path("after").path("refund").path("reason").asText())
        .isEqualTo("投诉：三天未收到天气短信");

    List<JsonNode> refunds = events(h, "REFUNDED");
    assertThat(refunds).hasSize(1);
    JsonNode shown = refunds.get(0);
    assertThat(shown.path("key").asText()).isEqualTo(refundKey);
    assertThat(shown.path("chargeKey").asText()).isEqualTo(charge.key());
    assertThat(shown.path("feeFen").asLong()).isEqualTo(-80);
    assertThat(shown.path("amountFen").asLong()).isEqualTo(80);
    assertThat(shown.path("product").asText()).isEqualTo("TQ");
    assertThat(shown.path("partner").asText()).isEqualTo(PARTNER);
    assertThat(shown.path("transactionId").asText()).isEqualTo(made.path("transactionId").asText());
    assertThat(shown.path("reason").asText()).isEqualTo("投诉：三天未收到天气短信");
    assertThat(shown.path("requestedBy").asText()).isEqualTo("ops");
    assertThat(Instant.parse(shown.path("at").asText())).isAfterOrEqualTo(charge.at());

    List<String[]> cdr =
        csvRows(dayOf(Instant.parse(shown.path("at").asText()))).stream()
            .filter(r -> r[column("idempotency_key")].equals(refundKey))
            .toList();
    assertThat(cdr).hasSize(1);
    assertThat(cdr.get(0)[column("type")]).isEqualTo("REFUND");
    assertThat(cdr.get(0)[column("fee_fen")]).isEqualTo("-80");
    assertThat(cdr.get(0)[column("charge_key")]).isEqualTo(charge.key());
    assertThat(cdr.get(0)[column("billed_number")]).isEqualTo(h);
  }

  @Test
  void sendingTheSameRefundAgainRefundsOnce() throws Exception {
    String h = handset();
    Charge charge = subscribedToTq(h);
    String json = body(charge.key(), h, 50, "重复扣费");

    EvidenceClient.Answer first = refund(json);
    EvidenceClient.Answer again = refund(json);

    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("refundKey").asText())
        .isEqualTo(first.body().path("refundKey").asText());
    assertThat(again.body().path("transactionId").asText())
        .isEqualTo(first.body().path("transactionId").asText());
    assertThat(again.body().path("replayed").asBoolean()).isTrue();
    assertThat(again.body().path("refundedFen").asLong()).isEqualTo(50);
    assertThat(events(h, "REFUNDED")).hasSize(1);
  }

  @Test
  void aRefundBeyondWhatIsLeftIsRefusedWithTheBillingSystemsExplanation() throws Exception {
    String h = handset();
    Charge charge = subscribedToTq(h);
    assertThat(refund(body(charge.key(), h, 150, "部分退款")).status()).isEqualTo(200);

    EvidenceClient.Answer beyond = refund(body(charge.key(), h, 51, "再退一点"));

    assertThat(beyond.status()).isEqualTo(409);
    assertThat(beyond.field()).isEqualTo("amountFen");
    assertThat(beyond.message()).contains("51 fen exceeds the 50 fen left");
    assertThat(events(h, "REFUNDED")).hasSize(1);
    List<JsonNode> audit = auditOf(charge.key());
    assertThat(audit)
        .extracting(e -> e.path("action").asText())
        .containsExactly(RefundAudit.REFUSED, RefundAudit.REFUNDED);
    assertThat(audit.get(0).path("after").path("refund").path("status").asText())
        .isEqualTo("REJECTED");
    assertThat(refund(body(charge.key(), h, 50, "余额退回")).status())
        .as("what is left can still be refunded")
        .isEqualTo(200);
  }

  @Test
  void aRefundNeedsAReason() throws Exception {
    String h = handset();
    Charge charge = usedXw(h);

    EvidenceClient.Answer missing =
        refund(
            "{\"chargeKey\": \"%s\", \"msisdn\": \"%s\", \"amountFen\": 10}"
                .formatted(charge.key(), h));
    EvidenceClient.Answer blank = refund(body(charge.key(), h, 10, "   "));

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.field()).isEqualTo("reason");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.field()).isEqualTo("reason");
    assertThat(events(h, "REFUNDED")).isEmpty();
    assertThat(auditOf(charge.key())).isEmpty();
  }

  @Test
  void aRefundRequestIsCheckedFieldByField() {
    String h = "8613700000000";
    assertThat(refund("{\"msisdn\": \"" + h + "\", \"amountFen\": 1, \"reason\": \"x\"}").field())
        .isEqualTo("chargeKey");
    assertThat(refund(body("use-1", "12ab5678", 1, "x")).field()).isEqualTo("msisdn");
    assertThat(refund(body("use-1", h, 0, "x")).field()).isEqualTo("amountFen");
    assertThat(refund(body("use-1", h, -5, "x")).field()).isEqualTo("amountFen");
    assertThat(
            refund(
                    "{\"chargeKey\": \"use-1\", \"msisdn\": \"%s\", \"amountFen\": \"ten\", \"reason\": \"x\"}"
                        .formatted(h))
                .field())
        .isEqualTo("amountFen");
    EvidenceClient.Answer unknown =
        refund(
            "{\"chargeKey\": \"use-1\", \"msisdn\": \"%s\", \"amountFen\": 1, \"reasn\": \"x\"}"
                .formatted(h));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.field()).isEqualTo("reasn");
    assertThat(refund(body("use-1", h, 1, "x".repeat(501))).field()).isEqualTo("reason");
    assertThat(refund("").status()).isEqualTo(400);
  }

  @Test
  void onlyOperatorsMayRefund() throws Exception {
    String h = handset();
    Charge charge = usedXw(h);
    String json = body(charge.key(), h, 10, "测试");

    assertThat(api.post("/api/refunds", TestGateway.VIEWER_TOKEN, json).status()).isEqualTo(403);
    assertThat(api.post("/api/refunds", null, json).status()).isEqualTo(401);
    assertThat(events(h, "REFUNDED")).isEmpty();
  }

  @Test
  void aChargeNotOnRecordIs404AndAnotherNumbersChargeIs409() throws Exception {
    String h = handset();
    String other = handset();
    Charge charge = usedXw(h);

    EvidenceClient.Answer unknown = refund(body("use-999999999", h, 10, "投诉"));
    EvidenceClient.Answer wrongNumber = refund(body(charge.key(), other, 10, "投诉"));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.field()).isEqualTo("chargeKey");
    assertThat(unknown.message()).contains("use-999999999");
    assertThat(wrongNumber.status()).isEqualTo(409);
    assertThat(wrongNumber.field()).isEqualTo("msisdn");
    assertThat(events(h, "REFUNDED")).isEmpty();
    assertThat(auditOf(charge.key())).isEmpty();
  }

  @Test
  void anIdempotencyKeyHeaderSeparatesRefundsAndRepeatsThem() throws Exception {
    String h = handset();
    Charge charge = subscribedToTq(h);
    String json = body(charge.key(), h, 20, "补偿");

    EvidenceClient.Answer a =
        api.post(
            "/api/refunds", TestGateway.OPERATOR_TOKEN, json, Map.of("Idempotency-Key", "tkt-1"));
    EvidenceClient.Answer b =
        api.post(
            "/api/refunds", TestGateway.OPERATOR_TOKEN, json, Map.of("Idempotency-Key", "tkt-2"));
    EvidenceClient.Answer aAgain =
        api.post(
            "/api/refunds", TestGateway.OPERATOR_TOKEN, json, Map.of("Idempotency-Key", "tkt-1"));
    EvidenceClient.Answer bad =
        api.post(
            "/api/refunds", TestGateway.OPERATOR_TOKEN, json, Map.of("Idempotency-Key", "tkt 3!"));

    assertThat(a.body().path("refundKey").asText()).isEqualTo(RefundKeys.CLIENT_PREFIX + "tkt-1");
    assertThat(a.body().path("refundedFen").asLong()).isEqualTo(20);
    assertThat(b.body().path("refundedFen").asLong()).isEqualTo(40);
    assertThat(aAgain.body().path("replayed").asBoolean()).isTrue();
    assertThat(aAgain.body().path("refundedFen").asLong()).isEqualTo(40);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.field()).isEqualTo("Idempotency-Key");
    assertThat(events(h, "REFUNDED")).hasSize(2);
  }

  @Test
  void theDailyCdrFileHasTheDaysChargesAndRefundsOfThePartner() throws Exception {
    String h = handset();
    Charge tq = subscribedToTq(h);
    Charge xw = usedXw(h);
    assertThat(refund(body(xw.key(), h, 30, "点播失败")).status()).isEqualTo(200);

    List<String[]> mine =
        csvRows(dayOf(xw.at())).stream().filter(r -> r[column("billed_number")].equals(h)).toList();

    assertThat(mine).hasSize(3);
    assertThat(mine)
        .extracting(
            r -> r[column("type")] + " " + r[column("product_code")] + " " + r[column("fee_fen")])
        .containsExactly("CHARGE TQ 200", "CHARGE XW 50", "REFUND XW -30");
    assertThat(mine.get(0)[column("idempotency_key")]).isEqualTo(tq.key());
    assertThat(mine.get(1)[column("idempotency_key")]).isEqualTo(xw.key());
    assertThat(mine.get(1)[column("causing_mo_id")]).isEqualTo(xw.key().substring("use-".length()));
    assertThat(mine.get(1)[column("message_id")]).isEqualTo(xw.key().substring("use-".length()));
    assertThat(mine.get(2)[column("charge_key")]).isEqualTo(xw.key());
    assertThat(mine).allSatisfy(r -> assertThat(r[column("partner_code")]).isEqualTo(PARTNER));
    assertThat(csvRows(dayOf(xw.at()).minusDays(3)))
        .noneMatch(r -> r[column("billed_number")].equals(h));
  }

  @Test
  void theCdrFileRefusesABadDayAnUnknownPartnerAndABadCode() {
    EvidenceClient.Answer noDay =
        api.get("/api/partners/" + PARTNER + "/cdrs.csv", TestGateway.VIEWER_TOKEN);
    EvidenceClient.Answer badDay =
        api.get("/api/partners/" + PARTNER + "/cdrs.csv?day=2025-02-30", TestGateway.VIEWER_TOKEN);
    EvidenceClient.Answer unknown =
        api.get("/api/partners/999999/cdrs.csv?day=2025-03-01", TestGateway.VIEWER_TOKEN);
    EvidenceClient.Answer badCode =
        api.get("/api/partners/90.12/cdrs.csv?day=2025-03-01", TestGateway.VIEWER_TOKEN);

    assertThat(noDay.status()).isEqualTo(400);
    assertThat(noDay.field()).isEqualTo("day");
    assertThat(badDay.status()).isEqualTo(400);
    assertThat(badDay.field()).isEqualTo("day");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.message()).contains("999999");
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.field()).isEqualTo("code");
    assertThat(api.get("/api/partners/" + PARTNER + "/cdrs.csv?day=2025-03-01", null).status())
        .isEqualTo(401);
  }

  @Test
  void theSettlementAddsUpAndAgreesWithTheDaysCdrFile() throws Exception {
    String h = handset();
    subscribedToTq(h);
    Charge xw = usedXw(h);
    assertThat(refund(body(xw.key(), h, 25, "结算测试")).status()).isEqualTo(200);
    LocalDate day = dayOf(xw.at());

    EvidenceClient.Answer answer =
        api.get("/api/settlement?from=" + day + "&to=" + day, TestGateway.VIEWER_TOKEN);

    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    JsonNode report = answer.body();
    assertThat(report.path("from").asText()).isEqualTo(day.toString());
    assertThat(report.path("zone").asText()).isEqualTo(gateway.config().pipeline().zone().getId());
    long[] sums = new long[7];
    String[] figures = {
      "chargeCount",
      "chargedFen",
      "refundCount",
      "refundedFen",
      "totalFen",
      "operatorFen",
      "partnerFen"
    };
    for (JsonNode row : report.path("rows")) {
      assertThat(row.path("operatorFen").asLong() + row.path("partnerFen").asLong())
          .isEqualTo(row.path("totalFen").asLong());
      assertThat(row.path("chargedFen").asLong() - row.path("refundedFen").asLong())
          .isEqualTo(row.path("totalFen").asLong());
      for (int i = 0; i < figures.length; i++) {
        sums[i] += row.path(figures[i]).asLong();
      }
    }
    for (int i = 0; i < figures.length; i++) {
      assertThat(report.path("totals").path(figures[i]).asLong()).as(figures[i]).isEqualTo(sums[i]);
    }
    JsonNode tqRow = row(report, "TQ");
    assertThat(tqRow.path("revenueShare").asText()).isEqualTo("6:4");
    assertThat(tqRow.path("partnerFen").asLong())
        .isEqualTo(tqRow.path("totalFen").asLong() * 4 / 10);
    JsonNode xwRow = row(report, "XW");
    assertThat(xwRow.path("chargeType").asText()).isEqualTo("PER_USE");
    assertThat(xwRow.path("refundCount").asLong()).isPositive();

    List<String[]> csv = csvRows(day);
    long csvNet = 0;
    long csvCharges = 0;
    long csvRefunds = 0;
    for (String[] r : csv) {
      long fee = Long.parseLong(r[column("fee_fen")]);
      csvNet += fee;
      csvCharges += r[column("type")].equals("CHARGE") && fee > 0 ? 1 : 0;
      csvRefunds += r[column("type")].equals("REFUND") ? 1 : 0;
    }
    assertThat(report.path("totals").path("totalFen").asLong()).isEqualTo(csvNet);
    assertThat(report.path("totals").path("chargeCount").asLong()).isEqualTo(csvCharges);
    assertThat(report.path("totals").path("refundCount").asLong()).isEqualTo(csvRefunds);
    assertThat(report.path("partners")).hasSize(1);
    assertThat(report.path("partners").get(0).path("totals")).isEqualTo(report.path("totals"));
    assertThat(report.path("dailyTotals").get(0).path("totals").path("totalFen").asLong())
        .isEqualTo(csvNet);

    JsonNode onlyOthers =
        api.get(
                "/api/settlement?from=" + day + "&to=" + day + "&partner=777777",
                TestGateway.VIEWER_TOKEN)
            .body();
    assertThat(onlyOthers.path("rows")).isEmpty();
    assertThat(onlyOthers.path("totals").path("totalFen").asLong()).isZero();
  }

  private static JsonNode row(JsonNode report, String product) {
    for (JsonNode row : report.path("rows")) {
      if (row.path("productCode").asText().equals(product)) {
        return row;
      }
    }
    throw new AssertionError("no settlement row of " + product + " in " + report);
  }

  @Test
  void theSettlementRefusesBadRangesNamingTheParameter() {
    String path = "/api/settlement";
    assertThat(api.get(path + "?to=2025-03-01", TestGateway.VIEWER_TOKEN).field())
        .isEqualTo("from");
    assertThat(api.get(path + "?from=2025-03-01", TestGateway.VIEWER_TOKEN).field())
        .isEqualTo("to");
    assertThat(api.get(path + "?from=03/01/2025&to=2025-03-02", TestGateway.VIEWER_TOKEN).field())
        .isEqualTo("from");
    EvidenceClient.Answer reversed =
        api.get(path + "?from=2025-03-02&to=2025-03-01", TestGateway.VIEWER_TOKEN);
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.field()).isEqualTo("to");
    EvidenceClient.Answer tooLong =
        api.get(path + "?from=2024-01-01&to=2025-01-01", TestGateway.VIEWER_TOKEN);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.field()).isEqualTo("to");
    assertThat(api.get(path + "?from=2024-01-01&to=2024-12-31", TestGateway.VIEWER_TOKEN).status())
        .as("366 days, a leap year, is allowed")
        .isEqualTo(200);
    assertThat(
            api.get(path + "?from=2025-03-01&to=2025-03-01&partner=a%20b", TestGateway.VIEWER_TOKEN)
                .field())
        .isEqualTo("partner");
  }
}
