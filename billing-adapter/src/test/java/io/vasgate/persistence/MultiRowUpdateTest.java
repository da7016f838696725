package io.vasgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiRowUpdateTest {

  @Test
  void splitsRowsIntoFullChunksThenOneChunkPerBinaryDigitOfTheRest() {
    assertThat(MultiRowUpdate.chunkSizes(0)).isEmpty();
    assertThat(MultiRowUpdate.chunkSizes(1)).containsExactly(1);
    assertThat(MultiRowUpdate.chunkSizes(3)).containsExactly(2, 1);
    assertThat(MultiRowUpdate.chunkSizes(50)).containsExactly(32, 16, 2);
    assertThat(MultiRowUpdate.chunkSizes(64)).containsExactly(64);
    assertThat(MultiRowUpdate.chunkSizes(127)).containsExactly(64, 32, 16, 8, 4, 2, 1);
    assertThat(MultiRowUpdate.chunkSizes(200)).containsExactly(64, 64, 64, 8);
  }

  @Test
  void chunksAddUpToTheRowsAndUseOnlyPowersOfTwoUpToTheLimit() {
    for (int rows = 0; rows <= 1000; rows++) {
      List<Integer> sizes = MultiRowUpdate.chunkSizes(rows);
      assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(rows);
      assertThat(sizes)
          .allSatisfy(
              size ->
                  assertThat(size)
                      .isBetween(1, MultiRowUpdate.MAX_ROWS)
                      .matches(s -> Integer.bitCount(s) == 1));
      assertThat(sizes.size()).isLessThanOrEqualTo(rows / MultiRowUpdate.MAX_ROWS + 6);
    }
  }

  @Test
  void aSmallerLimitCapsTheChunks() {
    assertThat(MultiRowUpdate.chunkSizes(50, 16)).containsExactly(16, 16, 16, 2);
    assertThatThrownBy(() -> new MultiRowUpdate<Long>("t", Long::longValue, List.of(), 12))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesColumnsTooManyForItsWidestStatementToBeCached() {
    List<MultiRowUpdate.Column<Long>> columns = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      columns.add(new MultiRowUpdate.Column<>("column_" + i, (ps, index, row) -> {}));
    }
    assertThatThrownBy(() -> new MultiRowUpdate<>("t", Long::longValue, columns))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("t - ");
  }
}
