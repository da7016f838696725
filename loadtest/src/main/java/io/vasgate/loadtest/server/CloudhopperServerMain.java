package io.vasgate.loadtest.server;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.type.SmppChannelException;
import com.cloudhopper.smpp.type.SmppProcessingException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cloudhopper ch-smpp's {@link DefaultSmppServer} set up as its own example server is (NIO sockets,
 * a cached thread pool for Netty 3), answering every submit_sm with a fresh message_id from the I/O
 * thread, as Cloudhopper's examples do. Only the demo account binds.
 */
public final class CloudhopperServerMain {

  /** Connections the server accepts; well above any benchmark's bind count. */
  static final int MAX_CONNECTIONS = 256;

  /** Its window for requests it sends (none in this benchmark); Cloudhopper's example value x20. */
  static final int WINDOW_SIZE = 1_000;

  /** Request expiry, as in Cloudhopper's example server. */
  static final long REQUEST_EXPIRY_MILLIS = 30_000;

  /** Attempts to find a free port: Cloudhopper cannot report the port it bound for port 0. */
  static final int PORT_ATTEMPTS = 5;

  private CloudhopperServerMain() {}

  public static void main(String[] args) {
    System.exit(StandaloneServer.serve(CloudhopperServerMain::start, System.in, System.out));
  }

  /** Starts the server on a free port of 127.0.0.1. */
  public static BenchmarkServer start() throws SmppChannelException, IOException {
    SmppChannelException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int port = freePort();
      try {
        return start(port);
      } catch (SmppChannelException e) {
        // Someone took the port between our probe and the bind: try another.
        last = e;
      }
    }
    throw last;
  }

  static BenchmarkServer start(int port) throws SmppChannelException {
    SmppServerConfiguration config = new SmppServerConfiguration();
    config.setName("cloudhopper-bench");
    config.setHost(BenchmarkServer.HOST);
    config.setPort(port);
    config.setSystemId("cloudhopper");
    config.setMaxConnectionSize(MAX_CONNECTIONS);
    config.setNonBlockingSocketsEnabled(true);
    config.setDefaultRequestExpiryTimeout(REQUEST_EXPIRY_MILLIS);
    config.setDefaultWindowMonitorInterval(REQUEST_EXPIRY_MILLIS / 2);
    config.setDefaultWindowSize(WINDOW_SIZE);
    config.setDefaultWindowWaitTimeout(REQUEST_EXPIRY_MILLIS);
    config.setDefaultSessionCountersEnabled(false);
    config.setJmxEnabled(false);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "cloudhopper-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ScheduledExecutorService monitor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cloudhopper-monitor");
              t.setDaemon(true);
              return t;
            });
    DefaultSmppServer server = new DefaultSmppServer(config, new Handler(), executor, monitor);
    try {
      server.start();
    } catch (SmppChannelException e) {
      server.destroy();
      executor.shutdownNow();
      monitor.shutdownNow();
      throw e;
    }
    return new BenchmarkServer() {
      @Override
      public int port() {
        return port;
      }

      @Override
      public void close() {
        server.stop();
        server.destroy();
        executor.shutdownNow();
        monitor.shutdownNow();
        try {
          executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(BenchmarkServer.HOST))) {
      return probe.getLocalPort();
    }
  }

  /** Accepts the demo account and serves each session with {@link SessionHandler}. */
  private static final class Handler implements SmppServerHandler {

    private final AtomicLong messageIds = new AtomicLong();

    @Override
    @SuppressWarnings("rawtypes") // Cloudhopper's interface uses the raw type
    public void sessionBindRequested(
        Long sessionId, SmppSessionConfiguration sessionConfiguration, BaseBind bindRequest)
        throws SmppProcessingException {
      if (!BenchmarkServer.SYSTEM_ID.equals(bindRequest.getSystemId())) {
        throw new SmppProcessingException(SmppConstants.STATUS_INVSYSID);
      }
      if (!BenchmarkServer.PASSWORD.equals(bindRequest.getPassword())) {
        throw new SmppProcessingException(SmppConstants.STATUS_INVPASWD);
      }
      sessionConfiguration.setName("cloudhopper-session-" + sessionId);
    }

    @Override
    public void sessionCreated(
        Long sessionId, SmppServerSession session, BaseBindResp preparedBindResponse) {
      session.serverReady(new SessionHandler(messageIds));
    }

    @Override
    public void sessionDestroyed(Long sessionId, SmppServerSession session) {
      session.destroy();
    }
  }

  /** Answers every request at once on the I/O thread; submit_sm gets a message_id. */
  private static final class SessionHandler extends DefaultSmppSessionHandler {

    private final AtomicLong messageIds;

    SessionHandler(AtomicLong messageIds) {
      this.messageIds = messageIds;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public PduResponse firePduRequestReceived(PduRequest request) {
      PduResponse response = request.createResponse();
      if (request instanceof SubmitSm && response instanceof SubmitSmResp submitResp) {
        submitResp.setMessageId(Long.toString(messageIds.incrementAndGet()));
      }
      return response;
    }
  }
}
