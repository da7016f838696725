package io.vasgate.loadtest.driver;

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
import io.vasgate.smpp.codec.SmppFrameDecoder;
import io.vasgate.smpp.codec.SmppPduCodec;
import io.vasgate.smpp.codec.SmppPduDecoder;
import io.vasgate.smpp.codec.SmppPduEncoder;
import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.SubmitSm;
import java.nio.charset.StandardCharsets;
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
 * An SMPP load generator on Netty: binds N sessions, keeps a window of submit_sm outstanding on
 * each, and measures acknowledged submit_sm per second, round-trip latency and the CPU both sides
 * spent.
 *
 * <p>All sessions share <b>one event loop thread</b> (epoll when available, NIO otherwise). The
 * benchmark machine has two cores shared by client and server; a second client thread would only
 * take CPU from the server under test. One thread also makes every counter and the phase boundaries
 * race-free without locks. The submit_sm is encoded once with our codec and copied with a fresh
 * sequence number per request; responses are decoded with our codec.
 *
 * <p>Not thread-safe: run one load at a time.
 */
public final class SmppLoadDriver implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SmppLoadDriver.class);

  /** Time allowed, after the measured period, for outstanding submit_sm to be answered. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  /** Time allowed for the unbind handshake before the connections are closed anyway. */
  static final Duration UNBIND_TIMEOUT = Duration.ofSeconds(5);

  /** Slack on top of warm-up plus duration before the result is given up on. */
  static final Duration RESULT_SLACK = Duration.ofSeconds(30);

  /** Largest PDU the driver accepts from a server. */
  static final int MAX_PDU_SIZE = SmppFrameDecoder.DEFAULT_MAX_COMMAND_LENGTH;

  /** The text of every submit_sm: 35 GSM 7-bit characters, a typical short MT. */
  public static final String MESSAGE_TEXT = "Your verification code is 482913.";

  private final EventLoopGroup group;
  private final Class<? extends SocketChannel> channelType;
  private final CpuClock clientCpu;
  private final CpuClock machineCpu;
  private final boolean ownsGroup;

  /**
   * A driver on a given loop group (only its first loop is used), e.g. shared with a test.
   *
   * @param clientCpu the CPU clock of the process the driver runs in, reported alongside the
   *     server's
   * @param machineCpu the whole machine's busy CPU clock, to tell disturbed figures; null if none
   */
  public SmppLoadDriver(
      EventLoopGroup group,
      Class<? extends SocketChannel> channelType,
      CpuClock clientCpu,
      CpuClock machineCpu) {
    this(group, channelType, clientCpu, machineCpu, false);
  }

  private SmppLoadDriver(
      EventLoopGroup group,
      Class<? extends SocketChannel> channelType,
      CpuClock clientCpu,
      CpuClock machineCpu,
      boolean ownsGroup) {
    this.group = group;
    this.channelType = channelType;
    this.clientCpu = clientCpu;
    this.machineCpu = machineCpu;
    this.ownsGroup = ownsGroup;
  }

  /** A driver with its own single event loop thread, closed by {@link #close()}. */
  public static SmppLoadDriver create() {
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
        new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("load-driver", true), io);
    return new SmppLoadDriver(
        group, type, ProcessCpuClock.currentProcess(), MachineCpuClock.ofThisMachine(), true);
  }

  /** "epoll" or "nio". */
  public String transport() {
    return channelType.getSimpleName().startsWith("Epoll") ? "epoll" : "nio";
  }

  /** The submit_sm every request is a copy of (with its own sequence number). */
  public static SubmitSm submitTemplate() {
    return SubmitSm.builder()
        .sequenceNumber(1)
        .source(Address.national("10658880"))
        .destination(Address.international("8613800138000"))
        .dataCoding(0)
        .shortMessage(MESSAGE_TEXT.getBytes(StandardCharsets.US_ASCII))
        .build();
  }

  /**
   * Binds, warms up, measures, drains and unbinds.
   *
   * @param serverCpu the server's CPU clock, read at both ends of the measured period
   * @throws BindFailedException if a session could not connect or bind
   * @throws IllegalStateException if the run did not finish in time or a CPU clock failed
   */
  public LoadResult run(LoadSpec spec, CpuClock serverCpu) throws InterruptedException {
    EventLoop loop = group.next();
    LoadRun run =
        new LoadRun(
            spec,
            SmppPduCodec.encodeToBytes(submitTemplate()),
            loop,
            serverCpu,
            clientCpu,
            machineCpu);
    List<Channel> channels = new ArrayList<>();
    try {
      connectAndBind(spec, loop, run, channels);
      log.debug("load - {} session(s) bound to {}", spec.binds(), spec.server());
      run.begin();
      Duration limit = spec.warmup().plus(spec.duration()).plus(RESULT_SLACK);
      LoadResult result = await(run.result(), limit, "the measured period to end");
      awaitDrained(run);
      unbind(run, channels, loop);
      return result;
    } finally {
      for (Channel channel : channels) {
        channel.close();
      }
    }
  }

  private void connectAndBind(LoadSpec spec, EventLoop loop, LoadRun run, List<Channel> channels)
      throws InterruptedException {
    List<CompletableFuture<Void>> bound = new ArrayList<>();
    for (LoadConnection connection : run.connections()) {
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
                          .addLast("load", connection);
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
                      new BindFailedException(
                          "cannot connect to " + spec.server() + ": " + f.cause(), f.cause()));
            }
          });
      bound.add(connection.bound());
    }
    try {
      CompletableFuture.allOf(bound.toArray(CompletableFuture[]::new))
          .get(spec.bindTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof BindFailedException b
          ? b
          : new BindFailedException("bind failed", e.getCause());
    } catch (TimeoutException e) {
      throw new BindFailedException(
          "not all " + spec.binds() + " session(s) bound within " + spec.bindTimeout(), e);
    }
  }

  private static <T> T await(CompletableFuture<T> future, Duration limit, String what)
      throws InterruptedException {
    try {
      return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("load run failed waiting for " + what, e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out after " + limit + " waiting for " + what, e);
    }
  }

  private static void awaitDrained(LoadRun run) throws InterruptedException {
    CompletableFuture<?>[] drained =
        run.connections().stream().map(LoadConnection::drained).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(drained).get(DRAIN_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // The result is already in; unanswered requests past it do not change it.
      log.warn("load - submit_sm still unanswered {} after the measured period", DRAIN_TIMEOUT);
    }
  }

  private static void unbind(LoadRun run, List<Channel> channels, EventLoop loop)
      throws InterruptedException {
    loop.execute(() -> run.connections().forEach(LoadConnection::unbind));
    long deadline = System.nanoTime() + UNBIND_TIMEOUT.toNanos();
    for (Channel channel : channels) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !channel.closeFuture().await(left, TimeUnit.NANOSECONDS)) {
        log.warn("load - no unbind_resp within {}, closing", UNBIND_TIMEOUT);
        break;
      }
    }
  }

  @Override
  public void close() {
    if (ownsGroup) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
