package io.vasgate.loadtest.driver;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.vasgate.smpp.codec.InvalidPdu;
import io.vasgate.smpp.pdu.Bind;
import io.vasgate.smpp.pdu.BindResp;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.smpp.pdu.EnquireLink;
import io.vasgate.smpp.pdu.GenericNack;
import io.vasgate.smpp.pdu.PduRequest;
import io.vasgate.smpp.pdu.SmppLimits;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.pdu.Unbind;
import io.vasgate.smpp.pdu.UnbindResp;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ESME session of the load: binds, then keeps {@code window} submit_sm in flight, sending the
 * next one as each response arrives. Everything runs on the connection's event loop.
 *
 * <p>Writes are flushed once per read batch ({@link #channelReadComplete}), so a burst of responses
 * read in one go is answered with one syscall.
 */
final class LoadConnection extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(LoadConnection.class);

  /** Offset of sequence_number in the PDU header (SMPP 3.4 section 3.2). */
  static final int SEQUENCE_NUMBER_OFFSET = 12;

  /** Protocol errors logged per connection; the rest are only counted. */
  static final int LOGGED_PROTOCOL_ERRORS = 5;

  private enum State {
    CONNECTING,
    BINDING,
    BOUND,
    SENDING,
    DRAINING,
    UNBINDING,
    CLOSED
  }

  private final LoadRun run;
  private final int id;
  private final InFlightRequests inFlight;
  private final CompletableFuture<Void> bound = new CompletableFuture<>();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private ChannelHandlerContext ctx;
  private State state = State.CONNECTING;
  private int lastSequence;
  private int protocolErrors;

  LoadConnection(LoadRun run, int id) {
    this.run = run;
    this.id = id;
    this.inFlight = new InFlightRequests(run.spec().window());
  }

  /** Completes when the bind is accepted; fails with {@link BindFailedException} otherwise. */
  CompletableFuture<Void> bound() {
    return bound;
  }

  /** Completes when, after {@link #stopSending()}, every submit_sm has been answered. */
  CompletableFuture<Void> drained() {
    return drained;
  }

  int inFlight() {
    return inFlight.size();
  }

  // ---------------------------------------------------------------- commands from the run

  /** Fills the window. */
  void startSending() {
    if (state != State.BOUND) {
      return;
    }
    state = State.SENDING;
    for (int i = 0; i < run.spec().window(); i++) {
      sendSubmit();
    }
    ctx.flush();
  }

  /** Sends nothing more; responses still count. */
  void stopSending() {
    if (state == State.SENDING) {
      state = State.DRAINING;
    }
    if (inFlight.size() == 0) {
      drained.complete(null);
    }
  }

  /** Unbinds; the connection closes on unbind_resp. */
  void unbind() {
    if (ctx == null || !ctx.channel().isActive()) {
      return;
    }
    state = State.UNBINDING;
    ctx.writeAndFlush(new Unbind(nextSequence()));
  }

  // ---------------------------------------------------------------- channel events

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    state = State.BINDING;
    LoadSpec spec = run.spec();
    ctx.writeAndFlush(Bind.of(spec.bindType(), nextSequence(), spec.systemId(), spec.password()));
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof SubmitSmResp resp) {
      onSubmitResponse(resp.sequenceNumber(), resp.commandStatus(), false);
    } else if (msg instanceof BindResp resp) {
      onBindResponse(resp);
    } else if (msg instanceof GenericNack nack) {
      if (state == State.BINDING) {
        failBind(nack.commandStatus(), "bind answered with generic_nack");
      } else {
        onSubmitResponse(nack.sequenceNumber(), nack.commandStatus(), true);
      }
    } else if (msg instanceof EnquireLink link) {
      ctx.writeAndFlush(link.response());
    } else if (msg instanceof Unbind unbind) {
      log.warn("load-{} - the server unbinds", id);
      if (isLoaded()) {
        run.disconnected();
      }
      state = State.UNBINDING;
      ctx.writeAndFlush(unbind.response()).addListener(ChannelFutureListener.CLOSE);
    } else if (msg instanceof UnbindResp) {
      ctx.close();
    } else if (msg instanceof DeliverSm deliver) {
      ctx.writeAndFlush(deliver.response());
    } else if (msg instanceof PduRequest request) {
      ctx.writeAndFlush(request.negativeResponse(CommandStatus.ESME_RINVCMDID));
    } else if (msg instanceof InvalidPdu invalid) {
      protocolError("undecodable PDU", invalid);
      // Free the slot if it answers a submit_sm, so the window keeps its size.
      if (inFlight.complete(invalid.sequenceNumber(), System.nanoTime()) >= 0) {
        sendNextOrDrain();
      }
    } else {
      protocolError("unexpected PDU", msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    boolean wasLoaded = isLoaded();
    state = State.CLOSED;
    if (!bound.isDone()) {
      bound.completeExceptionally(
          new BindFailedException(-1, "load-" + id + " - connection closed before bind_resp"));
    }
    if (wasLoaded) {
      // Closed under load rather than after our unbind.
      log.warn("load-{} - the server closed the connection ({} in flight)", id, inFlight.size());
      run.disconnected();
    }
    drained.complete(null);
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.warn("load-{} - {}, closing", id, cause.toString());
    ctx.close();
  }

  private boolean isLoaded() {
    return state == State.BOUND || state == State.SENDING || state == State.DRAINING;
  }

  // ---------------------------------------------------------------- responses

  private void onBindResponse(BindResp resp) {
    if (state != State.BINDING) {
      protocolError("bind_resp in state " + state, resp);
      return;
    }
    if (!resp.isOk()) {
      failBind(resp.commandStatus(), "bind refused");
      return;
    }
    state = State.BOUND;
    bound.complete(null);
  }

  private void failBind(int commandStatus, String what) {
    bound.completeExceptionally(
        new BindFailedException(
            commandStatus, "load-" + id + " - " + what + " for '" + run.spec().systemId() + "'"));
    ctx.close();
  }

  private void onSubmitResponse(int sequenceNumber, int commandStatus, boolean nack) {
    long latency = inFlight.complete(sequenceNumber, System.nanoTime());
    if (latency < 0) {
      // Answers nothing we are waiting for: a duplicate or a response to a forgotten request.
      protocolError(
          (nack ? "generic_nack" : "submit_sm_resp") + " answering nothing in flight",
          "sequence " + sequenceNumber + ", " + CommandStatus.describe(commandStatus));
      return;
    }
    run.recordResponse(latency, commandStatus, nack);
    sendNextOrDrain();
  }

  private void sendNextOrDrain() {
    if (state == State.SENDING) {
      sendSubmit();
    } else if (state == State.DRAINING && inFlight.size() == 0) {
      drained.complete(null);
    }
  }

  /**
   * Writes a copy of the pre-encoded submit_sm stamped with a fresh sequence number: the client's
   * CPU goes into the wire, not into building the same record again.
   */
  private void sendSubmit() {
    int sequence = nextSequence();
    byte[] template = run.submitTemplate();
    ByteBuf pdu = ctx.alloc().ioBuffer(template.length);
    pdu.writeBytes(template).setInt(SEQUENCE_NUMBER_OFFSET, sequence);
    if (!inFlight.add(sequence, System.nanoTime())) {
      protocolError("response lost", "sequence " + sequence + " is still in flight");
    }
    ctx.write(pdu, ctx.voidPromise());
  }

  /** Counts a protocol error; logs the first few, since a broken server would flood the log. */
  private void protocolError(String what, Object detail) {
    run.protocolError();
    if (protocolErrors++ < LOGGED_PROTOCOL_ERRORS) {
      log.warn("load-{} - protocol error in state {}: {}: {}", id, state, what, detail);
    }
  }

  /** Sequence numbers 1..0x7FFFFFFF, wrapping to 1; a plain int since one thread owns it. */
  private int nextSequence() {
    lastSequence =
        lastSequence >= SmppLimits.MAX_SEQUENCE_NUMBER
            ? SmppLimits.MIN_SEQUENCE_NUMBER
            : lastSequence + 1;
    return lastSequence;
  }
}
