package io.vasgate.command.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class EditDistanceTest {

  @Example
  void countsOneInsertionDeletionSubstitutionOrSwap() {
    assertThat(EditDistance.withinOne("tq", "tq")).isTrue();
    assertThat(EditDistance.withinOne("tx", "tq")).isTrue();
    assertThat(EditDistance.withinOne("shb", "shbb")).isTrue();
    assertThat(EditDistance.withinOne("shbbx", "shbb")).isTrue();
    assertThat(EditDistance.withinOne("yse", "yes")).isTrue();
    assertThat(EditDistance.withinOne("天汽", "天气")).isTrue();
  }

  @Example
  void rejectsTwoEdits() {
    assertThat(EditDistance.withinOne("xx", "tq")).isFalse();
    assertThat(EditDistance.withinOne("hello", "help")).isFalse();
    assertThat(EditDistance.withinOne("abc", "cba")).isFalse();
    assertThat(EditDistance.withinOne("a", "abc")).isFalse();
  }

  @Property
  void agreesWithTheDynamicProgrammingDistance(
      @ForAll @StringLength(max = 6) @CharRange(from = 'a', to = 'c') String a,
      @ForAll @StringLength(max = 6) @CharRange(from = 'a', to = 'c') String b) {
    assertThat(EditDistance.withinOne(a, b)).isEqualTo(optimalStringAlignment(a, b) <= 1);
    assertThat(EditDistance.withinOne(a, b)).isEqualTo(EditDistance.withinOne(b, a));
  }

  /** Textbook O(n·m) optimal string alignment distance, the reference for the linear check. */
  private static int optimalStringAlignment(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
