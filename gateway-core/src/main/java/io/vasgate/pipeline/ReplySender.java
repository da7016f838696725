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
   * Sends {@code text} from {@code serviceNumber} to {@code msisdn} through {@code peerSystemId},
   * preferring the session the MO came on.
   */
  public CompletableFuture<Outcome> send(
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
      return CompletableFuture.completedFuture(Outcome.NO_ROUTE);
    }
    List<SmsPart> parts;
    try {
      parts = splitter.split(text, references::incrementAndGet);
    } catch (TooManyPartsException e) {
      log.error("reply - text of {} characters cannot be sent: {}", text.length(), e.getMessage());
      return CompletableFuture.completedFuture(Outcome.FAILED);
    }
    List<CompletableFuture<Boolean>> acks = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      acks.add(
          sendPart(
              session.get(), serviceNumber, msisdn, text, parts.get(i), i + 1, parts.size(), moId));
    }
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> acks.stream().allMatch(CompletableFuture::join) ? Outcome.SENT : Outcome.FAILED);
  }

  private CompletableFuture<Boolean> sendPart(
      SmppSession session,
      String serviceNumber,
      String msisdn,
      String text,
      SmsPart part,
      int seq,
      int total,
      Optional<Long> moId) {
    long id = messageIds.nextLong();
    DeliverSm deliver =
        DeliverSm.builder()
            .source(new Address(Ton.UNKNOWN.code(), Npi.UNKNOWN.code(), serviceNumber))
            .destination(new Address(Ton.INTERNATIONAL.code(), Npi.ISDN.code(), msisdn))
            .esmClass(part.esmClass(0))
            .dataCoding(part.dataCoding().code())
            .shortMessage(part.shortMessage())
            .build();
    String peer = session.account().map(a -> a.systemId()).orElse("?");
    return journal
        .recordMt(
            new MtDraft(
                id,
                moId,
                peer,
                serviceNumber,
                msisdn,
                text,
                seq,
                total,
                part.dataCoding().code(),
                clock.instant()))
        .thenCompose(recorded -> session.send(deliver))
        .handle(
            (resp, err) -> {
              int status = err == null ? resp.commandStatus() : -1;
              journal.mtAnswered(id, status, clock.instant());
              if (err != null) {
                log.warn(
                    "{} - reply part {} to {} failed: {}",
                    session.label(),
                    id,
                    MsisdnMask.mask(msisdn),
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
