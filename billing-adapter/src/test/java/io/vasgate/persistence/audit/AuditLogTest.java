package io.vasgate.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditLogTest {

  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00.123Z");

  private static Database database;
  private static AuditLog audit;
  private static List<AuditEntry> recorded;

  /** Six entries by two actors about three entities, one minute apart. */
  @BeforeAll
  static void record() {
    database = TestDatabases.newDatabase("audit_log");
    audit = new AuditLog(database.dataSource());
    recorded =
        List.of(
            audit.append(event("ops", 0, "create", "product", "TQ", null, "{\"price\":200}")),
            audit.append(
                event("ops", 1, "update", "product", "TQ", "{\"price\":200}", "{\"price\":250}")),
            audit.append(event("alice", 2, "create", "product", "WZ", null, "{\"名\":\"违章提醒\"}")),
            audit.append(
                event("alice", 3, "retire", "product", "TQ", "{\"price\":250}", "{\"s\":1}")),
            audit.append(event("ops", 4, "create", "service-number", "10658880", null, "{}")),
            audit.append(event("alice", 5, "delete", "service-number", "10658880", "{}", null)));
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static AuditEvent event(
      String actor,
      int minute,
      String action,
      String type,
      String id,
      String before,
      String after) {
    return new AuditEvent(
        actor,
        T0.plus(Duration.ofMinutes(minute)),
        action,
        type,
        id,
        Optional.ofNullable(before),
        Optional.ofNullable(after));
  }

  @Test
  void readsEveryFieldBackNewestFirst() {
    AuditPage page = audit.query(AuditQuery.all());
    assertThat(page.entries()).containsExactlyElementsOf(reversed(recorded));
    assertThat(page.nextBeforeId()).isEmpty();
    AuditEntry chinese = page.entries().get(3);
    assertThat(chinese.event().afterJson()).contains("{\"名\":\"违章提醒\"}");
    assertThat(chinese.event().at()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
  }

  @Test
  void queriesByEntity() {
    assertThat(audit.query(AuditQuery.all().entity("product", "TQ")).entries())
        .extracting(e -> e.event().action())
        .containsExactly("retire", "update", "create");
    assertThat(audit.query(AuditQuery.all().entityType("service-number")).entries())
        .extracting(e -> e.event().action())
        .containsExactly("delete", "create");
  }

  @Test
  void queriesByActor() {
    assertThat(audit.query(AuditQuery.all().actor("alice")).entries())
        .extracting(AuditEntry::id)
        .containsExactly(recorded.get(5).id(), recorded.get(3).id(), recorded.get(2).id());
  }

  @Test
  void queriesAHalfOpenTimeRange() {
    AuditQuery minutes1To3 =
        AuditQuery.all().from(T0.plus(Duration.ofMinutes(1))).to(T0.plus(Duration.ofMinutes(3)));
    assertThat(audit.query(minutes1To3).entries())
        .extracting(AuditEntry::id)
        .containsExactly(recorded.get(2).id(), recorded.get(1).id());
  }

  @Test
  void pagesThroughEverythingWithTheCursor() {
    AuditPage first = audit.query(AuditQuery.all().limit(4));
    assertThat(first.entries()).containsExactlyElementsOf(reversed(recorded).subList(0, 4));
    assertThat(first.nextBeforeId()).hasValue(recorded.get(2).id());

    AuditPage second =
        audit.query(AuditQuery.all().limit(4).before(first.nextBeforeId().getAsLong()));
    assertThat(second.entries()).containsExactlyElementsOf(reversed(recorded).subList(4, 6));
    assertThat(second.nextBeforeId()).isEmpty();
  }

  @Test
  void anEntryOnARolledBackTransactionIsGone() throws Exception {
    try (Database own = TestDatabases.newDatabase("audit_rollback")) {
      AuditLog log = new AuditLog(own.dataSource());
      try (Connection c = own.dataSource().getConnection()) {
        c.setAutoCommit(false);
        log.append(c, event("ops", 0, "create", "product", "X", null, "{}"));
        c.rollback();
        c.setAutoCommit(true);
      }
      assertThat(log.query(AuditQuery.all()).entries()).isEmpty();
    }
  }

  @Test
  void refusesADocumentThatIsNoJson() {
    assertThatThrownBy(() -> audit.append(event("ops", 9, "create", "product", "Y", null, "{oops")))
        .isInstanceOf(AuditStoreException.class);
  }

  @Test
  void refusesInconsistentQueriesAndEvents() {
    assertThatThrownBy(() -> AuditQuery.all().limit(AuditQuery.MAX_LIMIT + 1))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> AuditQuery.all().from(T0).to(T0.minusSeconds(1)))
        .hasMessageContaining("before from");
    assertThatThrownBy(() -> event("ops", 0, "noop", "product", "Z", null, null))
        .hasMessageContaining("no before or after");
    assertThatThrownBy(() -> event(" ", 0, "create", "product", "Z", null, "{}"))
        .hasMessageContaining("actor");
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
