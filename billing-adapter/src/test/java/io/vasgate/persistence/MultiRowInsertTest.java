package io.vasgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MultiRowInsertTest {

  private static final MultiRowInsert INSERT =
      new MultiRowInsert("INSERT INTO mri_probe (k, v) VALUES (?, ?)");

  private static final MultiRowInsert INSERT_OR_COUNT =
      new MultiRowInsert(
          "INSERT INTO mri_probe (k, v) VALUES (?, ?) ON DUPLICATE KEY UPDATE hits = hits + 1");

  private static Database db;

  @BeforeAll
  static void start() throws SQLException {
    db = TestDatabases.newDatabase("multi_row_insert");
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE mri_probe (id INT AUTO_INCREMENT PRIMARY KEY, k VARCHAR(20) NOT NULL,"
              + " v INT NOT NULL, hits INT NOT NULL DEFAULT 0, UNIQUE KEY uk (k)) ENGINE=InnoDB");
    }
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @BeforeEach
  void empty() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM mri_probe");
    }
  }

  private static List<MultiRowInsert.Row> rows(String prefix, int count) {
    List<MultiRowInsert.Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String k = prefix + i;
      int v = i;
      rows.add(
          (ps, first) -> {
            ps.setString(first, k);
            ps.setInt(first + 1, v);
          });
    }
    return rows;
  }

  @Test
  void insertsEveryRowInOrderInAtMostTwoStatementsUpToSixtyFourRows() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      long before = TestDatabases.sessionStatus(c, "Com_insert");
      INSERT.execute(c, rows("a", 45));
      assertThat(TestDatabases.sessionStatus(c, "Com_insert") - before).as("32 + 13").isEqualTo(2);
      List<Integer> values = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT v FROM mri_probe ORDER BY id")) {
        while (rs.next()) {
          values.add(rs.getInt(1));
        }
      }
      assertThat(values).hasSize(45).isSorted();
    }
  }

  @Test
  void aConnectionPreparesEachShapeOnceHoweverTheBatchesVary() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      for (int size = 1; size <= StatementSizes.MAX; size++) {
        INSERT.execute(c, rows("warm" + size + "-", size));
      }
      long before = TestDatabases.sessionStatus(c, "Com_stmt_prepare");
      INSERT.execute(c, rows("b", 25));
      INSERT.execute(c, rows("c", 7));
      INSERT.execute(c, rows("d", 100));
      assertThat(TestDatabases.sessionStatus(c, "Com_stmt_prepare") - before).isZero();
    }
  }

  @Test
  void theClauseAfterTheRowAppliesToTheWholeStatement() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      INSERT_OR_COUNT.execute(c, rows("x", 3));
      INSERT_OR_COUNT.execute(c, rows("x", 5));
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(hits) FROM mri_probe")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(5);
        assertThat(rs.getInt(2)).isEqualTo(3);
      }
    }
  }

  @Test
  void refusesAStatementWhoseRowsCannotBeBoundAtAFixedStride() {
    assertThatThrownBy(() -> new MultiRowInsert("INSERT INTO t SELECT * FROM u"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MultiRowInsert("INSERT INTO t (a, b) VALUES (?, NOW())"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new MultiRowInsert(
                    "INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE hits = hits + ?"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
