package io.vasgate.admin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vasgate.app.Gateway;
import io.vasgate.app.MoSourceClient;
import io.vasgate.app.TestGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A subscriber's history and staff refunds over real HTTP, against a whole gateway that real
 * handset commands went through: the MO router binds as {@code mo} and submits what handsets type
 * to the sample catalog's numbers.
 */
class SubscriberEvidenceTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PORT = "10658880";
  private static final String TQ = "1065888002";
  private static final AtomicInteger numbers = new AtomicInteger();

  private static Gateway gateway;
  private static MoSourceClient handsets;
  private static EvidenceClient api;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start("subscriber_evidence");
    handsets = new MoSourceClient(gateway.smppAddress().getPort(), "mo", "mo");
    api = new EvidenceClient(gateway.adminPort());
  }

  @AfterAll
  static void stop() {
    handsets.close();
    gateway.close();
  }

  /** A handset number no other test uses. */
  private static String handset() {
    return "86139" + String.format("%08d", numbers.incrementAndGet());
  }

  private static String say(String handset, String to, String text) throws Exception {
    return handsets.say(handset, to, text, WAIT);
  }

  private static JsonNode history(String msisdn, String query) {
    EvidenceClient.Answer answer =
        api.get("/api/subscribers/" + msisdn + "/history" + query, TestGateway.VIEWER_TOKEN);
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return answer.body();
  }

  /**
   * The history once the journal has caught up: every MO processed and every reply answered by the
   * peer (both are recorded just after the handset has its reply).
   */
  private static List<JsonNode> settledHistory(String msisdn) {
    List<JsonNode> events = new ArrayList<>();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              events.clear();
              history(msisdn, "").path("events").forEach(events::add);
              return events.stream()
                  .allMatch(
                      e ->
                          !(type(e, "MO_RECEIVED") && e.path("status").asText().equals("RECEIVED"))
                              && !(type(e, "REPLY_SENT")
                                  && e.path("state").asText().equals("SENT")));
            });
    return events;
  }

  private static boolean type(JsonNode event, String type) {
    return event.path("type").asText().equals(type);
  }

  private static int indexOf(List<JsonNode> events, Predicate<JsonNode> wanted) {
    for (int i = 0; i < events.size(); i++) {
      if (wanted.test(events.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no such event in " + events);
  }

  @Test
  void historyTellsTheOrderFromFirstMessageToChargeInTimeOrder() throws Exception {
    String h = handset();
    String order = say(h, TQ, "KT TQ");
    String confirm = say(h, TQ, "是");

    List<JsonNode> events = settledHistory(h);

    int orderMo =
        indexOf(events, e -> type(e, "MO_RECEIVED") && e.path("messageId").asText().equals(order));
    int created = indexOf(events, e -> type(e, "SUBSCRIPTION_CREATED"));
    int prompt =
        indexOf(events, e -> type(e, "REPLY_SENT") && e.path("answersMo").asText().equals(order));
    int confirmMo =
        indexOf(
            events, e -> type(e, "MO_RECEIVED") && e.path("messageId").asText().equals(confirm));
    int active =
        indexOf(events, e -> type(e, "STATE_CHANGED") && e.path("to").asText().equals("ACTIVE"));
    int charged = indexOf(events, e -> type(e, "CHARGED"));
    int done =
        indexOf(events, e -> type(e, "REPLY_SENT") && e.path("answersMo").asText().equals(confirm));
    assertThat(orderMo).isLessThan(created);
    assertThat(created).isLessThan(prompt);
    assertThat(prompt).isLessThan(confirmMo);
    assertThat(confirmMo).isLessThan(charged).isLessThan(active);
    assertThat(charged).isLessThan(done);
    assertThat(active).isLessThan(done);
    for (int i = 1; i < events.size(); i++) {
      assertThat(Instant.parse(events.get(i).path("at").asText()))
          .isAfterOrEqualTo(Instant.parse(events.get(i - 1).path("at").asText()));
    }

    JsonNode mo = events.get(orderMo);
    assertThat(mo.path("from").asText()).isEqualTo(h);
    assertThat(mo.path("to").asText()).isEqualTo(TQ);
    assertThat(mo.path("text").asText()).isEqualTo("KT TQ");
    assertThat(mo.path("peer").asText()).isEqualTo("mo");
    assertThat(mo.path("session").asLong()).isPositive();
    assertThat(mo.path("status").asText()).isEqualTo("PROCESSED");
    assertThat(mo.path("command").asText()).isEqualTo("SUBSCRIBE");
    assertThat(mo.path("product").asText()).isEqualTo("TQ");

    JsonNode order1 = events.get(created);
    assertThat(order1.path("product").asText()).isEqualTo("TQ");
    assertThat(order1.path("state").asText()).isEqualTo("PENDING_CONFIRMATION");
    assertThat(order1.path("priceFen").asLong()).isEqualTo(200);
    assertThat(order1.path("causeMo").asText()).isEqualTo(order);

    JsonNode ask = events.get(prompt);
    assertThat(ask.path("text").asText()).contains("天气").contains("是");
    assertThat(ask.path("from").asText()).isEqualTo(TQ);
    assertThat(ask.path("to").asText()).isEqualTo(h);
    assertThat(ask.path("state").asText()).isEqualTo("ACKED");
    assertThat(ask.path("peerStatus").asInt()).isZero();
    assertThat(ask.path("parts").asInt()).isEqualTo(ask.path("messageIds").size()).isPositive();

    JsonNode charge = events.get(charged);
    assertThat(charge.path("key").asText())
        .isEqualTo("order-" + order1.path("subscriptionId").asLong());
    assertThat(charge.path("feeFen").asLong()).isEqualTo(200);
    assertThat(charge.path("product").asText()).isEqualTo("TQ");
    assertThat(charge.path("partner").asText()).isEqualTo("901234");
    assertThat(charge.path("chargeType").asText()).isEqualTo("MONTHLY");
    assertThat(charge.path("reason").asText()).isEqualTo("ORDER");
    assertThat(charge.path("causeMo").asText()).isEqualTo(confirm);
    assertThat(charge.path("transactionId").asText()).isNotBlank();
    assertThat(events.get(active).path("causeMo").asText()).isEqualTo(confirm);
    assertThat(events.get(done).path("text").asText()).contains("成功订购");
  }

  @Test
  void aUseOfAPerUseProductShowsItsChargeAndTheMoThatCausedIt() throws Exception {
    String h = handset();
    String use = say(h, PORT, "DG XW");

    List<JsonNode> events = settledHistory(h);

    JsonNode charge = events.get(indexOf(events, e -> type(e, "CHARGED")));
    assertThat(charge.path("key").asText()).isEqualTo("use-" + use);
    assertThat(charge.path("feeFen").asLong()).isEqualTo(50);
    assertThat(charge.path("chargeType").asText()).isEqualTo("PER_USE");
    assertThat(charge.path("reason").asText()).isEqualTo("PER_USE");
    assertThat(charge.path("causeMo").asText()).isEqualTo(use);
    assertThat(events).noneMatch(e -> type(e, "SUBSCRIPTION_CREATED"));
  }

  @Test
  void aNumberWithNoRecordsHasAnEmptyHistoryNotA404() {
    JsonNode page = history("8613000000000", "");
    assertThat(page.path("msisdn").asText()).isEqualTo("8613000000000");
    assertThat(page.path("events").isArray()).isTrue();
    assertThat(page.path("events")).isEmpty();
    assertThat(page.path("count").asInt()).isZero();
    assertThat(page.path("truncated").asBoolean()).isFalse();
  }

  @Test
  void historyLimitsAndFiltersByTime() throws Exception {
    String h = handset();
    say(h, TQ, "KT TQ");
    String confirm = say(h, TQ, "是");
    List<JsonNode> all = settledHistory(h);
    assertThat(all.size()).isGreaterThan(3);

    JsonNode first2 = history(h, "?limit=2");
    assertThat(first2.path("events")).hasSize(2);
    assertThat(first2.path("events").get(0)).isEqualTo(all.get(0));
    assertThat(first2.path("events").get(1)).isEqualTo(all.get(1));
    assertThat(first2.path("truncated").asBoolean()).isTrue();
    assertThat(first2.path("nextFrom").asText()).isEqualTo(all.get(2).path("at").asText());

    String confirmedAt =
        all.get(indexOf(all, e -> e.path("messageId").asText().equals(confirm)))
            .path("at")
            .asText();
    JsonNode after = history(h, "?from=" + confirmedAt);
    assertThat(after.path("events").get(0).path("at").asText()).isEqualTo(confirmedAt);
    assertThat(after.path("events")).anyMatch(e -> type(e, "CHARGED"));
    assertThat(after.path("events")).noneMatch(e -> type(e, "SUBSCRIPTION_CREATED"));
    JsonNode before = history(h, "?to=" + confirmedAt);
    assertThat(before.path("events")).noneMatch(e -> e.path("messageId").asText().equals(confirm));
    assertThat(before.path("events")).noneMatch(e -> type(e, "CHARGED"));
    assertThat(before.path("events").size() + after.path("events").size()).isEqualTo(all.size());
  }

  @Test
  void historyRefusesABadNumberOrFilterNamingIt() {
    String base = "/api/subscribers/";
    EvidenceClient.Answer letters = api.get(base + "13800abc000/history", TestGateway.VIEWER_TOKEN);
    assertThat(letters.status()).isEqualTo(400);
    assertThat(letters.field()).isEqualTo("msisdn");
    assertThat(api.get(base + "1234/history", TestGateway.VIEWER_TOKEN).field())
        .isEqualTo("msisdn");
    assertThat(api.get(base + "1".repeat(21) + "/history", TestGateway.VIEWER_TOKEN).field())
        .isEqualTo("msisdn");
    EvidenceClient.Answer from =
        api.get(base + "8613800138000/history?from=yesterday", TestGateway.VIEWER_TOKEN);
    assertThat(from.status()).isEqualTo(400);
    assertThat(from.field()).isEqualTo("from");
    EvidenceClient.Answer reversed =
        api.get(
            base + "8613800138000/history?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z",
            TestGateway.VIEWER_TOKEN);
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.field()).isEqualTo("to");
    EvidenceClient.Answer limit =
        api.get(base + "8613800138000/history?limit=0", TestGateway.VIEWER_TOKEN);
    assertThat(limit.status()).isEqualTo(400);
    assertThat(limit.field()).isEqualTo("limit");
    assertThat(api.get(base + "8613800138000/history", null).status()).isEqualTo(401);
  }
}
