package io.vasgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

  @Test
  void deadlocksAndLockWaitsMayBeRunAgain() {
    assertThat(SqlErrors.isTransient(new SQLException("deadlock", "40001", 1213))).isTrue();
    assertThat(SqlErrors.isTransient(new SQLException("lock wait", "HY000", 1205))).isTrue();
    assertThat(SqlErrors.isTransient(new SQLTransactionRollbackException("rolled back"))).isTrue();
  }

  @Test
  void aTransientCauseCountsThroughWrappers() {
    assertThat(
            SqlErrors.isTransient(
                new IllegalStateException("store failed", new SQLException("x", "HY000", 1213))))
        .isTrue();
  }

  @Test
  void otherErrorsAreNot() {
    assertThat(SqlErrors.isTransient(new SQLException("duplicate", "23000", 1062))).isFalse();
    assertThat(SqlErrors.isTransient(new SQLException("gone", "08S01", 0))).isFalse();
    assertThat(SqlErrors.isTransient(new RuntimeException("bug"))).isFalse();
  }
}
