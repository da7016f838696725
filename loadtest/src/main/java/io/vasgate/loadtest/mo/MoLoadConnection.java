package io.vasgate.loadtest.mo;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import io.vasgate.smpp.codec.InvalidPdu;
import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.Bind;
import io.vasgate.smpp.pdu.BindResp;
import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.smpp.pdu.EnquireLink;
import io.vasgate.smpp.pdu.GenericNack;
import io.vasgate.smpp.pdu.PduRequest;
import io.vasgate.smpp.pdu.SmppLimits;
import io.vasgate.smpp.pdu.SubmitSm;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvTag;
import io.vasgate.smpp.pdu.Unbind;
import io.vasgate.smpp.pdu.UnbindResp;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transceiver session of the MO router: submits handset MOs as submit_sm, matches each
 * submit_sm_resp to its command by sequence number, answers every deliver_sm with deliver_sm_resp
 * at once and hands it to the run, which matches replies to commands by handset number. Runs on the
 * driver's event loop; writes are flushed once per read batch and once per pacing tick.
 */
final class MoLoadConnection extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(MoLoadConnection.class);

  private enum State {
    CONNECTING,
    BINDING,
    BOUND,
    UNBINDING,
    CLOSED
  }

  private final MoLoadRun run;
  private final int id;
  private final IntObjectMap<PendingCommand> awaitingResponse = new IntObjectHashMap<>();
  private final CompletableFuture<Void> bound = new CompletableFuture<>();
  private ChannelHandlerContext ctx;
  private State state = State.CONNECTING;
  private int lastSequence;
  private int commandsInFlight;

  MoLoadConnection(MoLoadRun run, int id) {
    this.run = run;
    this.id = id;
  }

  int id() {
    return id;
  }

  /** Completes when the bind is accepted; fails with a {@link MoBindException} otherwise. */
  CompletableFuture<Void> bound() {
    return bound;
  }

  boolean isBound() {
    return state == State.BOUND;
  }

  /** Commands sent on this session whose outcome is not known yet (the closed loop's window). */
  int commandsInFlight() {
    return commandsInFlight;
  }

  // ---------------------------------------------------------------- commands from the run

  /** Writes the MO of {@code step} from {@code handset}, unflushed; returns its sequence number. */
  int submit(Handset handset, CommandMix.Step step) {
    int sequence = nextSequence();
    SubmitSm submit =
        SubmitSm.builder()
            .sequenceNumber(sequence)
            .source(Address.international(handset.number()))
            .destination(Address.national(step.destination()))
            .dataCoding(step.dataCoding())
            .shortMessage(step.octets())
            .tlv(Tlv.ofUint16(TlvTag.USER_MESSAGE_REFERENCE, handset.nextReference()))
            .build();
    ctx.write(submit, ctx.voidPromise());
    commandsInFlight++;
    return sequence;
  }

  /** Remembers which command a sequence number belongs to, until its submit_sm_resp. */
  void awaitResponse(PendingCommand command) {
    awaitingResponse.put(command.sequenceNumber(), command);
  }

  /** One command sent on this session has ended. */
  void commandEnded() {
    commandsInFlight--;
  }

  void flush() {
    if (ctx != null) {
      ctx.flush();
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
    MoLoadSpec spec = run.spec();
    ctx.writeAndFlush(
        Bind.of(BindType.TRANSCEIVER, nextSequence(), spec.systemId(), spec.password()));
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    long now = System.nanoTime();
    if (msg instanceof DeliverSm deliver) {
      ctx.write(deliver.response(), ctx.voidPromise());
      run.onDeliver(deliver, now);
    } else if (msg instanceof SubmitSmResp resp) {
      onSubmitResponse(resp.sequenceNumber(), resp.commandStatus(), now);
    } else if (msg instanceof GenericNack nack) {
      if (state == State.BINDING) {
        failBind(nack.commandStatus(), "bind answered with generic_nack");
      } else {
        onSubmitResponse(nack.sequenceNumber(), nack.commandStatus(), now);
      }
    } else if (msg instanceof EnquireLink link) {
      ctx.write(link.response(), ctx.voidPromise());
    } else if (msg instanceof BindResp resp) {
      onBindResponse(resp);
    } else if (msg instanceof Unbind unbind) {
      log.warn("mo-load-{} - the gateway unbinds", id);
      if (state == State.BOUND) {
        run.disconnected();
      }
      state = State.UNBINDING;
      ctx.writeAndFlush(unbind.response()).addListener(ChannelFutureListener.CLOSE);
    } else if (msg instanceof UnbindResp) {
      ctx.close();
    } else if (msg instanceof PduRequest request) {
      ctx.write(request.negativeResponse(CommandStatus.ESME_RINVCMDID), ctx.voidPromise());
      run.protocolError("unexpected " + request.commandId().specName());
    } else if (msg instanceof InvalidPdu invalid) {
      run.protocolError("undecodable PDU: " + invalid.reason());
    } else {
      run.protocolError("unexpected " + msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    boolean wasBound = state == State.BOUND;
    state = State.CLOSED;
    if (!bound.isDone()) {
      bound.completeExceptionally(
          new MoBindException("mo-load-" + id + " - connection closed before bind_resp"));
    }
    if (wasBound) {
      // Closed under load rather than after our unbind; its commands will count as missing.
      log.warn(
          "mo-load-{} - the gateway closed the connection ({} submit_sm unanswered)",
          id,
          awaitingResponse.size());
      run.disconnected();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.warn("mo-load-{} - {}, closing", id, cause.toString());
    ctx.close();
  }

  // ---------------------------------------------------------------- responses

  private void onBindResponse(BindResp resp) {
    if (state != State.BINDING) {
      run.protocolError("bind_resp while " + state);
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
        new MoBindException(
            "mo-load-"
                + id
                + " - "
                + what
                + " for '"
                + run.spec().systemId()
                + "' (status 0x"
                + Integer.toHexString(commandStatus)
                + ")"));
    ctx.close();
  }

  private void onSubmitResponse(int sequenceNumber, int commandStatus, long now) {
    PendingCommand command = awaitingResponse.remove(sequenceNumber);
    if (command == null) {
      run.protocolError("response to unknown sequence number " + sequenceNumber);
      return;
    }
    run.onSubmitResponse(command, commandStatus, now);
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
