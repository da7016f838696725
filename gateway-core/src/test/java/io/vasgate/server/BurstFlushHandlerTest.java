package io.vasgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurstFlushHandlerTest {

  /** Counts the flushes that get past the handler, and how many responses each one carried. */
  private static final class Writes extends ChannelOutboundHandlerAdapter {
    final List<Integer> sizes = new ArrayList<>();
    private int written;

    @Override
    public void write(
        ChannelHandlerContext ctx, Object msg, io.netty.channel.ChannelPromise promise) {
      written++;
      ctx.write(msg, promise);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
      sizes.add(written);
      written = 0;
      ctx.flush();
    }
  }

  /** Answers every request at once, as the session does with submit_sm. */
  private static final class Answering extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.writeAndFlush("resp-" + msg);
    }
  }

  private final Writes writes = new Writes();

  private EmbeddedChannel channel(int flushFirst, int flushAfter) {
    return new EmbeddedChannel(
        writes, new BurstFlushHandler(flushFirst, flushAfter), new Answering());
  }

  private static void burst(EmbeddedChannel ch, int requests) {
    for (int i = 0; i < requests; i++) {
      ch.pipeline().fireChannelRead(i);
    }
    ch.pipeline().fireChannelReadComplete();
  }

  @Test
  void aSmallWindowGetsItsFirstAnswersBeforeTheBurstIsRead() {
    EmbeddedChannel ch = channel(4, 256);
    for (int i = 0; i < 4; i++) {
      ch.pipeline().fireChannelRead(i);
    }
    assertThat(ch.outboundMessages()).hasSize(4);
    for (int i = 4; i < 10; i++) {
      ch.pipeline().fireChannelRead(i);
    }
    assertThat(ch.outboundMessages()).as("the rest waits for the end of the read").hasSize(4);
    ch.pipeline().fireChannelReadComplete();
    assertThat(ch.outboundMessages()).hasSize(10);
    assertThat(writes.sizes).containsExactly(4, 6);
  }

  @Test
  void aLargeBurstCostsAFewWritesThatGrowGeometrically() {
    EmbeddedChannel ch = channel(4, 256);
    burst(ch, 100);
    assertThat(writes.sizes).containsExactly(4, 8, 16, 32, 40);
    assertThat(ch.outboundMessages()).hasSize(100);
  }

  @Test
  void noWriteHoldsMoreThanFlushAfter() {
    EmbeddedChannel ch = channel(4, 8);
    burst(ch, 30);
    assertThat(writes.sizes).containsExactly(4, 8, 8, 8, 2);
  }

  @Test
  void everyBurstStartsWithASmallWriteAgain() {
    EmbeddedChannel ch = channel(4, 256);
    burst(ch, 20);
    burst(ch, 20);
    assertThat(writes.sizes).containsExactly(4, 8, 8, 4, 8, 8);
  }

  @Test
  void equalBoundsConsolidateEveryBurstEvenly() {
    EmbeddedChannel ch = channel(256, 256);
    burst(ch, 600);
    assertThat(writes.sizes).containsExactly(256, 256, 88);
  }

  @Test
  void anAnswerCompletedOutsideAReadGoesOutWhenTheLoopHasRunItsTasks() {
    EmbeddedChannel ch = channel(4, 256);
    // Through the pipeline: EmbeddedChannel's own flush would run the loop's tasks at once.
    ch.pipeline().write("late-1");
    ch.pipeline().write("late-2");
    ch.pipeline().flush();
    assertThat(ch.outboundMessages()).as("held until the queued tasks ran").isEmpty();
    ch.runPendingTasks();
    assertThat(ch.outboundMessages()).containsExactly("late-1", "late-2");
    assertThat(writes.sizes).containsExactly(2);
  }

  @Test
  void anAnswerHeldOutsideAReadGoesOutInTheNextBurstsFirstWrite() {
    EmbeddedChannel ch = channel(4, 256);
    ch.pipeline().write("late");
    ch.pipeline().flush();
    assertThat(ch.outboundMessages()).isEmpty();

    burst(ch, 3);
    assertThat(ch.outboundMessages()).containsExactly("late", "resp-0", "resp-1", "resp-2");
    ch.runPendingTasks();
    assertThat(writes.sizes).containsExactly(4);
  }

  @Test
  void removingTheHandlerSendsWhatIsHeld() {
    EmbeddedChannel ch = channel(4, 256);
    ch.pipeline().fireChannelRead(1);
    assertThat(ch.outboundMessages()).isEmpty();
    ch.pipeline().remove(BurstFlushHandler.class);
    assertThat(ch.outboundMessages()).containsExactly("resp-1");
  }

  @Test
  void closingSendsWhatIsHeld() {
    EmbeddedChannel ch = channel(4, 256);
    ch.pipeline().fireChannelRead(1);
    ch.pipeline().fireChannelRead(2);
    assertThat(ch.outboundMessages()).isEmpty();
    ch.close();
    assertThat(writes.sizes).containsExactly(2);
  }

  @Test
  void aFailedReadSendsWhatIsHeld() {
    EmbeddedChannel ch = channel(4, 256);
    ch.pipeline().fireChannelRead(1);
    ch.pipeline().fireExceptionCaught(new IllegalStateException("bad frame"));
    assertThat(ch.outboundMessages()).containsExactly("resp-1");
  }

  @Test
  void refusesBoundsThatCannotHold() {
    assertThatThrownBy(() -> new BurstFlushHandler(0, 256))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BurstFlushHandler(8, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
