package io.vasgate.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.Future;

/**
 * Sends the responses to a burst of requests in a few writes without holding back the first ones.
 *
 * <p>Every response is written and flushed on its own by the session. Passing each flush on costs
 * one write syscall per PDU, which is most of a large window's cost; holding them all until the
 * read ends (as Netty's {@code FlushConsolidationHandler} does) makes a small-window peer wait for
 * its whole window to be answered, so peer and server take turns instead of working at once. So
 * while a burst is read the flushes go out at growing intervals: after the first {@code flushFirst}
 * responses, then after twice as many more, and so on up to {@code flushAfter} responses per write;
 * the rest when the read ends. A peer with ten requests in flight gets four answers early and sends
 * four more while the other six are handled; a peer with hundreds costs a handful of writes per
 * burst instead of one.
 *
 * <p>A flush outside a read (a response completed by another thread) is passed on at the end of the
 * event loop's current run of tasks, so responses finishing together share a write and a lone one
 * is not delayed.
 */
public final class BurstFlushHandler extends ChannelDuplexHandler {

  private final int flushFirst;
  private final int flushAfter;

  /** Flushes held back since the last write. */
  private int pending;

  /** Flushes to hold before the next write while this read burst lasts. */
  private int threshold;

  private boolean readInProgress;
  private ChannelHandlerContext ctx;
  private Future<?> scheduledFlush;
  private final Runnable flushTask =
      () -> {
        scheduledFlush = null;
        if (pending > 0 && !readInProgress) {
          flushNow();
        }
      };

  /**
   * @param flushFirst responses in the first write of a read burst, at least 1; equal to {@code
   *     flushAfter} for one write per {@code flushAfter} responses throughout
   * @param flushAfter the most responses held for one write
   */
  public BurstFlushHandler(int flushFirst, int flushAfter) {
    if (flushFirst < 1 || flushAfter < flushFirst) {
      throw new IllegalArgumentException(
          "need 1 <= flushFirst <= flushAfter: " + flushFirst + ", " + flushAfter);
    }
    this.flushFirst = flushFirst;
    this.flushAfter = flushAfter;
    this.threshold = flushFirst;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    readInProgress = true;
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    endBurst();
    ctx.fireChannelReadComplete();
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    pending++;
    if (readInProgress) {
      if (pending >= threshold) {
        flushNow();
        threshold = threshold > flushAfter / 2 ? flushAfter : threshold * 2;
      }
    } else if (pending >= flushAfter) {
      flushNow();
    } else if (scheduledFlush == null) {
      scheduledFlush = ctx.channel().eventLoop().submit(flushTask);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    // An unwritable channel only drains what was flushed: what we hold would never go out.
    if (!ctx.channel().isWritable()) {
      flushIfPending();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    endBurst();
    ctx.fireExceptionCaught(cause);
  }

  @Override
  public void disconnect(ChannelHandlerContext ctx, ChannelPromise promise) {
    endBurst();
    ctx.disconnect(promise);
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    endBurst();
    ctx.close(promise);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    flushIfPending();
  }

  private void endBurst() {
    readInProgress = false;
    threshold = flushFirst;
    flushIfPending();
  }

  private void flushIfPending() {
    if (pending > 0) {
      flushNow();
    }
  }

  private void flushNow() {
    pending = 0;
    if (scheduledFlush != null) {
      scheduledFlush.cancel(false);
      scheduledFlush = null;
    }
    ctx.flush();
  }
}
