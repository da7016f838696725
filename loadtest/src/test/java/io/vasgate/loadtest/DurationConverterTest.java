package io.vasgate.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  @Test
  void readsTheGatewaysDurationFormat() {
    assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationConverter.parse("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(DurationConverter.parse(" 2M ")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void formatsWithTheLargestExactUnit() {
    assertThat(DurationConverter.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(DurationConverter.format(Duration.ofMillis(1_500))).isEqualTo("1500ms");
    assertThat(DurationConverter.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(DurationConverter.format(Duration.ofSeconds(120))).isEqualTo("2m");
    assertThat(DurationConverter.format(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(DurationConverter.format(Duration.ZERO)).isEqualTo("0ms");
    for (String text : List.of("500ms", "45s", "2m", "1h")) {
      assertThat(DurationConverter.format(DurationConverter.parse(text))).isEqualTo(text);
    }
  }

  @Test
  void rejectsDurationsWithoutAUnit() {
    for (String bad : List.of("5", "s", "-1s", "1.5s", "PT5S")) {
      assertThatThrownBy(() -> DurationConverter.parse(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class);
    }
  }

  @Test
  void rotatesTheServerOrderEachRound() {
    List<String> servers = List.of("a", "b", "c");

    assertThat(LoadTestMain.rotate(servers, 0)).containsExactly("a", "b", "c");
    assertThat(LoadTestMain.rotate(servers, 1)).containsExactly("b", "c", "a");
    assertThat(LoadTestMain.rotate(servers, 4)).containsExactly("b", "c", "a");
  }
}
