package io.vasgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaddedListTest {

  @Test
  void padsToTheNextPowerOfTwo() {
    assertThat(PaddedList.shape(1)).isEqualTo(1);
    assertThat(PaddedList.shape(2)).isEqualTo(2);
    assertThat(PaddedList.shape(3)).isEqualTo(4);
    assertThat(PaddedList.shape(4)).isEqualTo(4);
    assertThat(PaddedList.shape(5)).isEqualTo(8);
    assertThat(PaddedList.shape(64)).isEqualTo(64);
    assertThat(PaddedList.shape(65)).isEqualTo(128);
    assertThat(PaddedList.placeholders(3)).isEqualTo("?,?,?");
  }

  @Test
  void refusesAnEmptyList() {
    assertThatThrownBy(() -> PaddedList.shape(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaddedList.placeholders(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
