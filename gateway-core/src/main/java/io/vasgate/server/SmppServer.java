package io.vasgate.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.vasgate.config.SmppServerConfig;
import io.vasgate.smpp.codec.SmppFrameDecoder;
import io.vasgate.smpp.codec.SmppPduDecoder;
import io.vasgate.smpp.codec.SmppPduEncoder;
import io.vasgate.smpp.session.SessionServices;
import io.vasgate.smpp.session.SessionShutdown;
import io.vasgate.smpp.session.SmppSessionHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMPP listener: one Netty pipeline per connection of framing, codec, timers and a {@link
 * SmppSessionHandler}.
 */
public final class SmppServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SmppServer.class);

  private final SmppServerConfig config;
  private final SessionServices services;
  private final EventLoopGroup group;
  private final Class<? extends ServerChannel> channelType;
  private Channel serverChannel;

  public SmppServer(SessionServices services) {
    this.config = services.config();
    this.services = services;
    IoHandlerFactory io;
    if (Epoll.isAvailable()) {
      // The real clock even in tests: a test's hand-driven clock would make the loop poll forever.
      io =
          EpollIoHandler.newFactory(
              0,
              new BusyPollSelectStrategyFactory(
                  Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(config.busyPollMicros())),
                  System::nanoTime));
      channelType = EpollServerSocketChannel.class;
    } else {
      io = NioIoHandler.newFactory();
      channelType = NioServerSocketChannel.class;
    }
    this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(), io);
  }

  /** Binds the listener; returns the address actually bound (the port when 0 was asked). */
  public InetSocketAddress start() throws InterruptedException {
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(channelType)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ChannelPipeline p = ch.pipeline();
                    // Responses are flushed one by one; under load this merges them into few
                    // syscalls without delaying a lone response or a small window's first ones.
                    p.addLast(
                        "flush",
                        new BurstFlushHandler(
                            Math.min(config.flushFirst(), config.flushAfter()),
                            config.flushAfter()));
                    // Reader idle, not all idle: a peer that has sent nothing for the interval is
                    // the one to probe (our own writes do not show the link is alive), and an
                    // all-idle or writer-idle timer adds a listener to every write.
                    p.addLast(
                        "idle",
                        new IdleStateHandler(
                            config.enquireLinkInterval().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
                    p.addLast("frame", new SmppFrameDecoder(config.maxPduSize()));
                    p.addLast("pdu-decoder", new SmppPduDecoder());
                    p.addLast("pdu-encoder", SmppPduEncoder.INSTANCE);
                    p.addLast("session", new SmppSessionHandler(services));
                  }
                });
    serverChannel = bootstrap.bind(config.host(), config.port()).sync().channel();
    InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
    log.info("smpp-server - listening on {}:{}", bound.getHostString(), bound.getPort());
    return bound;
  }

  public boolean isListening() {
    return serverChannel != null && serverChannel.isActive();
  }

  public InetSocketAddress localAddress() {
    return serverChannel == null ? null : (InetSocketAddress) serverChannel.localAddress();
  }

  /**
   * Stops accepting connections, lets every session finish what it is processing, unbinds them and
   * closes; whatever is still open after {@code grace} is closed hard.
   */
  public void stop(Duration grace) {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
      log.info("smpp-server - stopped accepting connections");
    }
    SessionShutdown.drainAll(services.registry(), grace);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    log.info("smpp-server - stopped");
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(5));
  }
}
