package io.vasgate.pipeline;

import io.vasgate.billing.charging.MsisdnMask;
import io.vasgate.billing.subscription.Epilogue;
import io.vasgate.billing.subscription.MoRef;
import io.vasgate.billing.subscription.SubscriptionList;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForConfirm;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForDecline;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForSelect;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForSubscribe;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForUnsubscribe;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForUse;
import io.vasgate.billing.subscription.SubscriptionService;
import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.catalog.ChargeType;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.parse.CommandParser;
import io.vasgate.command.parse.DidYouMean;
import io.vasgate.command.parse.ParseError;
import io.vasgate.command.parse.ParseResult;
import io.vasgate.command.parse.Parsed;
import io.vasgate.command.reply.RenderedReply;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.command.shortcode.ShortCode;
import io.vasgate.message.CommandRecords;
import io.vasgate.message.MessageJournal;
import io.vasgate.message.MoRecorded;
import io.vasgate.message.MoResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Understands a handset's command and acts on it: parse against the current catalog, apply it to
 * the subscriber's subscriptions (where money may move), answer in the service number's words, and
 * record what the MO turned out to be.
 */
public final class CommandProcessor implements CommandSink {

  private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);

  /** The channel recorded as the proof of consent's origin. */
  static final String CHANNEL = "SMS";

  private final Supplier<Catalog> catalog;
  private final Supplier<ReplyTemplates> templates;
  private final CommandParser parser;
  private final SubscriptionService subscriptions;
  private final ReplyComposer composer;
  private final ReplySender replies;
  private final MessageJournal journal;
  private final CommandRecords records;
  private final InstantSource clock;

  public CommandProcessor(
      Supplier<Catalog> catalog,
      Supplier<ReplyTemplates> templates,
      CommandParser parser,
      SubscriptionService subscriptions,
      ReplyComposer composer,
      ReplySender replies,
      MessageJournal journal,
      CommandRecords records,
      InstantSource clock) {
    this.catalog = catalog;
    this.templates = templates;
    this.parser = parser;
    this.subscriptions = subscriptions;
    this.composer = composer;
    this.replies = replies;
    this.journal = journal;
    this.records = records;
    this.clock = clock;
  }

  @Override
  public Handling accept(InboundCommand command) {
    CompletableFuture<MoRecorded> recorded = new CompletableFuture<>();
    if (command.unrecorded().isEmpty()) {
      recorded.complete(new MoRecorded(command.moId(), false));
    }
    CompletableFuture<?> run;
    try {
      run = process(command, recorded);
    } catch (RuntimeException e) {
      run = CompletableFuture.failedFuture(new NotApplied(e));
    }
    CompletableFuture<Void> done =
        run.handle((ok, err) -> err)
            .thenCompose(err -> err == null ? DONE : afterFailure(command, recorded, err))
            .handle(
                (ok, err) -> {
                  if (err != null) {
                    log.error("pipeline - MO {} not done with cleanly", command.moId(), err);
                  }
                  // Whatever went wrong, the peer must get an answer.
                  recorded.completeExceptionally(
                      new IllegalStateException("MO " + command.moId() + " was not recorded"));
                  return null;
                });
    return new Handling(recorded, done);
  }

  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  /**
   * After a command failed: if nothing of it was applied, its MO is recorded as FAILED and the user
   * is asked to try again; if its work committed and only the reply failed, that is logged.
   */
  private CompletableFuture<Void> afterFailure(
      InboundCommand command, CompletableFuture<MoRecorded> recorded, Throwable err) {
    if (!notApplied(err)) {
      if (recorded.isDone() && !recorded.isCompletedExceptionally()) {
        // The subscriber's work committed: the MO stays as recorded, and telling the user to try
        // again could make them order (or pay for a use) twice.
        log.error(
            "pipeline - MO {} from {} was carried out but its reply failed",
            command.moId(),
            MsisdnMask.mask(command.msisdn()),
            err);
      } else {
        // Its outcome was decided outside the transaction that records the MO, and that record
        // failed: the peer gets a temporary error and sends the MO again, which decides again
        // (a charge already sent is sent again only under its own key, so it is not repeated).
        log.error(
            "pipeline - MO {} from {} was acted on but could not be recorded with its outcome",
            command.moId(),
            MsisdnMask.mask(command.msisdn()),
            err);
      }
      recorded.completeExceptionally(err);
      return DONE;
    }
    Optional<ReplySender.Prepared> tryAgain = tryAgain(command);
    return journal
        .recordOutcome(
            command.unrecorded(),
            new MoResult(command.moId(), "FAILED", null, null, clock.instant()),
            tryAgain.map(ReplySender.Prepared::records).orElse(List.of()))
        .whenComplete(
            (rec, journalErr) -> {
              if (journalErr != null) {
                log.error(
                    "pipeline - MO {} from {} failed, and its failure cannot be recorded ({})",
                    command.moId(),
                    MsisdnMask.mask(command.msisdn()),
                    journalErr.toString(),
                    err);
              } else if (rec.duplicate() && rec.id() == command.moId()) {
                log.warn(
                    "pipeline - MO {} from {} failed to commit, yet was recorded: its commit was"
                        + " applied after all; its reply is on record but was not sent",
                    command.moId(),
                    MsisdnMask.mask(command.msisdn()),
                    err);
              } else if (rec.duplicate()) {
                // Its dedup key was taken: another gateway, or this one before a restart, recorded
                // the same MO and answered it.
                log.info(
                    "pipeline - MO {} from {} is a re-send of MO {}; not acted on again",
                    command.moId(),
                    MsisdnMask.mask(command.msisdn()),
                    rec.id());
              } else {
                log.error(
                    "pipeline - MO {} from {} failed",
                    command.moId(),
                    MsisdnMask.mask(command.msisdn()),
                    err);
              }
            })
        .thenCompose(rec -> answerThenSend(recorded, rec, tryAgain));
  }

  /**
   * Answers the peer with the MO's record, then sends {@code reply} (its parts recorded with it)
   * unless the MO was a re-send, whose first copy was answered already.
   */
  private CompletableFuture<Void> answerThenSend(
      CompletableFuture<MoRecorded> recorded,
      MoRecorded rec,
      Optional<ReplySender.Prepared> reply) {
    recorded.complete(rec);
    return rec.duplicate() || reply.isEmpty() ? DONE : sendRecorded(reply.get());
  }

  private CompletableFuture<Void> sendRecorded(ReplySender.Prepared reply) {
    return replies.send(reply, true).thenAccept(outcome -> {});
  }

  /** A command failed before (or in) the subscriber's work, which then did not commit. */
  private static final class NotApplied extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotApplied(Throwable cause) {
      super(cause);
    }
  }

  private static boolean notApplied(Throwable err) {
    for (Throwable t = err; t != null; t = t.getCause()) {
      if (t instanceof NotApplied) {
        return true;
      }
    }
    return false;
  }

  /** The subscriber's work; its failure is marked as one that left nothing committed. */
  private static <T> CompletableFuture<T> work(CompletableFuture<T> call) {
    return call.handle(
        (value, err) -> {
          if (err != null) {
            throw new NotApplied(err);
          }
          return value;
        });
  }

  /**
   * The answer to a command whose subscriber work failed, rather than leaving the user waiting for
   * a reply that never comes. The words do not promise that nothing happened: with an external
   * billing system a charge may have been claimed and sent before the failure, and a commit that
   * reported an error may still have been applied; so the user is sent to the query before trying
   * again.
   */
  private Optional<ReplySender.Prepared> tryAgain(InboundCommand command) {
    try {
      Optional<ShortCode> code = catalog.get().resolve(command.destination());
      if (code.isEmpty()) {
        return Optional.empty();
      }
      RenderedReply busy =
          composer.systemBusy(composer.reply(templates.get(), code.get().serviceNumber()));
      return Optional.of(prepare(command, busy));
    } catch (RuntimeException e) {
      log.error("pipeline - cannot tell {} to try again", MsisdnMask.mask(command.msisdn()), e);
      return Optional.empty();
    }
  }

  /** {@code reply} made ready to send; none if there is none or it cannot be (logged). */
  private Optional<ReplySender.Prepared> preparedOrNone(
      InboundCommand command, RenderedReply reply) {
    if (reply == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(prepare(command, reply));
    } catch (RuntimeException e) {
      log.error("pipeline - reply to MO {} cannot be prepared", command.moId(), e);
      return Optional.empty();
    }
  }

  private ReplySender.Prepared prepare(InboundCommand command, RenderedReply reply) {
    return replies.prepare(
        command.peerSystemId(),
        command.sessionId(),
        command.destination(),
        command.msisdn(),
        reply.text(),
        Optional.of(command.moId()));
  }

  /**
   * Runs one command to its reply; completes when the reply was handed to the peer. Completes
   * {@code recorded} once the MO and the command's result are on record.
   */
  CompletableFuture<Void> process(InboundCommand command, CompletableFuture<MoRecorded> recorded) {
    Catalog snapshot = catalog.get();
    ParseResult result = parser.parse(command.text(), command.destination(), snapshot);
    MoRef mo =
        new MoRef(
            command.moId(),
            command.receivedAt(),
            command.text().length() > MoRef.MAX_QUOTED_TEXT
                ? command.text().substring(0, MoRef.MAX_QUOTED_TEXT)
                : command.text(),
            CHANNEL);
    CompletableFuture<Answer> answer;
    if (result instanceof Parsed parsed) {
      answer = act(command, parsed, snapshot, mo);
    } else if (result instanceof DidYouMean dym) {
      ReplyComposer.Reply r = composer.reply(templates.get(), dym.shortCode().serviceNumber());
      answer = done("DID_YOU_MEAN", null, composer.didYouMean(r, dym.suggestion()));
    } else {
      answer = done("UNPARSED", null, error(command, (ParseError) result, snapshot));
    }
    return answer.thenCompose(
        a -> {
          if (a.withCommand()) {
            // The MO, its result and the reply's parts committed with the command: send at once.
            recorded.complete(new MoRecorded(command.moId(), false));
            if (a.prepared().isEmpty()) {
              return CompletableFuture.<Void>failedFuture(
                  new IllegalStateException("the reply could not be composed"));
            }
            return sendRecorded(a.prepared().get());
          }
          Optional<ReplySender.Prepared> reply = preparedOrNone(command, a.reply());
          return journal
              .recordOutcome(
                  command.unrecorded(),
                  new MoResult(
                      command.moId(), "PROCESSED", a.command(), a.productCode(), clock.instant()),
                  reply.map(ReplySender.Prepared::records).orElse(List.of()))
              .thenCompose(rec -> answerThenSend(recorded, rec, reply));
        });
  }

  /**
   * What a command came to: its kind and product for the MO record, and the reply.
   *
   * @param reply the reply; null when there is none (no number to answer from) or it could not be
   *     composed
   * @param prepared the reply, ready to send, when it was recorded with the command
   * @param withCommand whether the MO's record (or result) and the reply's parts were written in
   *     the transaction that carried out the command, and committed with it
   */
  private record Answer(
      String command,
      String productCode,
      RenderedReply reply,
      Optional<ReplySender.Prepared> prepared,
      boolean withCommand) {}

  private static CompletableFuture<Answer> done(String command, String product, RenderedReply r) {
    return CompletableFuture.completedFuture(
        new Answer(command, product, r, Optional.empty(), false));
  }

  /**
   * Records a command's result and reply in the transaction that decides its outcome (see {@link
   * Epilogue}), and hands over the reply that committed.
   */
  private final class Recorder<T> implements Epilogue<T> {
    private final InboundCommand command;
    private final String kind;
    private final String productCode;
    private final Function<T, RenderedReply> compose;

    /** The latest run's outcome and answer; a rerun replaces them, and the last one committed. */
    private volatile Recorded<T> last;

    Recorder(
        InboundCommand command,
        String kind,
        String productCode,
        Function<T, RenderedReply> compose) {
      this.command = command;
      this.kind = kind;
      this.productCode = productCode;
      this.compose = compose;
    }

    @Override
    public void run(Connection c, T outcome) throws SQLException {
      RenderedReply reply = null;
      ReplySender.Prepared prepared = null;
      try {
        reply = compose.apply(outcome);
        prepared = prepare(command, reply);
      } catch (RuntimeException e) {
        // A reply that cannot be composed must not undo the command (a broken template would
        // otherwise stop every cancellation): it commits with its MO, and the reply fails after.
        log.error("pipeline - reply to MO {} cannot be composed", command.moId(), e);
      }
      records.record(
          c,
          command.unrecorded(),
          new MoResult(command.moId(), "PROCESSED", kind, productCode, clock.instant()),
          prepared == null ? List.of() : prepared.records());
      last =
          new Recorded<>(
              outcome, new Answer(kind, productCode, reply, Optional.ofNullable(prepared), true));
    }

    /**
     * The answer to {@code outcome}: as recorded with it, or composed now if it was not (no reply
     * if it cannot be: the command is done, and its MO must still go on record).
     */
    Answer answer(T outcome) {
      Recorded<T> recorded = last;
      if (recorded != null && recorded.outcome() == outcome) {
        return recorded.answer();
      }
      RenderedReply reply = null;
      try {
        reply = compose.apply(outcome);
      } catch (RuntimeException e) {
        log.error("pipeline - reply to MO {} cannot be composed", command.moId(), e);
      }
      return new Answer(kind, productCode, reply, Optional.empty(), false);
    }
  }

  private record Recorded<T>(T outcome, Answer answer) {}

  /**
   * Runs the subscriber work {@code call} with a {@link Recorder} as its epilogue, so the reply
   * {@code compose} makes of the outcome is recorded with the work wherever a transaction decides
   * it, and answers with that reply.
   */
  private <T> CompletableFuture<Answer> recorded(
      InboundCommand command,
      String kind,
      String productCode,
      Function<T, RenderedReply> compose,
      Function<Epilogue<T>, CompletableFuture<T>> call) {
    Recorder<T> recorder = new Recorder<>(command, kind, productCode, compose);
    return work(call.apply(recorder)).thenApply(recorder::answer);
  }

  private CompletableFuture<Answer> act(
      InboundCommand command, Parsed parsed, Catalog snapshot, MoRef mo) {
    ShortCode code = parsed.shortCode();
    ReplyComposer.Reply r = composer.reply(templates.get(), code.serviceNumber());
    String msisdn = command.msisdn();
    String port = code.serviceNumber().port();
    String kind = parsed.kind().name();
    Optional<Product> product = parsed.product();
    String productCode = product.map(Product::code).orElse(null);
    switch (parsed.kind()) {
      case SUBSCRIBE -> {
        Product p = product.orElseThrow();
        if (p.chargeType() == ChargeType.PER_USE) {
          return this.<ForUse>recorded(
              command,
              "USE",
              productCode,
              o -> composer.outcome(r, o),
              e -> subscriptions.use(msisdn, p, mo, e));
        }
        return this.<ForSubscribe>recorded(
            command,
            kind,
            productCode,
            o -> composer.outcome(r, o),
            e -> subscriptions.subscribe(msisdn, p, mo, e));
      }
      case UNSUBSCRIBE -> {
        // "you do not hold X": the outcome has no product when nothing was cancelled.
        ReplyComposer.Reply named = r.product(product.orElseThrow());
        return this.<ForUnsubscribe>recorded(
            command,
            kind,
            productCode,
            o -> composer.outcome(named, o),
            e -> subscriptions.unsubscribe(msisdn, product.orElseThrow(), mo, e));
      }
      case QUERY -> {
        return this.<SubscriptionList>recorded(
            command,
            kind,
            productCode,
            list -> composer.list(r, list, clock.instant()),
            e -> subscriptions.listActive(msisdn, e));
      }
      case UNSUBSCRIBE_ALL -> {
        return this.<ForUnsubscribe>recorded(
            command,
            kind,
            null,
            o -> composer.cancelledAll(r, o),
            e -> subscriptions.unsubscribeAll(msisdn, port, mo, e));
      }
      case CONFIRM -> {
        return this.<ForConfirm>recorded(
            command,
            kind,
            null,
            o -> composer.outcome(r, o),
            e -> subscriptions.confirm(msisdn, port, mo, e));
      }
      case DECLINE -> {
        return this.<ForDecline>recorded(
            command,
            kind,
            null,
            o -> composer.outcome(r, o),
            e -> subscriptions.decline(msisdn, port, mo, e));
      }
      case SELECT -> {
        return this.<ForSelect>recorded(
            command,
            kind,
            null,
            o -> composer.outcome(r, o),
            e -> subscriptions.cancelSelected(msisdn, parsed.items(), mo, e));
      }
      default -> {
        return done(kind, null, composer.help(r, snapshot.offeredAt(code)));
      }
    }
  }

  private RenderedReply error(InboundCommand command, ParseError error, Catalog snapshot) {
    if (error.shortCode().isEmpty()) {
      // Not one of our numbers: there is no number to answer from.
      log.warn(
          "pipeline - MO {} from {} to unknown number {}",
          command.moId(),
          MsisdnMask.mask(command.msisdn()),
          command.destination());
      return null;
    }
    ShortCode code = error.shortCode().get();
    ReplyComposer.Reply r = composer.reply(templates.get(), code.serviceNumber());
    List<Product> offered =
        error.products().isEmpty() ? snapshot.offeredAt(code) : error.products();
    return switch (error.kind()) {
      case UNKNOWN_PRODUCT -> composer.unknownProduct(r, offered);
      case WHICH_PRODUCT -> composer.whichProduct(r, error.command(), offered);
      default -> composer.help(r, offered);
    };
  }
}
