package io.vasgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSizesTest {

  @Test
  void upToSixtyFourRowsGoOutInAtMostTwoStatements() {
    for (int rows = 1; rows <= StatementSizes.MAX; rows++) {
      List<Integer> chunks = StatementSizes.chunks(rows, StatementSizes.MAX);
      assertThat(chunks).as("%d rows", rows).hasSizeLessThanOrEqualTo(2);
      assertThat(chunks.stream().mapToInt(Integer::intValue).sum()).isEqualTo(rows);
      assertThat(chunks).allMatch(StatementSizes::isSize);
    }
  }

  @Test
  void takesTheLargestSizeThatFitsFirst() {
    assertThat(StatementSizes.chunks(0, 64)).isEmpty();
    assertThat(StatementSizes.chunks(13, 64)).containsExactly(13);
    assertThat(StatementSizes.chunks(45, 64)).containsExactly(32, 13);
    assertThat(StatementSizes.chunks(63, 64)).containsExactly(48, 15);
    assertThat(StatementSizes.chunks(200, 64)).containsExactly(64, 64, 64, 8);
  }

  @Test
  void aSmallerLimitCapsTheChunks() {
    assertThat(StatementSizes.chunks(50, 16)).containsExactly(16, 16, 16, 2);
    assertThat(StatementSizes.chunks(50, 24)).containsExactly(24, 24, 2);
    assertThat(StatementSizes.upTo(24)).endsWith(16, 24).hasSize(17);
  }

  @Test
  void refusesALimitThatIsNoSize() {
    assertThatThrownBy(() -> StatementSizes.chunks(10, 20))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
