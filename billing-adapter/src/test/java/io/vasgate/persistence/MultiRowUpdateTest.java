package io.vasgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiRowUpdateTest {

  @Test
  void refusesARowLimitThatIsNoStatementSize() {
    List<MultiRowUpdate.Column<Long>> columns =
        List.of(new MultiRowUpdate.Column<>("v", (ps, index, row) -> {}));
    assertThatThrownBy(() -> new MultiRowUpdate<>("t", Long::longValue, columns, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows per statement");
    assertThat(new MultiRowUpdate<>("t", Long::longValue, columns, 24)).isNotNull();
  }

  @Test
  void refusesColumnsTooManyForItsWidestStatementToBeCached() {
    List<MultiRowUpdate.Column<Long>> columns = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      columns.add(new MultiRowUpdate.Column<>("column_" + i, (ps, index, row) -> {}));
    }
    assertThatThrownBy(() -> new MultiRowUpdate<>("t", Long::longValue, columns))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("t - ");
  }
}
