package io.vasgate.smpp.session;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import io.vasgate.account.BindDecision;
import io.vasgate.account.BindLease;
import io.vasgate.account.EsmeAccount;
import io.vasgate.smpp.codec.InvalidPdu;
import io.vasgate.smpp.codec.SequenceNumbers;
import io.vasgate.smpp.codec.SmppFrameException;
import io.vasgate.smpp.pdu.Bind;
import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.CommandId;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.DataSm;
import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.smpp.pdu.EnquireLink;
import io.vasgate.smpp.pdu.EnquireLinkResp;
import io.vasgate.smpp.pdu.GenericNack;
import io.vasgate.smpp.pdu.Pdu;
import io.vasgate.smpp.pdu.PduRequest;
import io.vasgate.smpp.pdu.PduResponse;
import io.vasgate.smpp.pdu.SmppLimits;
import io.vasgate.smpp.pdu.SubmitMulti;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvTag;
import io.vasgate.smpp.pdu.Unbind;
import io.vasgate.smpp.pdu.UnbindResp;
import io.vasgate.throttle.TokenBucket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMPP connection seen from the server: the state machine of SMPP 3.4 section 2.2, the outbound
 * window, the timers, and the hand-off of message requests to the business.
 *
 * <p>Everything here runs on the channel's event loop; other threads reach it only through {@link
 * #send}, which hops onto the loop. Nothing blocks: authentication and business handling return
 * futures that complete back here.
 */
public final class SmppSessionHandler extends ChannelInboundHandlerAdapter implements SmppSession {

  private static final Logger log = LoggerFactory.getLogger(SmppSessionHandler.class);

  /** Requests that may wait for a window slot, per slot of window. */
  private static final int QUEUE_SLOTS_PER_WINDOW_SLOT = 10;

  private final SessionServices services;
  private final long id;
  private final SequenceNumbers sequences = new SequenceNumbers();

  private ChannelHandlerContext ctx;
  private volatile SessionState state = SessionState.OPEN;
  private volatile EsmeAccount account;
  private volatile BindType bindType;
  private BindLease lease;
  private boolean bindInProgress;
  private boolean draining;
  private boolean enquireLinkPending;
  private OutboundWindow window;
  private TokenBucket throttle;
  private int inboundInFlight;
  private CompletableFuture<Void> inboundDrained;
  private ScheduledFuture<?> bindTimer;
  private ScheduledFuture<?> sweepTimer;
  private volatile String label;

  public SmppSessionHandler(SessionServices services) {
    this.services = services;
    this.id = services.registry().nextId();
    this.label = "smpp-" + id;
    this.window = new OutboundWindow(services.config().defaultWindowSize(), 0);
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public SessionState state() {
    return state;
  }

  @Override
  public Optional<EsmeAccount> account() {
    return Optional.ofNullable(account);
  }

  @Override
  public Optional<BindType> bindType() {
    return Optional.ofNullable(bindType);
  }

  @Override
  public SocketAddress remoteAddress() {
    return ctx == null ? null : ctx.channel().remoteAddress();
  }

  @Override
  public String label() {
    return label;
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    label = "smpp-" + id + " " + ctx.channel().remoteAddress();
    services.registry().add(this);
    long bindTimeout = services.config().bindTimeout().toNanos();
    bindTimer =
        ctx.executor()
            .schedule(
                () -> {
                  if (!state.isBound()) {
                    log.warn(
                        "{} - not bound within {}, closing",
                        label,
                        services.config().bindTimeout());
                    ctx.close();
                  }
                },
                bindTimeout,
                TimeUnit.NANOSECONDS);
    long sweep =
        Math.max(
            TimeUnit.MILLISECONDS.toNanos(10), services.config().responseTimeout().toNanos() / 4);
    sweepTimer =
        ctx.executor()
            .scheduleAtFixedRate(this::expireRequests, sweep, sweep, TimeUnit.NANOSECONDS);
    log.debug("{} - connected", label);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    SessionState previous = state;
    state = SessionState.CLOSED;
    cancel(bindTimer);
    cancel(sweepTimer);
    window.failAll(new SessionClosedException(label + " closed"));
    if (lease != null) {
      lease.release();
    }
    services.registry().remove(this);
    if (inboundDrained != null) {
      inboundDrained.complete(null);
    }
    if (previous.isBound() || previous == SessionState.UNBOUND) {
      log.info("{} - closed (was {})", label, previous);
    } else {
      log.debug("{} - closed before bind", label);
    }
    ctx.fireChannelInactive();
  }

  private static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && state.isBound() && !enquireLinkPending) {
      // One probe at a time: a peer slow to answer the first is not helped by a second.
      enquireLinkPending = true;
      sendNow(new EnquireLink(0), new CompletableFuture<>(), true)
          .whenComplete(
              (resp, err) -> {
                enquireLinkPending = false;
                if (err != null && !(err instanceof SessionClosedException)) {
                  log.warn(
                      "{} - no answer to enquire_link ({}), closing stale session",
                      label,
                      err.toString());
                  ctx.close();
                }
              });
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root =
        cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
            ? cause.getCause()
            : cause;
    if (root instanceof SmppFrameException frame) {
      services.metrics().invalid();
      log.warn("{} - unrecoverable framing error, closing: {}", label, frame.getMessage());
      write(new GenericNack(CommandStatus.ESME_RINVCMDLEN.code(), frame.sequenceNumber().orElse(0)))
          .addListener(ChannelFutureListener.CLOSE);
      state = SessionState.UNBOUND;
      return;
    }
    if (root instanceof java.io.IOException) {
      log.info("{} - connection error: {}", label, root.getMessage());
    } else {
      log.error("{} - unexpected error, closing", label, root);
    }
    ctx.close();
  }

  // ---------------------------------------------------------------- inbound

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof PduRequest request) {
      services.metrics().received(request.commandId());
      if (log.isDebugEnabled()) {
        log.debug("{} - received {}", label, request);
      }
      onRequest(request);
    } else if (msg instanceof PduResponse response) {
      services.metrics().received(response.commandId());
      if (log.isDebugEnabled()) {
        log.debug("{} - received {}", label, response);
      }
      onResponse(response);
    } else if (msg instanceof InvalidPdu invalid) {
      onInvalid(invalid);
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private void onRequest(PduRequest request) {
    if (state == SessionState.CLOSED) {
      return;
    }
    if (request instanceof Bind bind) {
      onBind(bind);
    } else if (request instanceof EnquireLink link) {
      respond(new EnquireLinkResp(0, link.sequenceNumber()));
    } else if (request instanceof Unbind unbind) {
      onUnbind(unbind);
    } else {
      onMessageRequest(request);
    }
  }

  private void onUnbind(Unbind unbind) {
    if (!state.isBound()) {
      respond(unbind.negativeResponse(CommandStatus.ESME_RINVBNDSTS));
      return;
    }
    log.info("{} - unbind requested by the ESME", label);
    state = SessionState.UNBOUND;
    write(new UnbindResp(0, unbind.sequenceNumber()));
    // The ESME closes after reading unbind_resp; closing first can make it miss the response.
    ctx.executor()
        .schedule(
            () -> {
              if (ctx.channel().isActive()) {
                ctx.close();
              }
            },
            services.config().unbindTimeout().toNanos(),
            TimeUnit.NANOSECONDS);
  }

  private void onMessageRequest(PduRequest request) {
    CommandStatus refusal = refusalFor(request);
    if (refusal != null) {
      respond(request.negativeResponse(refusal));
      return;
    }
    if (inboundInFlight >= account.windowSize()) {
      respond(request.negativeResponse(CommandStatus.ESME_RMSGQFUL));
      return;
    }
    if (isRateLimited(request) && !throttle.tryAcquire(1)) {
      services.metrics().throttled();
      respond(request.negativeResponse(CommandStatus.ESME_RTHROTTLED));
      return;
    }
    CompletionStage<? extends PduResponse> stage;
    try {
      stage = services.requestHandler().handle(this, request);
    } catch (RuntimeException e) {
      respond(failureResponse(request, e));
      return;
    }
    CompletableFuture<? extends PduResponse> future = stage.toCompletableFuture();
    if (future.isDone()) {
      // The common fast path: an immediate answer needs no callback and no hop.
      respond(outcome(request, future));
      return;
    }
    inboundInFlight++;
    future.whenComplete(
        (resp, err) -> {
          if (ctx.executor().inEventLoop()) {
            answerLater(request, resp, err);
          } else {
            ctx.executor().execute(() -> answerLater(request, resp, err));
          }
        });
  }

  private void answerLater(PduRequest request, PduResponse resp, Throwable err) {
    inboundInFlight--;
    respond(err == null ? checked(request, resp) : failureResponse(request, err));
    if (inboundInFlight == 0 && inboundDrained != null) {
      inboundDrained.complete(null);
    }
  }

  private PduResponse outcome(PduRequest request, CompletableFuture<? extends PduResponse> done) {
    try {
      return checked(request, done.join());
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      return failureResponse(request, e);
    }
  }

  private PduResponse checked(PduRequest request, PduResponse resp) {
    if (resp == null
        || resp.sequenceNumber() != request.sequenceNumber()
        || resp.commandId() != request.commandId().responseId()) {
      log.error("{} - handler answered {} with {}", label, request.commandId(), resp);
      return request.negativeResponse(CommandStatus.ESME_RSYSERR);
    }
    return resp;
  }

  private PduResponse failureResponse(PduRequest request, Throwable err) {
    Throwable cause = err;
    while ((cause instanceof CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof SmppStatusException status) {
      log.debug("{} - {} refused: {}", label, request.commandId().specName(), status.getMessage());
      return request.negativeResponse(status.commandStatus());
    }
    log.error("{} - handling {} failed", label, request.commandId().specName(), cause);
    return request.negativeResponse(CommandStatus.ESME_RSYSERR);
  }

  /** Why the request may not be processed in this state, or null if it may. */
  private CommandStatus refusalFor(PduRequest request) {
    if (draining) {
      // Shutting down: a retry will reach a gateway that is staying up.
      return CommandStatus.ESME_RMSGQFUL;
    }
    if (!state.isBound()) {
      return CommandStatus.ESME_RINVBNDSTS;
    }
    boolean fromEsme =
        switch (request.commandId()) {
          case SUBMIT_SM, SUBMIT_MULTI, DATA_SM, QUERY_SM, CANCEL_SM, REPLACE_SM, DELIVER_SM ->
              true;
          default -> false;
        };
    if (!fromEsme) {
      // outbind and alert_notification only ever travel from an SMSC to an ESME.
      return CommandStatus.ESME_RINVBNDSTS;
    }
    return state.esmeMayTransmit() ? null : CommandStatus.ESME_RINVBNDSTS;
  }

  private static boolean isRateLimited(PduRequest request) {
    return request instanceof io.vasgate.smpp.pdu.SubmitSm
        || request instanceof SubmitMulti
        || request instanceof DataSm
        || request instanceof DeliverSm;
  }

  // ---------------------------------------------------------------- bind

  private void onBind(Bind bind) {
    if (state != SessionState.OPEN || bindInProgress) {
      respond(bind.negativeResponse(CommandStatus.ESME_RALYBND));
      return;
    }
    bindInProgress = true;
    InetSocketAddress peer =
        ctx.channel().remoteAddress() instanceof InetSocketAddress inet ? inet : null;
    CompletableFuture<BindDecision> decision;
    try {
      decision =
          services
              .authenticator()
              .authenticate(bind.systemId(), bind.password(), bind.bindType(), peer);
    } catch (RuntimeException e) {
      decision = CompletableFuture.failedFuture(e);
    }
    decision.whenComplete((d, err) -> ctx.executor().execute(() -> finishBind(bind, d, err)));
  }

  private void finishBind(Bind bind, BindDecision decision, Throwable err) {
    if (err != null) {
      bindInProgress = false;
      services.metrics().bind(false);
      log.error("{} - bind of {} failed inside the gateway", label, bind.systemId(), err);
      respond(bind.negativeResponse(CommandStatus.ESME_RSYSERR));
      return;
    }
    if (decision instanceof BindDecision.Accepted accepted) {
      if (state == SessionState.CLOSED) {
        accepted.lease().release();
        return;
      }
      bindInProgress = false;
      account = accepted.account();
      lease = accepted.lease();
      bindType = bind.bindType();
      state = SessionState.boundAs(bind.bindType());
      label = "smpp-" + id + " " + account.systemId() + "@" + ctx.channel().remoteAddress();
      window =
          new OutboundWindow(
              account.windowSize(), account.windowSize() * QUEUE_SLOTS_PER_WINDOW_SLOT);
      throttle = services.throttles().forAccount(account.systemId(), account.maxSubmitPerSecond());
      cancel(bindTimer);
      services.metrics().bind(true);
      List<Tlv> tlvs =
          (bind.interfaceVersion() & 0xFF) >= (SmppLimits.INTERFACE_VERSION_34 & 0xFF)
              ? List.of(
                  new Tlv(
                      TlvTag.SC_INTERFACE_VERSION, new byte[] {SmppLimits.INTERFACE_VERSION_34}))
              : List.of();
      respond(bind.response(services.serverSystemId(), tlvs));
      log.info("{} - bound as {}", label, bind.bindType());
    } else if (decision instanceof BindDecision.Rejected rejected) {
      services.metrics().bind(false);
      Runnable answer =
          () -> {
            bindInProgress = false;
            respond(bind.negativeResponse(rejected.commandStatus()));
          };
      if (rejected.delay().isZero() || rejected.delay().isNegative()) {
        answer.run();
      } else {
        ctx.executor().schedule(answer, rejected.delay().toNanos(), TimeUnit.NANOSECONDS);
      }
    }
  }

  // ---------------------------------------------------------------- responses and bad input

  private void onResponse(PduResponse response) {
    OutboundWindow.InFlight request = window.complete(response);
    if (request == null) {
      if (state == SessionState.UNBOUND && response instanceof UnbindResp) {
        ctx.close();
        return;
      }
      log.warn(
          "{} - {} with sequence {} answers nothing we sent; dropped",
          label,
          response.commandId().specName(),
          response.sequenceNumber());
      return;
    }
    if (response instanceof GenericNack nack) {
      request
          .future()
          .completeExceptionally(
              new SmppStatusException(
                  nack.commandStatus() == 0
                      ? CommandStatus.ESME_RSYSERR.code()
                      : nack.commandStatus(),
                  "generic_nack for " + request.request().commandId().specName()));
    } else {
      request.future().complete(response);
    }
    if (response instanceof UnbindResp) {
      ctx.close();
      return;
    }
    drainQueue();
  }

  private void onInvalid(InvalidPdu invalid) {
    services.metrics().invalid();
    log.warn(
        "{} - invalid PDU (command_id {}, sequence {}): {} -> {}",
        label,
        String.format("0x%08x", invalid.commandId()),
        invalid.sequenceNumber(),
        invalid.reason(),
        CommandStatus.describe(invalid.commandStatus()));
    Optional<PduResponse> answer = invalid.response();
    if (answer.isPresent()) {
      respond(answer.get());
      return;
    }
    // A malformed response cannot be answered; fail whatever it was meant to answer.
    OutboundWindow.InFlight request =
        window.complete(new GenericNack(invalid.commandStatus(), invalid.sequenceNumber()));
    if (request != null) {
      request
          .future()
          .completeExceptionally(
              new SmppStatusException(
                  invalid.commandStatus(),
                  "malformed " + invalid.command().map(CommandId::specName).orElse("response")));
    }
  }

  // ---------------------------------------------------------------- outbound

  @Override
  public CompletableFuture<PduResponse> send(PduRequest request) {
    CompletableFuture<PduResponse> future = new CompletableFuture<>();
    if (ctx == null) {
      future.completeExceptionally(new SessionClosedException(label + " is not connected"));
    } else if (ctx.executor().inEventLoop()) {
      sendNow(request, future, false);
    } else {
      ctx.executor().execute(() -> sendNow(request, future, false));
    }
    return future;
  }

  private CompletableFuture<PduResponse> sendNow(
      PduRequest request, CompletableFuture<PduResponse> future, boolean bypassWindow) {
    if (state == SessionState.CLOSED || !ctx.channel().isActive()) {
      future.completeExceptionally(new SessionClosedException(label + " is closed"));
    } else if (bypassWindow || (window.hasFreeSlot() && window.queuedCount() == 0)) {
      transmit(request, future);
    } else if (!window.enqueue(request, future)) {
      future.completeExceptionally(
          new SmppStatusException(CommandStatus.ESME_RMSGQFUL, label + " outbound queue is full"));
    }
    return future;
  }

  private void transmit(PduRequest request, CompletableFuture<PduResponse> future) {
    PduRequest stamped = request.withSequenceNumber(sequences.next());
    long deadline = services.nanoTime().getAsLong() + services.config().responseTimeout().toNanos();
    window.add(stamped, future, deadline);
    write(stamped);
  }

  private void drainQueue() {
    OutboundWindow.Queued next;
    while ((next = window.pollQueued()) != null) {
      transmit(next.request(), next.future());
    }
  }

  private void expireRequests() {
    List<OutboundWindow.InFlight> expired = window.expire(services.nanoTime().getAsLong());
    if (!expired.isEmpty()) {
      log.warn(
          "{} - {} request(s) unanswered after {}",
          label,
          expired.size(),
          services.config().responseTimeout());
      for (OutboundWindow.InFlight f : expired) {
        services.metrics().responseTimeout();
        f.future()
            .completeExceptionally(
                new ResponseTimeoutException(
                    label
                        + " - no response to "
                        + f.request().commandId().specName()
                        + " seq "
                        + f.request().sequenceNumber()));
      }
      drainQueue();
    }
  }

  private void respond(PduResponse response) {
    write(response);
  }

  private io.netty.channel.ChannelFuture write(Pdu pdu) {
    services.metrics().sent(pdu.commandId());
    if (log.isDebugEnabled()) {
      log.debug("{} - sending {}", label, pdu);
    }
    return ctx.writeAndFlush(pdu);
  }

  // ---------------------------------------------------------------- shutdown

  /**
   * Stops taking new requests, waits for the ones being processed to be answered, then unbinds and
   * closes; completes when the connection is closed. Runs on the event loop.
   */
  CompletableFuture<Void> drainAndClose() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    ctx.channel().closeFuture().addListener(f -> closed.complete(null));
    ctx.executor()
        .execute(
            () -> {
              draining = true;
              inboundDrained = new CompletableFuture<>();
              if (inboundInFlight == 0) {
                inboundDrained.complete(null);
              }
              inboundDrained.thenRun(() -> ctx.executor().execute(this::unbindAndClose));
            });
    return closed;
  }

  private void unbindAndClose() {
    if (!state.isBound()) {
      ctx.close();
      return;
    }
    log.info("{} - unbinding for shutdown", label);
    sendNow(new Unbind(0), new CompletableFuture<>(), true)
        .whenComplete((resp, err) -> ctx.close());
    state = SessionState.UNBOUND;
    ctx.executor()
        .schedule(
            () -> {
              if (ctx.channel().isActive()) {
                log.warn(
                    "{} - no unbind_resp within {}, closing",
                    label,
                    services.config().unbindTimeout());
                ctx.close();
              }
            },
            services.config().unbindTimeout().toNanos(),
            TimeUnit.NANOSECONDS);
  }

  /** Closes at once; used when the grace period ran out. */
  void closeNow() {
    ctx.close();
  }
}
