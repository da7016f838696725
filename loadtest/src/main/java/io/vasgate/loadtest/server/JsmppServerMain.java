package io.vasgate.loadtest.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/**
 * jSMPP's {@link SMPPServerSessionListener} with its defaults (a reader thread per session and a
 * PDU processor pool of 3 threads per session), set up as jSMPP's own server simulator is: accept,
 * wait for the bind on a separate thread, accept the demo account, answer every submit_sm with a
 * fresh message_id.
 */
public final class JsmppServerMain {

  /** How long an accepted connection may take to send its bind, in milliseconds. */
  static final long BIND_TIMEOUT_MILLIS = 10_000;

  /** Pending connections the listening socket queues. */
  static final int BACKLOG = 128;

  private JsmppServerMain() {}

  public static void main(String[] args) {
    System.exit(StandaloneServer.serve(JsmppServerMain::start, System.in, System.out));
  }

  /** Starts the server on a free port of 127.0.0.1. */
  public static BenchmarkServer start() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getByName(BenchmarkServer.HOST), 0), BACKLOG);
    int port = socket.getLocalPort();
    SMPPServerSessionListener listener =
        new SMPPServerSessionListener(port, new BoundSocketFactory(socket));
    listener.setMessageReceiverListener(new Receiver());
    Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService binders =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "jsmpp-bind-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Thread acceptor =
        new Thread(
            () -> {
              while (true) {
                SMPPServerSession session;
                try {
                  session = listener.accept();
                } catch (IOException e) {
                  return; // the listener was closed
                }
                sessions.add(session);
                binders.execute(() -> awaitBind(session));
              }
            },
            "jsmpp-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
    return new BenchmarkServer() {
      @Override
      public int port() {
        return port;
      }

      @Override
      public void close() {
        try {
          listener.close();
        } catch (IOException e) {
          // Closing anyway.
        }
        for (SMPPServerSession session : sessions) {
          session.unbindAndClose();
        }
        binders.shutdownNow();
      }
    };
  }

  private static void awaitBind(SMPPServerSession session) {
    try {
      BindRequest bind = session.waitForBind(BIND_TIMEOUT_MILLIS);
      if (!BenchmarkServer.SYSTEM_ID.equals(bind.getSystemId())) {
        bind.reject(SMPPConstant.STAT_ESME_RINVSYSID);
      } else if (!BenchmarkServer.PASSWORD.equals(bind.getPassword())) {
        bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
      } else {
        bind.accept("jsmpp", InterfaceVersion.IF_34);
      }
    } catch (TimeoutException | IllegalStateException | IOException | PDUStringException e) {
      session.close();
    }
  }

  /** Hands jSMPP a server socket already bound to loopback (jSMPP would bind every interface). */
  private static final class BoundSocketFactory implements ServerConnectionFactory {

    private final ServerSocket socket;

    BoundSocketFactory(ServerSocket socket) {
      this.socket = socket;
    }

    @Override
    public ServerConnection listen(int port) {
      return new ServerSocketConnection(socket);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
      socket.setSoTimeout(timeout);
      return new ServerSocketConnection(socket);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
      return listen(port, timeout);
    }
  }

  /** Accepts every submit_sm with a fresh message_id; refuses the rest. */
  private static final class Receiver implements ServerMessageReceiverListener {

    private static final OptionalParameter[] NO_TLVS = new OptionalParameter[0];

    private final AtomicLong messageIds = new AtomicLong();

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
        throws ProcessRequestException {
      try {
        return new SubmitSmResult(
            new org.jsmpp.util.MessageId(Long.toString(messageIds.incrementAndGet())), NO_TLVS);
      } catch (PDUStringException e) {
        throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR, e);
      }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("submit_multi");
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("query_sm");
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("replace_sm");
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("cancel_sm");
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("broadcast_sm");
    }

    @Override
    public void onAcceptCancelBroadcastSm(
        CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("cancel_broadcast_sm");
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
        QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("query_broadcast_sm");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source)
        throws ProcessRequestException {
      throw unsupported("data_sm");
    }

    private static ProcessRequestException unsupported(String command) {
      return new ProcessRequestException(
          command + " is not part of the benchmark", SMPPConstant.STAT_ESME_RINVCMDID);
    }
  }
}
