package io.vasgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudhopper.smpp.pdu.SubmitSmResp;
import io.vasgate.app.Gateway;
import io.vasgate.app.MoSourceClient;
import io.vasgate.app.TestGateway;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An MO is recorded with its command, and a re-send is recognised by the database's dedup keys
 * where no gateway's memory can: when the MO router re-sends to another gateway on the same
 * database (or to this one after a restart), the copy is answered with the first copy's id and
 * acted on once.
 */
class ResentMoAcrossGatewaysTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TQ = "1065888002";

  private static Gateway first;
  private static Gateway second;
  private static MoSourceClient toFirst;
  private static MoSourceClient toSecond;

  @BeforeAll
  static void start() throws Exception {
    List<Database> pools = TestDatabases.newDatabases("resent_across", 2);
    first = TestGateway.start(pools.get(0), "");
    second = TestGateway.start(pools.get(1), "node:\n  id: 2\n");
    toFirst = new MoSourceClient(first.smppAddress().getPort(), "mo", "mo");
    toSecond = new MoSourceClient(second.smppAddress().getPort(), "mo", "mo");
  }

  @AfterAll
  static void stop() {
    toFirst.close();
    toSecond.close();
    first.close();
    second.close();
  }

  @Test
  void aReSendToAnotherGatewayIsAnsweredWithTheFirstIdAndNotActedOnAgain() throws Exception {
    String handset = "8613900000001";
    SubmitSmResp original = toFirst.send(handset, TQ, "KT TQ", 31);
    assertThat(original.getCommandStatus()).isZero();
    assertThat(toFirst.nextReply(WAIT)).isNotNull();

    SubmitSmResp resent = toSecond.send(handset, TQ, "KT TQ", 31);

    assertThat(resent.getCommandStatus()).isZero();
    assertThat(resent.getMessageId()).isEqualTo(original.getMessageId());
    assertThat(toSecond.drain(Duration.ofSeconds(2))).as("no second reply").isEmpty();
    assertThat(count("SELECT COUNT(*) FROM mo_message WHERE source_addr = ?", handset))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM mt_message WHERE dest_addr = ?", handset)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM subscription WHERE msisdn = ?", handset)).isEqualTo(1);
  }

  @Test
  void theSameTextWithAnotherPeerReferenceIsANewCommandOnEitherGateway() throws Exception {
    String handset = "8613900000002";
    assertThat(toFirst.send(handset, TQ, "0000", 1).getCommandStatus()).isZero();
    assertThat(toFirst.nextReply(WAIT)).isNotNull();
    assertThat(toSecond.send(handset, TQ, "0000", 2).getCommandStatus()).isZero();
    assertThat(toSecond.nextReply(WAIT)).isNotNull();
    assertThat(count("SELECT COUNT(*) FROM mo_message WHERE source_addr = ?", handset))
        .isEqualTo(2);
  }

  private static int count(String sql, String handset) throws Exception {
    try (Connection c = first.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, handset);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
