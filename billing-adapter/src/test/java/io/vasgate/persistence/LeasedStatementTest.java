package io.vasgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The written-out handle checked against the interface it implements: a method it forgot to
 * forward, or a parameter setter it forgot to count, would fail here rather than in a batch.
 */
class LeasedStatementTest {

  /** Answered by the handle itself, never forwarded. */
  private static final Set<String> OWN =
      Set.of("close", "isClosed", "getConnection", "closeOnCompletion", "equals", "hashCode");

  private final List<String> forwarded = new ArrayList<>();
  private int givenBack;
  private int rowsAdded;

  private final PreparedStatement target =
      (PreparedStatement)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {PreparedStatement.class},
              (proxy, method, args) -> {
                forwarded.add(signature(method));
                return defaultValue(method.getReturnType());
              });

  private final LeasedStatement.Owner owner =
      new LeasedStatement.Owner() {
        @Override
        public void rowsAdded() {
          LeasedStatementTest.this.rowsAdded++;
        }

        @Override
        public void giveBack() {
          givenBack++;
        }
      };

  @Test
  void forwardsEveryMethodOfTheInterfaceItDoesNotAnswerItself() throws Exception {
    for (Method m : PreparedStatement.class.getMethods()) {
      if (OWN.contains(m.getName()) || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Method own = LeasedStatement.class.getMethod(m.getName(), m.getParameterTypes());
      if (own.getDeclaringClass() != LeasedStatement.class) {
        assertThat(m.isDefault())
            .as("%s is neither written out nor a default method", signature(m))
            .isTrue();
        continue;
      }
      forwarded.clear();
      own.invoke(new LeasedStatement(target, null, 0, owner), arguments(m));
      assertThat(forwarded).as(signature(m)).containsExactly(signature(m));
    }
  }

  @Test
  void everyParameterSetterCountsItsParameterAsSet() throws Exception {
    for (Method m : PreparedStatement.class.getMethods()) {
      if (!isParameterSetter(m)) {
        continue;
      }
      LeasedStatement handle = new LeasedStatement(target, null, 1, owner);
      assertThatThrownBy(handle::execute)
          .as("before %s", signature(m))
          .isInstanceOf(SQLException.class);
      Object[] args = arguments(m);
      args[0] = 1;
      LeasedStatement.class.getMethod(m.getName(), m.getParameterTypes()).invoke(handle, args);
      assertThatCode(handle::execute).as("after %s", signature(m)).doesNotThrowAnyException();
    }
  }

  @Test
  void parametersClearedThroughTheHandleMustBeSetAgain() throws Exception {
    LeasedStatement handle = new LeasedStatement(target, null, 2, owner);
    handle.setInt(1, 5);
    handle.setInt(2, 3);
    handle.clearParameters();
    handle.setInt(1, 5);

    assertThatThrownBy(handle::executeQuery)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("parameter 2");
    assertThat(forwarded).doesNotContain("executeQuery[]");
    handle.setInt(2, 1);
    assertThatCode(handle::executeQuery).doesNotThrowAnyException();
  }

  @Test
  void aSetterTheStatementRefusedDoesNotCountItsParameterAsSet() throws Exception {
    PreparedStatement refusing =
        (PreparedStatement)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("setObject")) {
                    throw new SQLException("cannot convert");
                  }
                  return defaultValue(method.getReturnType());
                });
    LeasedStatement handle = new LeasedStatement(refusing, null, 1, owner);

    assertThatThrownBy(() -> handle.setObject(1, new Object())).hasMessage("cannot convert");
    assertThatThrownBy(handle::execute).hasMessageContaining("parameter 1");
  }

  @Test
  void everyFormOfAddBatchTellsTheOwnerThatRowsWaitForExecution() throws Exception {
    LeasedStatement handle = new LeasedStatement(target, null, 0, owner);
    handle.addBatch();
    handle.addBatch("DELETE FROM t");

    assertThat(rowsAdded).isEqualTo(2);
  }

  @Test
  void aClosedHandleRefusesEverythingButCloseAndIsGivenBackOnce() throws Exception {
    LeasedStatement handle = new LeasedStatement(target, null, 0, owner);
    handle.close();
    handle.close();

    assertThat(givenBack).isEqualTo(1);
    assertThat(handle.isClosed()).isTrue();
    assertThatThrownBy(() -> handle.setInt(1, 1)).hasMessage("statement is closed");
    assertThatThrownBy(handle::executeQuery).hasMessage("statement is closed");
    assertThatThrownBy(handle::getConnection).hasMessage("statement is closed");
    assertThat(forwarded).isEmpty();
  }

  private static boolean isParameterSetter(Method m) {
    return m.getDeclaringClass() == PreparedStatement.class
        && m.getName().startsWith("set")
        && m.getParameterCount() >= 2
        && m.getParameterTypes()[0] == int.class;
  }

  private static String signature(Method m) {
    return m.getName() + Arrays.toString(m.getParameterTypes());
  }

  private static Object[] arguments(Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = defaultValue(types[i]);
    }
    return args;
  }

  private static Object defaultValue(Class<?> type) {
    if (!type.isPrimitive() || type == void.class) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == float.class) {
      return 0f;
    }
    if (type == double.class) {
      return 0d;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == short.class) {
      return (short) 0;
    }
    return 0;
  }
}
