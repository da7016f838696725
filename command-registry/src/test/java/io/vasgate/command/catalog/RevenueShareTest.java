package io.vasgate.command.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RevenueShareTest {

  @Example
  void acceptsTheUsualSplits() {
    assertThat(RevenueShare.of(5, 5)).hasToString("5:5");
    assertThat(RevenueShare.of(6, 4).partnerFen(200)).isEqualTo(80);
    assertThat(RevenueShare.of(3, 7).partnerFen(100)).isEqualTo(70);
    assertThat(RevenueShare.of(3, 7).operatorFen(100)).isEqualTo(30);
  }

  @Example
  void rejectsPartsThatDoNotSumToTen() {
    assertThatThrownBy(() -> RevenueShare.of(5, 4)).hasMessageContaining("5:4");
    assertThatThrownBy(() -> RevenueShare.of(-1, 11)).hasMessageContaining("-1:11");
    assertThatThrownBy(() -> RevenueShare.of(60, 40)).hasMessageContaining("60:40");
  }

  @Example
  void operatorKeepsTheOddFen() {
    assertThat(RevenueShare.of(5, 5).partnerFen(55)).isEqualTo(27);
    assertThat(RevenueShare.of(5, 5).operatorFen(55)).isEqualTo(28);
  }

  @Property
  void partsAddUpToTheWholeAmount(
      @ForAll @IntRange(min = 0, max = 10) int operatorParts,
      @ForAll @LongRange(max = 10_000_000) long fen) {
    RevenueShare share = RevenueShare.of(operatorParts, 10 - operatorParts);
    assertThat(share.partnerFen(fen) + share.operatorFen(fen)).isEqualTo(fen);
    assertThat(share.partnerFen(fen)).isBetween(0L, fen);
  }
}
