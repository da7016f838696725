package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SubscriptionSchemaTest {

  private static SubscriptionFixture f;

  @BeforeAll
  static void start() {
    f = new SubscriptionFixture("sub_schema");
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  /** The live states are spelled out twice, in the enum and in V300; they must agree. */
  @Test
  void liveStatesOfTheSchemaMatchTheEnum() {
    f.update(
        "INSERT INTO subscription (msisdn, product_code, service_port, state, price_fen,"
            + " created_at, confirm_deadline, updated_at) VALUES"
            + " ('13800000001', 'TQ', '10658880', 'CANCELLED', 200, NOW(3), NOW(3), NOW(3))");
    for (SubscriptionState state : SubscriptionState.values()) {
      f.update("UPDATE subscription SET state = ? WHERE msisdn = '13800000001'", state.name());
      long live =
          f.count(
              "SELECT COUNT(*) FROM subscription WHERE msisdn = '13800000001'"
                  + " AND live_product = 'TQ'");
      assertThat(live).as(state.name()).isEqualTo(state.isLive() ? 1 : 0);
    }
  }

  /** The jobs' index columns (V350) hold a value exactly while the job has something to do. */
  @Test
  void jobIndexColumnsAreSetOnlyInTheStatesTheirJobsLookFor() {
    f.update(
        "INSERT INTO subscription (msisdn, product_code, service_port, state, price_fen,"
            + " created_at, confirm_deadline, next_charge_date, updated_at) VALUES"
            + " ('13800000009', 'TQ', '10658880', 'CANCELLED', 200, NOW(3), NOW(3),"
            + " '2026-12-01', NOW(3))");
    for (SubscriptionState state : SubscriptionState.values()) {
      f.update("UPDATE subscription SET state = ? WHERE msisdn = '13800000009'", state.name());
      long pending =
          f.count(
              "SELECT COUNT(*) FROM subscription WHERE msisdn = '13800000009'"
                  + " AND pending_deadline = confirm_deadline");
      long due =
          f.count(
              "SELECT COUNT(*) FROM subscription WHERE msisdn = '13800000009'"
                  + " AND due_date = next_charge_date");
      assertThat(pending)
          .as(state.name())
          .isEqualTo(state == SubscriptionState.PENDING_CONFIRMATION ? 1 : 0);
      assertThat(due)
          .as(state.name())
          .isEqualTo(state == SubscriptionState.TRIAL || state == SubscriptionState.ACTIVE ? 1 : 0);
    }
  }

  @Test
  void numberCannotHoldTwoLiveRowsOfOneProduct() {
    String insert =
        "INSERT INTO subscription (msisdn, product_code, service_port, state, price_fen,"
            + " created_at, updated_at) VALUES ('13800000002', 'YD', '10658880', ?, 300, NOW(3), NOW(3))";
    f.update(insert, "CANCELLED");
    f.update(insert, "CANCELLED");
    f.update(insert, "ACTIVE");
    assertThatThrownBy(() -> f.update(insert, "TRIAL"))
        .hasRootCauseInstanceOf(SQLException.class)
        .hasMessageContaining("Duplicate");
  }

  @Test
  void terminalStatesGoNowhere() {
    for (SubscriptionState from : SubscriptionState.values()) {
      if (!from.isLive()) {
        for (SubscriptionState to : SubscriptionState.values()) {
          assertThat(from.canMoveTo(to)).as(from + " -> " + to).isFalse();
        }
      }
    }
    assertThat(SubscriptionState.PENDING_CONFIRMATION.canMoveTo(SubscriptionState.ACTIVE)).isTrue();
    assertThat(SubscriptionState.ACTIVE.canMoveTo(SubscriptionState.PENDING_CONFIRMATION))
        .isFalse();
    assertThat(SubscriptionState.PENDING_CHARGE.canMoveTo(SubscriptionState.TRIAL)).isFalse();
  }
}
