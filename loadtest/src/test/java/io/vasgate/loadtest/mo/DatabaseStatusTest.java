package io.vasgate.loadtest.mo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseStatusTest {

  @Test
  void shapeReplacesLiteralsAndCollapsesValueLists() {
    String sql =
        "INSERT INTO mo_message (id, dedup_key, text, concat_ref) VALUES"
            + " (12,x'0A0B','it''s 1,2',NULL),(13,x'0C',  'b', 4)";

    assertThat(DatabaseStatus.shape(sql))
        .isEqualTo("INSERT INTO mo_message (id, dedup_key, text, concat_ref) VALUES (?)+");
  }

  @Test
  void shapeKeepsColumnNamesWithDigitsAndCollapsesInLists() {
    assertThat(
            DatabaseStatus.shape(
                "SELECT dedup_key, id FROM mo_message WHERE received_at >= '2026-11-23 08:00:00'"
                    + " AND dedup_key IN (x'01',x'02',x'03') AND col2 = -5"))
        .isEqualTo(
            "SELECT dedup_key, id FROM mo_message WHERE received_at >= ? AND dedup_key IN (?) AND"
                + " col2 = ?");
  }

  @Test
  void aRewrittenBatchOfStatementsIsOneRoundTripWithItsShape() {
    String batch =
        "UPDATE mt_message SET state = 'ACKED' WHERE id = 1;UPDATE mt_message SET state = 'ACKED'"
            + " WHERE id = 2;UPDATE mt_message SET state = 'FAILED' WHERE id = 3";

    assertThat(DatabaseStatus.shape(batch))
        .isEqualTo("[batch] UPDATE mt_message SET state = ? WHERE id = ?");
  }

  @Test
  void deltaKeepsTheStatementCountersThatMovedAndTheKeyCounters() {
    Map<String, Long> before =
        Map.of(
            "Com_insert",
            10L,
            "Com_select",
            5L,
            "Com_delete",
            1L,
            "Handler_commit",
            100L,
            "Uptime",
            3L);
    Map<String, Long> after =
        Map.of(
            "Com_insert",
            40L,
            "Com_select",
            5L,
            "Com_delete",
            2L,
            "Handler_commit",
            160L,
            "Uptime",
            9L);

    Map<String, Long> delta = DatabaseStatus.delta(before, after);

    assertThat(delta)
        .containsEntry("Com_insert", 30L)
        .containsEntry("Com_delete", 1L)
        .containsEntry("Handler_commit", 60L)
        .doesNotContainKeys("Com_select", "Uptime");
  }
}
