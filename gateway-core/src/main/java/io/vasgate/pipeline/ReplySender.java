package io.vasgate.pipeline;

import io.vasgate.billing.charging.MsisdnMask;
import io.vasgate.message.MessageJournal;
import io.vasgate.message.MtDraft;
import io.vasgate.messageid.MessageIdGenerator;
import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.smpp.pdu.Npi;
import io.vasgate.smpp.pdu.Ton;
import io.vasgate.smpp.session.SessionRegistry;
import io.vasgate.smpp.session.SmppSession;
import io.vasgate.sms.MessageSplitter;
import io.vasgate.sms.SmsPart;
import io.vasgate.sms.TooManyPartsException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a reply to a handset: splits it into SMS parts (UCS2 for Chinese, 67 characters a part when
 * long), sends each as deliver_sm from the service number on a session of the MO source's account
 * that may receive, and records every part with its message_id and the peer's answer.
 */
public final class ReplySender {

  private static final Logger log = LoggerFactory.getLogger(ReplySender.class);

  /** The outcome of sending one reply. */
  public enum Outcome {
    /** Every part was acknowledged by the peer. */
    SENT,
    /** At least one part was refused or unanswered; the MT records say which. */
    FAILED,
    /** No session of the account can take deliver_sm right now. */
    NO_ROUTE
  }

  private final SessionRegistry sessions;
  private final MessageSplitter splitter;
  private final MessageIdGenerator messageIds;
  private final MessageJournal journal;
  private final InstantSource clock;
  private final AtomicInteger references = new AtomicInteger();

  public ReplySender(
      SessionRegistry sessions,
      MessageSplitter splitter,
      MessageIdGenerator messageIds,
      MessageJournal journal,
      InstantSource clock) {
    this.sessions = sessions;
    this.splitter = splitter;
    this.messageIds = messageIds;
    this.journal = journal;
    this.clock = clock;
  }

  /**
   * A reply ready to go: its session, and its parts, each with the message_id and the record it
   * will be sent under. Empty parts when it cannot be sent ({@link #unsendable}).
   */
  public record Prepared(
      Optional<SmppSession> session,
      List<MtDraft> records,
      List<DeliverSm> parts,
      Outcome unsendable) {

    public Prepared {
      records = List.copyOf(records);
      parts = List.copyOf(parts);
      if (records.size() != parts.size()) {
        throw new IllegalArgumentException("a record for each part");
      }
    }

    static Prepared cannotSend(Outcome why) {
      return new Prepared(Optional.empty(), List.of(), List.of(), why);
    }

    /** Whether there is anything to send. */
    public boolean sendable() {
      return session.isPresent() && !parts.isEmpty();
    }
  }

  /**
   * Sends {@code text} from {@code serviceNumber} to {@code msisdn} through {@code peerSystemId},
   * preferring the session the MO came on; each part is recorded before it goes out.
   */
  public CompletableFuture<Outcome> send(
      String peerSystemId,
      long preferredSessionId,
      String serviceNumber,
      String msisdn,
      String text,
      Optional<Long> moId) {
    return send(
        prepare(peerSystemId, preferredSessionId, serviceNumber, msisdn, text, moId), false);
  }

  /**
   * Routes, splits and numbers a reply without sending it, so that its records can be written where
   * the caller chooses ({@link io.vasgate.message.CommandRecords}).
   */
  public Prepared prepare(
      String peerSystemId,
      long preferredSessionId,
      String serviceNumber,
      String msisdn,
      String text,
      Optional<Long> moId) {
    Optional<SmppSession> session = route(peerSystemId, preferredSessionId);
    if (session.isEmpty()) {
      log.warn(
          "reply - no receiving session of '{}' for {}; reply not sent",
          peerSystemId,
          MsisdnMask.mask(msisdn));
      return Prepared.cannotSend(Outcome.NO_ROUTE);
    }
    List<SmsPart> split;
    try {
      split = splitter.split(text, references::incrementAndGet);
    } catch (TooManyPartsException e) {
      log.error("reply - text of {} characters cannot be sent: {}", text.length(), e.getMessage());
      return Prepared.cannotSend(Outcome.FAILED);
    }
    String peer = session.get().account().map(a -> a.systemId()).orElse("?");
    List<MtDraft> records = new ArrayList<>(split.size());
    List<DeliverSm> parts = new ArrayList<>(split.size());
    for (int i = 0; i < split.size(); i++) {
      SmsPart part = split.get(i);
      records.add(
          new MtDraft(
              messageIds.nextLong(),
              moId,
              peer,
              serviceNumber,
              msisdn,
              text,
              i + 1,
              split.size(),
              part.dataCoding().code(),
              clock.instant()));
      parts.add(
          DeliverSm.builder()
              .source(new Address(Ton.UNKNOWN.code(), Npi.UNKNOWN.code(), serviceNumber))
              .destination(new Address(Ton.INTERNATIONAL.code(), Npi.ISDN.code(), msisdn))
              .esmClass(part.esmClass(0))
              .dataCoding(part.dataCoding().code())
              .shortMessage(part.shortMessage())
              .build());
    }
    return new Prepared(session, records, parts, Outcome.FAILED);
  }

  /**
   * Sends a prepared reply and records the peer's answer to each part.
   *
   * @param recorded whether its parts' records are already written (committed); if not, each is
   *     written through the journal before it goes out
   */
  public CompletableFuture<Outcome> send(Prepared reply, boolean recorded) {
    if (!reply.sendable()) {
      return CompletableFuture.completedFuture(reply.unsendable());
    }
    SmppSession session = reply.session().get();
    if (!session.state().esmeMayReceive()) {
      // Chosen before the command committed; another session of the peer may take it now.
      session = route(reply.records().get(0).peerSystemId(), session.id()).orElse(session);
    }
    List<CompletableFuture<Boolean>> acks = new ArrayList<>(reply.parts().size());
    for (int i = 0; i < reply.parts().size(); i++) {
      acks.add(sendPart(session, reply.records().get(i), reply.parts().get(i), recorded));
    }
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> acks.stream().allMatch(CompletableFuture::join) ? Outcome.SENT : Outcome.FAILED);
  }

  private CompletableFuture<Boolean> sendPart(
      SmppSession session, MtDraft record, DeliverSm deliver, boolean recorded) {
    CompletableFuture<Void> written =
        recorded ? CompletableFuture.completedFuture(null) : journal.recordMt(record);
    return written
        .thenCompose(done -> session.send(deliver))
        .handle(
            (resp, err) -> {
              int status = err == null ? resp.commandStatus() : -1;
              journal.mtAnswered(record.id(), status, clock.instant());
              if (err != null) {
                log.warn(
                    "{} - reply part {} to {} failed: {}",
                    session.label(),
                    record.id(),
                    MsisdnMask.mask(record.destAddr()),
                    err.toString());
              }
              return status == 0;
            });
  }

  private Optional<SmppSession> route(String peerSystemId, long preferredSessionId) {
    List<SmppSession> candidates = sessions.receiversOf(peerSystemId);
    for (SmppSession s : candidates) {
      if (s.id() == preferredSessionId) {
        return Optional.of(s);
      }
    }
    return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
  }
}
