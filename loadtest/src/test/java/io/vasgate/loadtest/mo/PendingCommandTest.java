package io.vasgate.loadtest.mo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PendingCommandTest {

  private static PendingCommand command() {
    CommandMix.Step step = new CommandMix.Step(CommandMix.PORT, "帮助", List.of("KT"));
    Handset h = new Handset("8613900000001", CommandMix.standard().scripts().get(0), 0);
    return new PendingCommand(h, step, null, 7, 0, true);
  }

  @Test
  void aSinglePartReplyIsWholeAtOnce() {
    assertThat(command().addPart(-1, 1, 1, "您目前没有订购任何业务。")).isEqualTo("您目前没有订购任何业务。");
  }

  @Test
  void partsArrivingInAnyOrderMakeTheWholeReplyInSequence() {
    PendingCommand c = command();

    assertThat(c.addPart(42, 3, 3, "C")).isNull();
    assertThat(c.addPart(42, 3, 1, "A")).isNull();
    assertThat(c.partsReceived()).isEqualTo(2);
    assertThat(c.addPart(42, 3, 2, "B")).isEqualTo("ABC");
  }

  @Test
  void aPartOfAnotherReplyOrOneReceivedTwiceIsRefused() {
    PendingCommand c = command();
    c.addPart(42, 2, 1, "A");

    assertThatThrownBy(() -> c.addPart(43, 2, 2, "B")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.addPart(42, 3, 2, "B")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.addPart(42, 2, 1, "A")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.addPart(42, 2, 3, "C")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCommandEndsOnce() {
    PendingCommand c = command();
    c.finish(PendingCommand.Outcome.ANSWERED);

    assertThat(c.isDone()).isTrue();
    assertThatThrownBy(() -> c.finish(PendingCommand.Outcome.MISSING))
        .isInstanceOf(IllegalStateException.class);
  }
}
