package io.vasgate.loadtest.mo;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.vasgate.loadtest.driver.CpuClock;
import io.vasgate.loadtest.driver.MachineCpuClock;
import io.vasgate.loadtest.driver.ProcessCpuClock;
import io.vasgate.smpp.codec.SmppFrameDecoder;
import io.vasgate.smpp.codec.SmppPduDecoder;
import io.vasgate.smpp.codec.SmppPduEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's MO router under load, end to end through the gateway's handset command pipeline:
 * binds N transceiver sessions as an MO-source account, submits what simulated handsets type
 * ({@link HandsetPool}, {@link CommandMix}) and waits for each reply deliver_sm, answering it with
 * deliver_sm_resp. Measures per command the submit latency (submit_sm to submit_sm_resp: the MO is
 * recorded) and the end-to-end latency (submit_sm to the last part of the reply: parsed, applied to
 * the subscriptions, charged, recorded and answered), and counts every command that went wrong.
 *
 * <p>Open loop ({@link MoLoadSpec.Mode#OPEN_LOOP}): commands go out on a fixed schedule whatever
 * the gateway does, and latencies count from the scheduled time, so a driver or gateway that falls
 * behind shows in them. Closed loop: each bind keeps a window of commands going, which finds the
 * highest rate the gateway sustains.
 *
 * <p>All sessions share one event loop thread: the machine's cores belong to the gateway under
 * test, and one thread needs no locks for the handsets and figures. PDUs are built and read with
 * the gateway's own codec.
 *
 * <p>Not thread-safe: one run at a time.
 */
public final class MoLoadDriver implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MoLoadDriver.class);

  /** Largest PDU accepted from the gateway. */
  static final int MAX_PDU_SIZE = SmppFrameDecoder.DEFAULT_MAX_COMMAND_LENGTH;

  /** Time allowed for the unbind handshake before the connections are closed anyway. */
  static final Duration UNBIND_TIMEOUT = Duration.ofSeconds(5);

  /** Slack on top of warm-up, duration and reply timeout before the run is given up on. */
  static final Duration RESULT_SLACK = Duration.ofSeconds(30);

  /**
   * Called on the thread that runs the load, at the phase boundaries, e.g. to read the database's
   * statement counters or to start a profiler. Each call happens just after the boundary, so what
   * it does falls into the period it reads.
   */
  public interface Probe {

    /** Before any session connects. */
    default void beforeRun(MoLoadSpec spec) {}

    /** The measured period has begun. */
    default void measuring() {}

    /** The measured period has ended (stragglers are still being waited for). */
    default void measured() {}
  }

  /** A probe that does nothing. */
  public static final Probe NO_PROBE = new Probe() {};

  private final EventLoopGroup group;
  private final Class<? extends SocketChannel> channelType;
  private final CpuClock driverCpu;
  private final CpuClock machineCpu;

  private MoLoadDriver(
      EventLoopGroup group,
      Class<? extends SocketChannel> channelType,
      CpuClock driverCpu,
      CpuClock machineCpu) {
    this.group = group;
    this.channelType = channelType;
    this.driverCpu = driverCpu;
    this.machineCpu = machineCpu;
  }

  /** A driver with its own single event loop thread (epoll where available), closed by close(). */
  public static MoLoadDriver create() {
    IoHandlerFactory io;
    Class<? extends SocketChannel> type;
    if (Epoll.isAvailable()) {
      io = EpollIoHandler.newFactory();
      type = EpollSocketChannel.class;
    } else {
      io = NioIoHandler.newFactory();
      type = NioSocketChannel.class;
    }
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("mo-load", true), io);
    return new MoLoadDriver(
        group, type, ProcessCpuClock.currentProcess(), MachineCpuClock.ofThisMachine());
  }

  /** "epoll" or "nio". */
  public String transport() {
    return channelType.getSimpleName().startsWith("Epoll") ? "epoll" : "nio";
  }

  /**
   * Binds, warms up, measures, waits for the stragglers and unbinds. The pool must not be used by
   * anything else meanwhile.
   *
   * @throws MoBindException if a session could not connect or bind
   * @throws IllegalStateException if the run did not end in time
   */
  public MoLoadResult run(MoLoadSpec spec, HandsetPool pool, ServerCpu serverCpu, Probe probe)
      throws InterruptedException {
    EventLoop loop = group.next();
    MoLoadRun run = new MoLoadRun(spec, pool, loop, serverCpu, driverCpu, machineCpu);
    List<Channel> channels = new ArrayList<>();
    probe.beforeRun(spec);
    try {
      connectAndBind(spec, loop, run, channels);
      log.debug("mo-load - {} session(s) bound to {}", spec.binds(), spec.server());
      run.begin();
      Duration limit =
          spec.warmup().plus(spec.duration()).plus(spec.replyTimeout()).plus(RESULT_SLACK);
      long deadline = System.nanoTime() + limit.toNanos();
      await(run.measuring(), deadline, "the measured period to begin");
      probe.measuring();
      await(run.measured(), deadline, "the measured period to end");
      probe.measured();
      MoLoadResult result = await(run.result(), deadline, "the last replies");
      unbind(run, channels, loop);
      return result;
    } finally {
      for (Channel channel : channels) {
        channel.close();
      }
    }
  }

  private void connectAndBind(
      MoLoadSpec spec, EventLoop loop, MoLoadRun run, List<Channel> channels)
      throws InterruptedException {
    List<CompletableFuture<Void>> bound = new ArrayList<>();
    for (MoLoadConnection connection : run.connections()) {
      ChannelFuture connect =
          new Bootstrap()
              .group(loop)
              .channel(channelType)
              .option(ChannelOption.TCP_NODELAY, true)
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) spec.bindTimeout().toMillis())
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast("frame", new SmppFrameDecoder(MAX_PDU_SIZE))
                          .addLast("pdu-decoder", SmppPduDecoder.INSTANCE)
                          .addLast("pdu-encoder", SmppPduEncoder.INSTANCE)
                          .addLast("mo-load", connection);
                    }
                  })
              .connect(spec.server());
      channels.add(connect.channel());
      connect.addListener(
          f -> {
            if (!f.isSuccess()) {
              connection
                  .bound()
                  .completeExceptionally(
                      new MoBindException(
                          "cannot connect to " + spec.server() + ": " + f.cause(), f.cause()));
            }
          });
      bound.add(connection.bound());
    }
    try {
      CompletableFuture.allOf(bound.toArray(CompletableFuture[]::new))
          .get(spec.bindTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof MoBindException b
          ? b
          : new MoBindException("bind failed", e.getCause());
    } catch (TimeoutException e) {
      throw new MoBindException(
          "not all " + spec.binds() + " session(s) bound within " + spec.bindTimeout(), e);
    }
  }

  private static <T> T await(CompletableFuture<T> future, long deadline, String what)
      throws InterruptedException {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("mo-load run failed waiting for " + what, e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("mo-load run timed out waiting for " + what, e);
    }
  }

  private static void unbind(MoLoadRun run, List<Channel> channels, EventLoop loop)
      throws InterruptedException {
    loop.execute(() -> run.connections().forEach(MoLoadConnection::unbind));
    long deadline = System.nanoTime() + UNBIND_TIMEOUT.toNanos();
    for (Channel channel : channels) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !channel.closeFuture().await(left, TimeUnit.NANOSECONDS)) {
        log.warn("mo-load - no unbind_resp within {}, closing", UNBIND_TIMEOUT);
        break;
      }
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
