package io.vasgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudhopper.smpp.pdu.SubmitSmResp;
import io.vasgate.app.Gateway;
import io.vasgate.app.MoSourceClient;
import io.vasgate.app.MoSourceClient.Reply;
import io.vasgate.app.TestGateway;
import io.vasgate.billing.charging.ManualInstantSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Second confirmation against the clock, end to end: a handset orders 天气 (TQ, 2元/月, 24-hour window)
 * over a real SMPP bind and confirms before or after the window closes. The gateway's clock is a
 * manual one; the window is closed by moving it past the deadline the order was given and running
 * the pending-order expiry, as the pipeline's job does every minute.
 */
class ConfirmationWindowTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PORT = "10658880";
  private static final String TQ = "1065888002";
  private static final AtomicInteger numbers = new AtomicInteger();

  private static final ManualInstantSource clock = new ManualInstantSource(Instant.now());
  private static Gateway gateway;
  private static MoSourceClient mo;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start("confirmation_window", clock);
    mo = new MoSourceClient(gateway.smppAddress().getPort(), "mo", "mo");
  }

  @AfterAll
  static void stop() {
    mo.close();
    gateway.close();
  }

  /**
   * Each test starts with the gateway's clock at the system's: the handset pipeline still reads the
   * system clock (see {@link Gateway#start(io.vasgate.config.GatewayConfig,
   * io.vasgate.persistence.Database, java.time.InstantSource)}), so orders are stamped with it.
   */
  @BeforeEach
  void resetClock() {
    clock.set(Instant.now());
  }

  @Test
  void confirmingAfterTheWindowClosedIsAnsweredExpiredAndNothingIsCharged() throws Exception {
    String h = handset();
    Reply prompt = say(h, TQ, "KT TQ");
    assertThat(prompt.text()).contains("天气").contains("2元/月").contains("24小时").contains("是");
    Order order = onlyOrder(h);
    assertThat(order.state()).isEqualTo("PENDING_CONFIRMATION");
    assertThat(Duration.between(order.createdAt(), order.confirmDeadline()))
        .isEqualTo(Duration.ofHours(24));

    clock.set(order.confirmDeadline().plusSeconds(1));
    assertThat(expirePendingOrders()).isGreaterThanOrEqualTo(1);
    Reply late = say(h, TQ, "是");

    assertThat(late.text()).contains("天气").contains("确认已超时").contains("不会收费");
    assertThat(late.text()).doesNotContain("成功订购");
    assertThat(onlyOrder(h).state()).isEqualTo("EXPIRED");
    assertThat(transitionsTo(h, "EXPIRED")).singleElement().asString().contains("not charged");
    assertNothingCharged(h);
    assertThat(say(h, PORT, "0000").text()).contains("没有订购任何业务");
  }

  @Test
  void confirmingJustBeforeTheWindowClosesSubscribesAndChargesOnce() throws Exception {
    String h = handset();
    say(h, TQ, "KT　TQ");
    Order order = onlyOrder(h);

    clock.set(order.confirmDeadline().minusSeconds(60));
    expirePendingOrders();
    assertThat(onlyOrder(h).state()).isEqualTo("PENDING_CONFIRMATION");
    Reply confirmed = say(h, TQ, "是");

    assertThat(confirmed.text()).contains("成功订购").contains("天气").contains("2元/月");
    assertThat(onlyOrder(h).state()).isEqualTo("ACTIVE");
    assertThat(cdrFeesFen(h)).containsExactly(200L);
    assertThat(ledgerCharges(h)).isEqualTo(1);
  }

  @Test
  void orderingAgainAfterTheWindowClosedAsksForConfirmationAfresh() throws Exception {
    String h = handset();
    say(h, TQ, "KT TQ");
    clock.set(onlyOrder(h).confirmDeadline().plusSeconds(1));
    expirePendingOrders();

    Reply again = say(h, TQ, "KT TQ");

    assertThat(again.text()).contains("您将订购天气").contains("2元/月").contains("24小时");
    assertThat(again.text()).doesNotContain("已订购").doesNotContain("超时");
    assertThat(orders(h))
        .extracting(Order::state)
        .containsExactly("EXPIRED", "PENDING_CONFIRMATION");
    assertNothingCharged(h);

    Reply confirmed = say(h, TQ, "Y");
    assertThat(confirmed.text()).contains("成功订购").contains("天气");
    assertThat(orders(h)).extracting(Order::state).containsExactly("EXPIRED", "ACTIVE");
    assertThat(cdrFeesFen(h)).containsExactly(200L);
  }

  /**
   * The handset's own confirmation finds the window closed before the expiry job has run: the order
   * is expired there and then, judged by the gateway's own clock.
   */
  @Test
  void confirmingAfterTheWindowBeforeTheExpiryJobRanIsAnsweredExpired() throws Exception {
    String h = handset();
    say(h, TQ, "KT TQ");
    clock.set(onlyOrder(h).confirmDeadline().plusSeconds(1));

    Reply late = say(h, TQ, "是");

    assertThat(late.text()).contains("天气").contains("确认已超时").contains("不会收费");
    assertThat(onlyOrder(h).state()).isEqualTo("EXPIRED");
    assertNothingCharged(h);
  }

  // ---------------------------------------------------------------- handsets and replies

  /** A handset number no other test uses. */
  private static String handset() {
    return "86139" + String.format("%08d", numbers.incrementAndGet());
  }

  private static Reply say(String handset, String to, String text) throws Exception {
    SubmitSmResp resp = mo.send(handset, to, text);
    assertThat(resp.getCommandStatus()).as("submit_sm_resp to '%s'", text).isZero();
    Reply reply = mo.nextReply(WAIT);
    assertThat(reply).as("reply to '%s'", text).isNotNull();
    assertThat(reply.to()).isEqualTo(handset);
    assertThat(reply.from()).isEqualTo(to);
    return reply;
  }

  /** Runs the pending-order expiry at the gateway clock's time, as the pipeline's job would. */
  private static int expirePendingOrders() throws Exception {
    return gateway
        .pipeline()
        .subscriptions()
        .expirePending(clock.instant())
        .get(10, TimeUnit.SECONDS);
  }

  // ---------------------------------------------------------------- what the database holds

  private record Order(String state, Instant createdAt, Instant confirmDeadline) {}

  private static Order onlyOrder(String msisdn) throws SQLException {
    List<Order> orders = orders(msisdn);
    assertThat(orders).hasSize(1);
    return orders.get(0);
  }

  private static List<Order> orders(String msisdn) throws SQLException {
    List<Order> orders = new ArrayList<>();
    query(
        "SELECT state, created_at, confirm_deadline FROM subscription WHERE msisdn = ? ORDER BY id",
        msisdn,
        rs -> orders.add(new Order(rs.getString(1), utc(rs, 2), utc(rs, 3))));
    return orders;
  }

  /** The details of the number's transitions into {@code state}. */
  private static List<String> transitionsTo(String msisdn, String state) throws SQLException {
    List<String> details = new ArrayList<>();
    query(
        "SELECT detail FROM subscription_transition WHERE msisdn = ? AND to_state = '"
            + state
            + "' ORDER BY id",
        msisdn,
        rs -> details.add(rs.getString(1)));
    return details;
  }

  private static List<Long> cdrFeesFen(String msisdn) throws SQLException {
    List<Long> fees = new ArrayList<>();
    query(
        "SELECT fee_fen FROM cdr WHERE billed_number = ? ORDER BY id",
        msisdn,
        rs -> fees.add(rs.getLong(1)));
    return fees;
  }

  private static int ledgerCharges(String msisdn) throws SQLException {
    int[] count = new int[1];
    query(
        "SELECT COUNT(*) FROM ledger_entry WHERE msisdn = ? AND entry_type = 'CHARGE'",
        msisdn,
        rs -> count[0] = rs.getInt(1));
    return count[0];
  }

  private static void assertNothingCharged(String msisdn) throws SQLException {
    assertThat(cdrFeesFen(msisdn)).as("CDRs").isEmpty();
    assertThat(ledgerCharges(msisdn)).as("ledger charges").isZero();
    int[] attempts = new int[1];
    query(
        "SELECT COUNT(*) FROM order_charge WHERE msisdn = ?",
        msisdn,
        rs -> attempts[0] = rs.getInt(1));
    assertThat(attempts[0]).as("charge attempts").isZero();
  }

  /** A {@code DATETIME(3)} column, which holds UTC; null if NULL. */
  private static Instant utc(ResultSet rs, int column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(String sql, String msisdn, Row row) throws SQLException {
    try (Connection c = gateway.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, msisdn);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    }
  }
}
