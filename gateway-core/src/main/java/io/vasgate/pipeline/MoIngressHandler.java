package io.vasgate.pipeline;

import io.vasgate.billing.charging.MsisdnMask;
import io.vasgate.message.MessageJournal;
import io.vasgate.message.MoDraft;
import io.vasgate.message.MoRecorded;
import io.vasgate.message.PartInfo;
import io.vasgate.messageid.MessageIdGenerator;
import io.vasgate.server.MessageContent;
import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.DataSm;
import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.smpp.pdu.PduRequest;
import io.vasgate.smpp.pdu.PduResponse;
import io.vasgate.smpp.pdu.ShortMessagePdu;
import io.vasgate.smpp.pdu.SubmitSm;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvCarrier;
import io.vasgate.smpp.pdu.TlvTag;
import io.vasgate.smpp.session.SmppRequestHandler;
import io.vasgate.smpp.session.SmppSession;
import io.vasgate.smpp.session.SmppStatusException;
import io.vasgate.sms.ReassembledMessage;
import io.vasgate.sms.Reassembler;
import io.vasgate.sms.ReassemblyResult;
import io.vasgate.sms.SmsCharset;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where handset messages enter: an MO source (the operator's MO router) submits them as submit_sm,
 * deliver_sm or data_sm. Each is durably recorded before it is acknowledged, so an acknowledged MO
 * is never lost; a re-send of one already recorded is acknowledged with the first copy's message_id
 * and not acted on twice; the parts of a long one are acknowledged one by one and acted on once,
 * when the last arrives.
 *
 * <p>A whole text MO is recorded with what its command does, in the same transaction, and
 * acknowledged after that commit ({@code recordWithCommand}): one commit per command, not one for
 * the MO and another for the command. Parts, binary MOs, and every MO when the command's outcome
 * may wait for an external billing system (whose charge must not be sent for an MO that may yet
 * turn out to be a re-send), are written to the {@link MessageJournal} on arrival instead.
 *
 * <p>When the MO cannot be recorded, the peer is answered with a temporary error so it retries, and
 * nothing has been applied.
 */
public final class MoIngressHandler implements SmppRequestHandler {

  private static final Logger log = LoggerFactory.getLogger(MoIngressHandler.class);

  private final MessageJournal journal;
  private final MessageIdGenerator messageIds;
  private final InstantSource clock;
  private final Reassembler reassembler;
  private final SmsCharset charset;
  private final CommandSink sink;
  private final Executor processing;
  private final int temporaryFailureStatus;
  private final int maxBacklog;
  private final Predicate<String> served;
  private final RecentMos recent;
  private final boolean recordWithCommand;

  /** MOs taken in and not yet done with: being recorded, queued or being processed. */
  private final AtomicInteger backlog = new AtomicInteger();

  /**
   * @param processing where MOs recorded on arrival are handed to the sink, so the journal writer
   *     does not do their work (an MO recorded with its command is handed over on the event loop,
   *     where the sink only parses it and queues its work)
   * @param temporaryFailureStatus the answer when the MO cannot be recorded: ESME_RX_T_APPN (0x64)
   *     or ESME_RSYSERR (0x08), as the peer expects
   * @param maxBacklog how many MOs may be under way at once; beyond it the peer is throttled
   *     (ESME_RTHROTTLED) before anything is recorded, so an overload slows the MO router down
   *     instead of queueing work without bound
   * @param served whether a destination is one of our service numbers (or an extension of one); an
   *     MO to any other is refused with ESME_RINVDSTADR, as there is no number to answer from
   * @param recent the MOs taken in within the dedup window
   * @param recordWithCommand whether a whole text MO is recorded with its command's work (the sink
   *     records it) rather than on arrival
   */
  public MoIngressHandler(
      MessageJournal journal,
      MessageIdGenerator messageIds,
      InstantSource clock,
      Reassembler reassembler,
      SmsCharset charset,
      CommandSink sink,
      Executor processing,
      int temporaryFailureStatus,
      int maxBacklog,
      Predicate<String> served,
      RecentMos recent,
      boolean recordWithCommand) {
    this.journal = journal;
    this.messageIds = messageIds;
    this.clock = clock;
    this.reassembler = reassembler;
    this.charset = charset;
    this.sink = sink;
    this.processing = processing;
    this.temporaryFailureStatus = temporaryFailureStatus;
    this.maxBacklog = maxBacklog;
    this.served = served;
    this.recent = recent;
    this.recordWithCommand = recordWithCommand;
  }

  /** How many MOs are taken in and not yet done with. */
  public int backlog() {
    return backlog.get();
  }

  @Override
  public CompletionStage<? extends PduResponse> handle(SmppSession session, PduRequest request) {
    MoMessage mo = extract(request);
    if (!served.test(mo.destination())) {
      // Misrouted: a permanent error tells the MO router so, where an acknowledged MO would be
      // dropped without a word to anyone.
      throw new SmppStatusException(
          CommandStatus.ESME_RINVDSTADR, mo.destination() + " is not a service number here");
    }
    // Whatever may refuse the MO (text that cannot be decoded) goes before it counts as taken in.
    String peer = session.account().orElseThrow().systemId();
    Instant now = clock.instant();
    Optional<String> text = mo.part().isPresent() ? Optional.empty() : mo.content().text(charset);
    MoDraft draft =
        new MoDraft(
            messageIds.nextLong(),
            peer,
            session.id(),
            mo.source(),
            mo.destination(),
            mo.content().dataCoding(),
            mo.content().octets(),
            text,
            mo.part(),
            dedupKey(peer, mo),
            now);
    if (backlog.incrementAndGet() > maxBacklog) {
      backlog.decrementAndGet();
      throw new SmppStatusException(
          CommandStatus.ESME_RTHROTTLED, maxBacklog + " handset commands already under way");
    }
    CompletableFuture<MoRecorded> mine = new CompletableFuture<>();
    Optional<CompletableFuture<MoRecorded>> first = recent.claim(draft.dedupKey(), mine);
    if (first.isPresent()) {
      backlog.decrementAndGet();
      return first
          .get()
          .handle((original, err) -> answer(session, request, mo, err, resent(original)));
    }
    CompletionStage<MoRecorded> recorded;
    try {
      recorded =
          recordWithCommand && mo.part().isEmpty() && text.isPresent()
              ? takeIn(session, peer, mo, text.get(), draft)
              : recordFirst(session, peer, mo, text, draft);
    } catch (RuntimeException e) {
      backlog.decrementAndGet();
      recorded = CompletableFuture.failedFuture(e);
    }
    return recorded.handle(
        (rec, err) -> {
          if (err != null) {
            recent.release(draft.dedupKey(), mine);
            mine.completeExceptionally(err);
          } else {
            mine.complete(rec);
          }
          return answer(session, request, mo, err, rec);
        });
  }

  /** The answer to the peer: the MO's id once recorded, a temporary error if it was not. */
  private PduResponse answer(
      SmppSession session, PduRequest request, MoMessage mo, Throwable err, MoRecorded recorded) {
    if (err != null) {
      log.warn(
          "{} - MO from {} not recorded, answering 0x{}: {}",
          session.label(),
          MsisdnMask.mask(mo.source()),
          Integer.toHexString(temporaryFailureStatus),
          err.toString());
      throw new SmppStatusException(temporaryFailureStatus, "MO not recorded");
    }
    if (recorded.duplicate()) {
      log.info(
          "{} - re-sent MO from {} recognised as {}",
          session.label(),
          MsisdnMask.mask(mo.source()),
          recorded.id());
    }
    return response(request, recorded);
  }

  private static MoRecorded resent(MoRecorded original) {
    return original == null ? null : new MoRecorded(original.id(), true);
  }

  /** Hands a whole text MO to the sink, which records it with its command. */
  private CompletionStage<MoRecorded> takeIn(
      SmppSession session, String peer, MoMessage mo, String text, MoDraft draft) {
    CommandSink.Handling handling =
        sink.accept(
            command(session, peer, mo, draft.id(), text, draft.receivedAt(), Optional.of(draft)));
    handling.done().whenComplete((done, e) -> backlog.decrementAndGet());
    return handling.recorded();
  }

  /** Records an MO on arrival, then hands it on for processing unless it was a re-send. */
  private CompletionStage<MoRecorded> recordFirst(
      SmppSession session, String peer, MoMessage mo, Optional<String> text, MoDraft draft) {
    return journal
        .recordMo(draft)
        .whenComplete(
            (recorded, err) -> {
              if (err != null || recorded.duplicate()) {
                backlog.decrementAndGet();
                return;
              }
              try {
                processing.execute(
                    () -> {
                      try {
                        dispatch(session, peer, mo, text, recorded, draft.receivedAt())
                            .whenComplete((done, e) -> backlog.decrementAndGet());
                      } catch (RuntimeException e) {
                        backlog.decrementAndGet();
                        throw e;
                      }
                    });
              } catch (RuntimeException e) {
                // Recorded but not handed on (the executor is shutting down): recovery takes it.
                backlog.decrementAndGet();
                throw e;
              }
            });
  }

  /** Hands a recorded MO on; the stage completes when it is done with. */
  private CompletionStage<?> dispatch(
      SmppSession session,
      String peer,
      MoMessage mo,
      Optional<String> text,
      MoRecorded recorded,
      Instant receivedAt) {
    if (mo.part().isEmpty()) {
      if (text.isEmpty()) {
        return journal.moProcessed(recorded.id(), "FAILED", "BINARY", null, clock.instant());
      }
      return sink.accept(
              command(session, peer, mo, recorded.id(), text.get(), receivedAt, Optional.empty()))
          .done();
    }
    PartInfo part = mo.part().get();
    String originator = peer + "|" + mo.source() + "|" + mo.destination();
    ReassemblyResult result =
        reassembler.offer(
            originator, part.reference(), part.total(), part.seq(), mo.content().payload());
    if (result instanceof ReassemblyResult.Rejected rejected) {
      log.warn(
          "{} - part {}/{} from {} refused: {}",
          session.label(),
          part.seq(),
          part.total(),
          MsisdnMask.mask(mo.source()),
          rejected.detail());
      return journal.moProcessed(recorded.id(), "FAILED", "PART_REJECTED", null, clock.instant());
    }
    Optional<ReassembledMessage> whole = result.completed();
    Optional<String> wholeText =
        whole.flatMap(
            w -> MessageContent.decode(charset, mo.content().dataCoding(), w.payload(), 0));
    if (wholeText.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return sink.accept(
            command(
                session, peer, mo, recorded.id(), wholeText.get(), receivedAt, Optional.empty()))
        .done();
  }

  private static InboundCommand command(
      SmppSession session,
      String peer,
      MoMessage mo,
      long moId,
      String text,
      Instant receivedAt,
      Optional<MoDraft> unrecorded) {
    return new InboundCommand(
        moId, peer, session.id(), mo.source(), mo.destination(), text, receivedAt, unrecorded);
  }

  private static PduResponse response(PduRequest request, MoRecorded recorded) {
    String id = Long.toString(recorded.id());
    if (request instanceof SubmitSm submit) {
      return submit.response(id);
    }
    if (request instanceof DataSm data) {
      return data.response(id, List.of());
    }
    return ((DeliverSm) request).response();
  }

  /** What identifies a re-send: the same peer, addresses, coding, octets and peer reference. */
  private static byte[] dedupKey(String peer, MoMessage mo) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(peer.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(mo.source().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(mo.destination().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(
          ByteBuffer.allocate(8)
              .putInt(mo.content().dataCoding())
              .putInt(mo.userMessageReference().orElse(-1))
              .array());
      sha.update(mo.content().octets());
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Pulls the MO out of whichever PDU carried it; refuses what cannot be an MO. */
  static MoMessage extract(PduRequest request) {
    Address source;
    Address destination;
    MessageContent content;
    TlvCarrier tlvs;
    if (request instanceof ShortMessagePdu sm) {
      if (request instanceof DeliverSm deliver && deliver.isReceipt()) {
        throw new SmppStatusException(
            CommandStatus.ESME_RINVESMCLASS, "a delivery receipt is not a handset message");
      }
      source = sm.source();
      destination = sm.destination();
      content = MessageContent.of(sm);
      tlvs = sm;
    } else if (request instanceof DataSm data) {
      source = data.source();
      destination = data.destination();
      content = MessageContent.of(data);
      tlvs = data;
    } else {
      throw new SmppStatusException(
          CommandStatus.ESME_RINVCMDID,
          request.commandId().specName() + " is not accepted from an MO source");
    }
    if (source.address().isEmpty()) {
      throw new SmppStatusException(CommandStatus.ESME_RINVSRCADR, "the handset number is empty");
    }
    if (destination.address().isEmpty()) {
      throw new SmppStatusException(CommandStatus.ESME_RINVDSTADR, "the service number is empty");
    }
    Optional<PartInfo> part =
        content.udhOctets() > 0
            ? content
                .concatenation()
                .filter(c -> c.total() > 1)
                .map(c -> new PartInfo(c.reference(), c.total(), c.sequence()))
            : sarPart(tlvs);
    Optional<Integer> reference =
        tlvs.findTlv(TlvTag.USER_MESSAGE_REFERENCE).map(t -> uint(t.value()));
    return new MoMessage(source.address(), destination.address(), content, part, reference);
  }

  private static Optional<PartInfo> sarPart(TlvCarrier tlvs) {
    Optional<Tlv> ref = tlvs.findTlv(TlvTag.SAR_MSG_REF_NUM);
    Optional<Tlv> total = tlvs.findTlv(TlvTag.SAR_TOTAL_SEGMENTS);
    Optional<Tlv> seq = tlvs.findTlv(TlvTag.SAR_SEGMENT_SEQNUM);
    if (ref.isEmpty() && total.isEmpty() && seq.isEmpty()) {
      return Optional.empty();
    }
    if (ref.isEmpty() || total.isEmpty() || seq.isEmpty()) {
      throw new SmppStatusException(
          CommandStatus.ESME_RMISSINGOPTPARAM,
          "sar_msg_ref_num, sar_total_segments and sar_segment_seqnum go together");
    }
    int t = uint(total.get().value());
    int s = uint(seq.get().value());
    if (t < 1 || s < 1 || s > t) {
      throw new SmppStatusException(
          CommandStatus.ESME_RINVOPTPARAMVAL, "SAR segment " + s + " of " + t);
    }
    return t == 1 ? Optional.empty() : Optional.of(new PartInfo(uint(ref.get().value()), t, s));
  }

  private static int uint(byte[] value) {
    int v = 0;
    for (byte b : value) {
      v = (v << 8) | (b & 0xFF);
    }
    return v;
  }
}
