package io.vasgate.loadtest.mo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CommandMixTest {

  @Test
  void asciiTextGoesInTheDefaultAlphabetAndChineseOrFullWidthInUcs2() {
    CommandMix.Step ascii = new CommandMix.Step(CommandMix.PORT, "KT TQ", List.of("天气"));
    CommandMix.Step chinese = new CommandMix.Step(CommandMix.PORT, "开通天气", List.of("天气"));
    CommandMix.Step fullWidth = new CommandMix.Step(CommandMix.PORT, "ＫＴ　ＴＱ。", List.of("天气"));

    assertThat(ascii.dataCoding()).isZero();
    assertThat(ascii.octets()).isEqualTo("KT TQ".getBytes(StandardCharsets.US_ASCII));
    assertThat(chinese.dataCoding()).isEqualTo(8);
    assertThat(chinese.octets())
        .isEqualTo(new byte[] {0x5F, 0x00, (byte) 0x90, 0x1A, 0x59, 0x29, 0x6C, 0x14});
    assertThat(fullWidth.dataCoding()).isEqualTo(8);
    assertThat(fullWidth.octets()).hasSize(2 * "ＫＴ　ＴＱ。".length());
  }

  @Test
  void aReplyIsAcceptedOnlyWithEveryExpectedWord() {
    CommandMix.Step step =
        new CommandMix.Step(CommandMix.TQ_NUMBER, "KT TQ", List.of("天气", "回复“是”确认"));

    assertThat(step.accepts("您将订购天气，资费2元/月。请在24小时内回复“是”确认订购")).isTrue();
    assertThat(step.accepts("您已订购天气，无需重复订购。")).isFalse();
  }

  @Test
  void picksScriptsInProportionToTheirWeights() {
    CommandMix mix = CommandMix.standard();
    SplittableRandom random = new SplittableRandom(3);
    Map<String, Integer> picks = new HashMap<>();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      picks.merge(mix.pick(random).name(), 1, Integer::sum);
    }
    int totalWeight = mix.scripts().stream().mapToInt(CommandMix.Script::weight).sum();
    for (CommandMix.Script s : mix.scripts()) {
      double expected = (double) s.weight() / totalWeight;
      assertThat(picks.get(s.name()) / (double) n)
          .as(s.name())
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
    }
  }

  @Test
  void messageSharesWeighScriptsByTheirLength() {
    CommandMix mix =
        new CommandMix(
            List.of(
                new CommandMix.Script(
                    "one", 1, List.of(new CommandMix.Step(CommandMix.PORT, "0000", List.of("x")))),
                new CommandMix.Script(
                    "three",
                    1,
                    List.of(
                        new CommandMix.Step(CommandMix.PORT, "a", List.of("x")),
                        new CommandMix.Step(CommandMix.PORT, "b", List.of("x")),
                        new CommandMix.Step(CommandMix.PORT, "c", List.of("x"))))));

    assertThat(mix.messageShares()).containsEntry("one", 0.25).containsEntry("three", 0.75);
  }

  @Test
  void theStandardMixOrdersEveryProductOfTheSampleCatalogAndLeavesNothingOrdered() {
    CommandMix mix = CommandMix.standard();
    List<String> texts =
        mix.scripts().stream().flatMap(s -> s.steps().stream()).map(CommandMix.Step::text).toList();

    assertThat(texts)
        .contains("KT TQ", "DG SHBB", "DG XW", "KT JK", "订购违章提醒", "0000", "KT TX", "帮助");
    // Every script that orders a monthly or free product ends by unsubscribing it.
    for (CommandMix.Script s : mix.scripts()) {
      String first = s.steps().get(0).text();
      if (first.matches("(KT|DG|开通|订购|ＫＴ).*") && !first.contains("XW") && !first.contains("TX")) {
        String last = s.steps().get(s.steps().size() - 1).text();
        assertThat(last).as(s.name()).matches("(TD|QX|退订|ＴＤ).*");
      }
    }
  }

  @Test
  void refusesScriptsThatCannotBeChecked() {
    assertThatThrownBy(() -> new CommandMix.Step(CommandMix.PORT, "0000", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CommandMix.Script("empty", 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    CommandMix.Script s =
        new CommandMix.Script(
            "same", 1, List.of(new CommandMix.Step(CommandMix.PORT, "0000", List.of("x"))));
    assertThatThrownBy(() -> new CommandMix(List.of(s, s)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same");
  }
}
