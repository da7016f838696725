package io.vasgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudhopper.smpp.pdu.SubmitSmResp;
import io.vasgate.app.Gateway;
import io.vasgate.app.MoSourceClient;
import io.vasgate.app.MoSourceClient.Reply;
import io.vasgate.app.TestGateway;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Handset commands end to end: the MO router binds as {@code mo}, submits what handsets typed to
 * the sample catalog's numbers, and reads the gateway's replies; the database shows what was
 * recorded and charged.
 */
class HandsetCommandsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PORT = "10658880";
  private static final String TQ = "1065888002";
  private static final AtomicInteger numbers = new AtomicInteger();

  private static Gateway gateway;
  private static MoSourceClient mo;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start("handset_commands");
    mo = new MoSourceClient(gateway.smppAddress().getPort(), "mo", "mo");
  }

  @AfterAll
  static void stop() {
    mo.close();
    gateway.close();
  }

  /** A handset number no other test uses, so each test starts with no subscriptions. */
  private static String handset() {
    return "86138" + String.format("%08d", numbers.incrementAndGet());
  }

  private static Reply say(String handset, String to, String text) throws Exception {
    SubmitSmResp resp = mo.send(handset, to, text);
    assertThat(resp.getCommandStatus()).isZero();
    assertThat(resp.getMessageId()).matches("[0-9]{1,19}");
    Reply reply = mo.nextReply(WAIT);
    assertThat(reply).as("reply to '%s'", text).isNotNull();
    assertThat(reply.to()).isEqualTo(handset);
    assertThat(reply.from()).isEqualTo(to);
    return reply;
  }

  @Test
  void subscribeAsksForConfirmationAndChargesOnlyAfterIt() throws Exception {
    String h = handset();
    Reply prompt = say(h, TQ, "KT　TQ。");
    assertThat(prompt.text()).contains("天气").contains("2元/月").contains("24小时").contains("是");
    assertThat(charges(h)).isZero();

    Reply confirmed = say(h, TQ, "是");
    assertThat(confirmed.text()).contains("成功订购").contains("天气");
    assertThat(charges(h)).isEqualTo(1);

    Reply again = say(h, TQ, "开通天气");
    assertThat(again.text()).contains("已订购").contains("天气");
    assertThat(charges(h)).isEqualTo(1);
  }

  @Test
  void aConfirmationThatFailsAppliesNothingAndAsksTheUserToTryAgain() throws Exception {
    String h = handset();
    say(h, TQ, "KT TQ");
    execute(
        "CREATE TRIGGER cdr_refused BEFORE INSERT ON cdr FOR EACH ROW"
            + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'cdr store refused'");
    Reply busy;
    try {
      busy = say(h, TQ, "是");
    } finally {
      execute("DROP TRIGGER cdr_refused");
    }

    assertThat(busy.text()).contains("系统繁忙").contains("0000").contains("再试");
    assertThat(charges(h)).isZero();
    assertThat(say(h, TQ, "是").text()).contains("成功订购").contains("天气");
    assertThat(charges(h)).isEqualTo(1);
  }

  @Test
  void aCommandWhoseReplyCannotBeRecordedIsNotCarriedOutAndTheUserIsToldToTryAgain()
      throws Exception {
    String h = handset();
    // The reply's record is written in the command's own transaction: refusing it refuses both.
    execute(
        "CREATE TRIGGER mt_refused BEFORE INSERT ON mt_message FOR EACH ROW BEGIN"
            + " IF NEW.dest_addr = '"
            + h
            + "' AND NEW.text LIKE '%健康%' THEN"
            + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'mt store refused'; END IF; END");
    Reply busy;
    try {
      busy = say(h, PORT, "KT JK");
    } finally {
      execute("DROP TRIGGER mt_refused");
    }
    assertThat(busy.text()).contains("系统繁忙").contains("再试");
    assertThat(jkState(h)).as("no order without its reply").isEmpty();

    assertThat(say(h, PORT, "KT JK").text()).contains("健康");
    assertThat(jkState(h)).contains("ACTIVE");
  }

  private static Optional<String> jkState(String h) throws SQLException {
    try (Connection c = gateway.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT state FROM subscription WHERE msisdn = ? AND product_code = 'JK'")) {
      ps.setString(1, h);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  @Test
  void commandsWorkIsCountedInTheGroupCommitMetrics() throws Exception {
    double before = gateway.metrics().get("vasgate.commit.works").functionCounter().count();
    String h = handset();
    say(h, TQ, "KT TQ");
    say(h, TQ, "是");

    // The subscribe; the confirmation, with the ledger charge, its CDR and the settlement on the
    // same transaction.
    assertThat(gateway.metrics().get("vasgate.commit.works").functionCounter().count())
        .isEqualTo(before + 2);
    assertThat(gateway.metrics().scrape())
        .contains("vasgate_commit_batches_total")
        .contains("vasgate_commit_reruns_total");
  }

  @Test
  void unsubscribeStopsTheSubscriptionAndSaysWhat() throws Exception {
    String h = handset();
    say(h, TQ, "KT TQ");
    say(h, TQ, "Y");
    Reply cancelled = say(h, TQ, "退订");
    assertThat(cancelled.text()).contains("退订").contains("天气").contains("不再收费");
    Reply list = say(h, PORT, "0000");
    assertThat(list.text()).doesNotContain("天气");
  }

  @Test
  void queryListsSubscriptionsAndSelectionCancelsThem() throws Exception {
    String h = handset();
    say(h, PORT, "KT TQ");
    say(h, TQ, "是");
    say(h, PORT, "DG SHBB");
    say(h, "1065888001", "是");
    Reply list = say(h, PORT, "0000");
    assertThat(list.text()).contains("1.").contains("2.").contains("天气").contains("生活播报");
    Reply selected = say(h, PORT, "1，2");
    assertThat(selected.text()).contains("退订");
    Reply after = say(h, PORT, "0000");
    assertThat(after.text()).doesNotContain("天气").doesNotContain("生活播报");
  }

  @Test
  void perUseProductChargesEachUse() throws Exception {
    String h = handset();
    Reply used = say(h, PORT, "DG XW");
    assertThat(used.text()).contains("新闻点播").contains("0.5元");
    say(h, PORT, "DG XW");
    assertThat(charges(h)).isEqualTo(2);
  }

  @Test
  void aFailedChargeActivatesNothingAndSaysWhy() throws Exception {
    String h = handset();
    new io.vasgate.billing.charging.ledger.SubscriberAccountRepository(
            gateway.database().dataSource())
        .save(
            io.vasgate.billing.charging.ledger.SubscriberAccount.prepaid(h, 50),
            java.time.Instant.now());
    say(h, TQ, "KT TQ");
    Reply refused = say(h, TQ, "是");
    assertThat(refused.text()).contains("余额不足").contains("天气");
    assertThat(charges(h)).isZero();
    Reply list = say(h, PORT, "0000");
    assertThat(list.text()).doesNotContain("天气");
  }

  @Test
  void freeProductIsSubscribedWithoutCharge() throws Exception {
    String h = handset();
    Reply reply = say(h, PORT, "KT JK");
    assertThat(reply.text()).contains("健康提示").contains("免费");
    assertThat(charges(h)).isZero();
  }

  @Test
  void trialProductStartsFreeAndSaysWhenChargingStarts() throws Exception {
    String h = handset();
    Reply reply = say(h, PORT, "订购违章提醒");
    assertThat(reply.text()).contains("违章提醒").contains("7天");
    assertThat(charges(h)).isZero();
  }

  @Test
  void mosToANumberNotOursAreRefusedAsAnInvalidDestinationAndNeitherRecordedNorAnswered()
      throws Exception {
    String h = handset();
    SubmitSmResp resp = mo.send(h, "95555", "KT TQ");
    assertThat(resp.getCommandStatus()).as("ESME_RINVDSTADR").isEqualTo(0x0B);
    assertThat(mo.drain(Duration.ofSeconds(2))).isEmpty();
    try (Connection c = gateway.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM mo_message WHERE source_addr = ?")) {
      ps.setString(1, h);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  @Test
  void typoGetsDidYouMeanAndNoAction() throws Exception {
    String h = handset();
    Reply reply = say(h, PORT, "KT TX");
    assertThat(reply.text()).contains("KT TQ");
    assertThat(charges(h)).isZero();
  }

  @Test
  void unknownTextGetsHelpListingTheProducts() throws Exception {
    String h = handset();
    Reply reply = say(h, PORT, "hello there");
    assertThat(reply.text()).contains("KT").contains("TQ");
  }

  @Test
  void resentMoIsAcknowledgedWithTheSameIdAndActedOnOnce() throws Exception {
    String h = handset();
    SubmitSmResp first = mo.send(h, TQ, "KT TQ", 4242);
    SubmitSmResp again = mo.send(h, TQ, "KT TQ", 4242);
    assertThat(again.getCommandStatus()).isZero();
    assertThat(again.getMessageId()).isEqualTo(first.getMessageId());
    assertThat(mo.drain(Duration.ofSeconds(3))).hasSize(1);
  }

  @Test
  void withoutPeerReferencesTheSameTextWithinTheWindowIsTakenForAResend() throws Exception {
    String h = handset();
    SubmitSmResp first = mo.sendUnnumbered(h, TQ, "KT TQ");
    SubmitSmResp again = mo.sendUnnumbered(h, TQ, "KT TQ");
    assertThat(again.getMessageId()).isEqualTo(first.getMessageId());
    assertThat(mo.drain(Duration.ofSeconds(3))).hasSize(1);
  }

  @Test
  void aHandsetRepeatingACommandIsAnsweredEachTime() throws Exception {
    String h = handset();
    say(h, PORT, "0000");
    say(h, PORT, "0000");
  }

  @Test
  void everyMoAndReplyIsOnRecord() throws Exception {
    String h = handset();
    SubmitSmResp resp = mo.send(h, TQ, "KT TQ");
    assertThat(mo.nextReply(WAIT)).isNotNull();
    try (Connection c = gateway.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT m.text, m.status, m.command, m.product_code,"
                    + " (SELECT COUNT(*) FROM mt_message t WHERE t.mo_id = m.id)"
                    + " FROM mo_message m WHERE m.id = ?")) {
      ps.setLong(1, Long.parseLong(resp.getMessageId()));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("KT TQ");
        assertThat(rs.getString(2)).isEqualTo("PROCESSED");
        assertThat(rs.getString(3)).isEqualTo("SUBSCRIBE");
        assertThat(rs.getString(4)).isEqualTo("TQ");
        assertThat(rs.getInt(5)).isGreaterThanOrEqualTo(1);
      }
    }
  }

  /** Successful charges recorded for {@code msisdn} in the CDRs. */
  private static void execute(String sql) throws Exception {
    try (Connection c = gateway.database().dataSource().getConnection();
        java.sql.Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  private static int charges(String msisdn) throws Exception {
    try (Connection c = gateway.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM cdr WHERE billed_number = ? AND fee_fen > 0")) {
      ps.setString(1, msisdn);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
