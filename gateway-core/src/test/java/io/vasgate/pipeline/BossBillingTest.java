package io.vasgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.app.Gateway;
import io.vasgate.app.MoSourceClient;
import io.vasgate.app.MoSourceClient.Reply;
import io.vasgate.app.TestGateway;
import io.vasgate.billing.charging.boss.FakeBoss;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Handset commands charged through an operator billing system (BOSS) over HTTP: a BOSS that stalls
 * or fails is retried with the same idempotency key, and a charge is made once.
 */
class BossBillingTest {

  private static final String TQ = "1065888002";
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static FakeBoss boss;
  private static Gateway gateway;
  private static MoSourceClient mo;

  @BeforeAll
  static void start() throws Exception {
    boss = new FakeBoss();
    gateway =
        TestGateway.start(
            "boss_billing",
            "",
            "billing:\n  mode: BOSS\n  boss:\n    baseUrl: "
                + boss.baseUri()
                + "\n    requestTimeout: 500ms\n    maxAttempts: 3\n"
                + "    initialBackoff: 50ms\n    maxBackoff: 100ms\n");
    mo = new MoSourceClient(gateway.smppAddress().getPort(), "mo", "mo");
  }

  @AfterAll
  static void stop() {
    mo.close();
    gateway.close();
    boss.close();
  }

  @Test
  void aBossThatTimesOutIsRetriedWithTheSameKeyAndChargesOnce() throws Exception {
    String h = "8613900000001";
    mo.send(h, TQ, "KT TQ");
    assertThat(mo.nextReply(WAIT)).isNotNull();
    // The first attempt moves the money but its answer never comes; the retry must not charge
    // again.
    int chargesBefore = boss.chargesMade();
    int seenBefore = boss.seen().size();
    boss.script(FakeBoss.Behaviour.CHARGE_THEN_HANG, FakeBoss.Behaviour.FAIL_500);
    mo.send(h, TQ, "是");
    Reply reply = mo.nextReply(WAIT);
    assertThat(reply).isNotNull();
    assertThat(reply.text()).contains("成功订购");
    assertThat(boss.chargesMade()).isEqualTo(chargesBefore + 1);
    var attempts = boss.seen().subList(seenBefore, boss.seen().size());
    assertThat(attempts).hasSizeGreaterThanOrEqualTo(3);
    assertThat(attempts.stream().map(FakeBoss.Seen::bodyKey).distinct()).hasSize(1);
    assertThat(cdrs(h)).isEqualTo(1);
  }

  @Test
  void insufficientBalanceAtTheBossActivatesNothing() throws Exception {
    String h = "8613900000002";
    boss.balance(h, 10);
    mo.send(h, TQ, "KT TQ");
    assertThat(mo.nextReply(WAIT)).isNotNull();
    mo.send(h, TQ, "是");
    Reply reply = mo.nextReply(WAIT);
    assertThat(reply).isNotNull();
    assertThat(reply.text()).contains("余额不足");
    assertThat(cdrs(h)).isZero();
  }

  @Test
  void aBossChargedCommandWhoseReplyFailsAfterItsSettlementIsKeptAndNotAnsweredTryAgain()
      throws Exception {
    String h = "8613900000003";
    mo.send(h, TQ, "KT TQ");
    assertThat(mo.nextReply(WAIT)).isNotNull();
    // With a BOSS the charge settles in a transaction of its own, and the reply is recorded
    // through the journal after it: refusing that record can no longer undo the charge.
    execute(
        "CREATE TRIGGER boss_mt_refused BEFORE INSERT ON mt_message FOR EACH ROW BEGIN"
            + " IF NEW.dest_addr = '"
            + h
            + "' AND NEW.text LIKE '%成功订购%' THEN"
            + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'mt store refused'; END IF; END");
    int chargesBefore = boss.chargesMade();
    try {
      mo.send(h, TQ, "是");
      assertThat(mo.nextReply(Duration.ofSeconds(3)))
          .as("a 'try again' would make the user order twice")
          .isNull();
    } finally {
      execute("DROP TRIGGER boss_mt_refused");
    }
    assertThat(boss.chargesMade()).isEqualTo(chargesBefore + 1);
    assertThat(cdrs(h)).as("the charge stands, recorded").isEqualTo(1);
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = gateway.database().dataSource().getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static int cdrs(String msisdn) throws Exception {
    try (Connection c = gateway.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM cdr WHERE billed_number = ?")) {
      ps.setString(1, msisdn);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
