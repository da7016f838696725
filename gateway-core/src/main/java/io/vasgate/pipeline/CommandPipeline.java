package io.vasgate.pipeline;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vasgate.billing.cdr.CdrRecordingChargingGateway;
import io.vasgate.billing.cdr.CdrRepository;
import io.vasgate.billing.charging.ChargingGateway;
import io.vasgate.billing.charging.boss.BossConfig;
import io.vasgate.billing.charging.boss.BossHttpChargingGateway;
import io.vasgate.billing.charging.boss.RetryDelay;
import io.vasgate.billing.charging.ledger.LedgerChargingGateway;
import io.vasgate.billing.charging.ledger.LedgerRepository;
import io.vasgate.billing.renewal.RenewalConfig;
import io.vasgate.billing.renewal.RenewalJob;
import io.vasgate.billing.subscription.SubscriptionConfig;
import io.vasgate.billing.subscription.SubscriptionRepository;
import io.vasgate.billing.subscription.SubscriptionService;
import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.parse.CommandParser;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.message.CommandRecords;
import io.vasgate.message.MessageJournal;
import io.vasgate.message.MoRecoveryRepository;
import io.vasgate.message.StaleMo;
import io.vasgate.messageid.MessageIdGenerator;
import io.vasgate.persistence.GroupCommit;
import io.vasgate.smpp.session.SessionRegistry;
import io.vasgate.smpp.session.SmppRequestHandler;
import io.vasgate.sms.MessageSplitter;
import io.vasgate.sms.Reassembler;
import io.vasgate.sms.ReassemblyConfig;
import io.vasgate.sms.SmsCharset;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handset command pipeline, assembled: MO ingress, the message journal, reassembly, parsing,
 * subscriptions over the charging SPI (the internal ledger, with CDRs), replies, and the
 * housekeeping jobs that keep pending orders and charges moving.
 */
public final class CommandPipeline implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommandPipeline.class);

  /** How long an acknowledged MO may stay unprocessed before another gateway takes it over. */
  static final Duration RECOVERY_AGE = Duration.ofMinutes(2);

  /**
   * The most MOs remembered for recognising re-sends without the database: a minute's window at
   * 4,000 MOs/s (some 40 MB); beyond it the database's dedup keys still catch every re-send.
   */
  static final long RECENT_MOS = 250_000;

  /**
   * How often the dedup keys of MOs past the window are deleted: every second, so each run deletes
   * a second's MOs and the database's work is spread out, not a burst every few seconds.
   */
  static final Duration DEDUP_PURGE_INTERVAL = Duration.ofSeconds(1);

  /** How often the renewal job looks for due subscriptions. */
  static final Duration RENEWAL_INTERVAL = Duration.ofHours(1);

  private final MessageJournal journal;
  private final GroupCommit groupCommit;
  private final ScheduledExecutorService jobs;
  private final MoIngressHandler ingress;
  private final SubscriptionService subscriptions;
  private final ChargingGateway charging;

  private CommandPipeline(
      MessageJournal journal,
      GroupCommit groupCommit,
      ScheduledExecutorService jobs,
      MoIngressHandler ingress,
      SubscriptionService subscriptions,
      ChargingGateway charging) {
    this.journal = journal;
    this.groupCommit = groupCommit;
    this.jobs = jobs;
    this.ingress = ingress;
    this.subscriptions = subscriptions;
    this.charging = charging;
  }

  /**
   * Builds the pipeline and starts its jobs.
   *
   * @param blocking runs JDBC and charging work
   * @param instants the time; the system clock except in tests that move it by hand
   */
  public static CommandPipeline start(
      PipelineConfig config,
      BillingConfig billing,
      DataSource dataSource,
      Supplier<Catalog> catalog,
      Supplier<ReplyTemplates> templates,
      SessionRegistry sessions,
      MessageIdGenerator messageIds,
      ExecutorService blocking,
      InstantSource instants) {
    // withZone keeps reading the source: a clock copied from it would not follow a test's moves.
    Clock clock = instants.withZone(config.zone());
    MessageJournal journal =
        new MessageJournal(dataSource, config.journalBatch(), config.dedupWindow());
    // Every lane key is a subscriber's number: a batch locks all of its numbers in one statement,
    // and a block of neighbouring numbers shares a lane.
    GroupCommit groupCommit =
        new GroupCommit(
            dataSource,
            config.commitLanes(),
            config.commitBatch(),
            "subscriber",
            Optional.of(SubscriptionRepository::openBatch),
            SubscriptionRepository::laneSpread,
            config.commitLinger());
    ChargingGateway charging =
        new CdrRecordingChargingGateway(
            chargingGateway(billing, dataSource, groupCommit, messageIds, blocking, instants),
            new CdrRepository(dataSource, Optional.of(groupCommit)),
            blocking,
            instants);
    SubscriptionService subscriptions =
        new SubscriptionService(
            dataSource,
            Optional.of(groupCommit),
            charging,
            code -> catalog.get().product(code),
            clock,
            blocking,
            SubscriptionConfig.defaults(config.zone()),
            // Orders take message ids: unique across gateways sharing the database.
            messageIds::nextLong);
    ReplySender replies =
        new ReplySender(
            sessions, new MessageSplitter(SmsCharset.STANDARD), messageIds, journal, instants);
    ReplyComposer composer = new ReplyComposer();
    CommandProcessor processor =
        new CommandProcessor(
            catalog,
            templates,
            new CommandParser(),
            subscriptions,
            composer,
            replies,
            journal,
            new CommandRecords(config.dedupWindow()),
            instants);
    Reassembler reassembler =
        new Reassembler(
            new ReassemblyConfig(
                config.reassemblyTimeout(),
                ReassemblyConfig.DEFAULT_MAX_PENDING_GROUPS,
                255,
                ReassemblyConfig.DEFAULT_MAX_PART_OCTETS),
            System::nanoTime,
            expired ->
                log.warn(
                    "pipeline - long MO with reference {} incomplete after {}: parts {} of {}"
                        + " never arrived",
                    expired.key().reference(),
                    config.reassemblyTimeout(),
                    expired.missingSequences(),
                    expired.key().total()));
    MoIngressHandler ingress =
        new MoIngressHandler(
            journal,
            messageIds,
            instants,
            reassembler,
            SmsCharset.STANDARD,
            processor,
            blocking,
            config.temporaryFailureStatus(),
            config.maxBacklog(),
            destination -> catalog.get().resolve(destination).isPresent(),
            new RecentMos(config.dedupWindow(), RECENT_MOS),
            // A BOSS charge is sent before the transaction that records the outcome: the MO must be
            // on record, and known not to be a re-send, before then.
            billing.mode() != BillingConfig.Mode.BOSS);
    SubscriberNotices notices =
        new SubscriberNotices(catalog, templates, composer, replies, config.notifyVia());
    RenewalJob renewal =
        new RenewalJob(
            dataSource,
            charging,
            code -> catalog.get().product(code),
            notices,
            clock,
            blocking,
            RenewalConfig.defaults());
    MoRecoveryRepository recovery = new MoRecoveryRepository(dataSource);
    ScheduledExecutorService jobs =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pipeline-jobs");
              t.setDaemon(true);
              return t;
            });
    jobs.scheduleWithFixedDelay(reassembler::expireOverdue, 1, 1, TimeUnit.SECONDS);
    jobs.scheduleWithFixedDelay(
        () -> logFailure("expire pending orders", subscriptions.expirePending(clock.instant())),
        30,
        60,
        TimeUnit.SECONDS);
    jobs.scheduleWithFixedDelay(
        () ->
            logFailure(
                "retry pending charges",
                subscriptions
                    .retryPendingCharges(clock.instant())
                    .thenAccept(
                        settled ->
                            settled.forEach(
                                s ->
                                    notices.settled(
                                        s.charge().msisdn(), s.product(), s.outcome())))),
        45,
        60,
        TimeUnit.SECONDS);
    // The job is idempotent for a day: running it hourly only catches up after a restart.
    jobs.scheduleWithFixedDelay(
        () -> logFailure("renewal", renewal.runOnce(LocalDate.now(clock))),
        2,
        RENEWAL_INTERVAL.toMinutes(),
        TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(
        () -> recover(recovery, processor, clock), 20, 60, TimeUnit.SECONDS);
    jobs.scheduleWithFixedDelay(
        () -> purgeDedupKeys(journal, clock),
        DEDUP_PURGE_INTERVAL.toMillis(),
        DEDUP_PURGE_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
    return new CommandPipeline(journal, groupCommit, jobs, ingress, subscriptions, charging);
  }

  private static ChargingGateway chargingGateway(
      BillingConfig billing,
      DataSource dataSource,
      GroupCommit groupCommit,
      MessageIdGenerator messageIds,
      ExecutorService blocking,
      InstantSource clock) {
    if (billing.mode() == BillingConfig.Mode.BOSS) {
      BossConfig boss = billing.boss().orElseThrow();
      log.info("pipeline - charging through the BOSS at {}", boss.baseUri());
      return new BossHttpChargingGateway(
          boss,
          BossHttpChargingGateway.httpClient(boss, blocking),
          clock,
          RetryDelay.realTime(blocking));
    }
    return new LedgerChargingGateway(
        // Ledger entries take message ids: unique across gateways sharing the database.
        new LedgerRepository(dataSource, Optional.of(groupCommit), messageIds::nextLong),
        blocking,
        clock);
  }

  /**
   * Processes MOs that were acknowledged but never acted on (their gateway stopped in between).
   * Only MOs older than {@link #RECOVERY_AGE} are taken: younger ones are still in someone's hands.
   */
  private static void recover(
      MoRecoveryRepository recovery, CommandProcessor processor, Clock clock) {
    try {
      for (StaleMo mo : recovery.claimStale(clock.instant().minus(RECOVERY_AGE), 500)) {
        log.warn("pipeline - MO {} was never processed; processing it now", mo.id());
        processor.accept(
            new InboundCommand(
                mo.id(),
                mo.peerSystemId(),
                mo.sessionId(),
                mo.sourceAddr(),
                mo.destAddr(),
                mo.text(),
                mo.receivedAt(),
                Optional.empty()));
      }
    } catch (java.sql.SQLException | RuntimeException e) {
      log.error("pipeline - recovery of unprocessed MOs failed", e);
    }
  }

  private static void purgeDedupKeys(MessageJournal journal, Clock clock) {
    try {
      int purged = journal.purgeDedupKeys(clock.instant());
      log.debug("pipeline - {} dedup keys past the window deleted", purged);
    } catch (java.sql.SQLException | RuntimeException e) {
      log.error("pipeline - deleting dedup keys past the window failed", e);
    }
  }

  private static void logFailure(String job, java.util.concurrent.CompletableFuture<?> run) {
    run.whenComplete(
        (done, err) -> {
          if (err != null) {
            log.error("pipeline - {} failed", job, err);
          }
        });
  }

  /**
   * Publishes the group commit's counters: batches committed, commands' work in them (their ratio
   * is the mean batch size) and works rerun on their own after a failed batch.
   */
  public void bindMetrics(MeterRegistry registry) {
    FunctionCounter.builder("vasgate.commit.batches", groupCommit, g -> g.stats().batches())
        .description("shared transactions of subscriber work committed or attempted")
        .register(registry);
    FunctionCounter.builder("vasgate.commit.works", groupCommit, g -> g.stats().works())
        .description("commands' database work run in shared transactions")
        .register(registry);
    FunctionCounter.builder("vasgate.commit.reruns", groupCommit, g -> g.stats().reruns())
        .description("works rerun on their own after their shared transaction failed")
        .register(registry);
  }

  /** The SMPP seam for MO-source accounts. */
  public SmppRequestHandler ingress() {
    return ingress;
  }

  public SubscriptionService subscriptions() {
    return subscriptions;
  }

  /** Where money moves (with CDRs written), for refunds from the admin API. */
  public ChargingGateway charging() {
    return charging;
  }

  /** Stops the jobs, then commits the subscriber work and writes what the journal still holds. */
  @Override
  public void close() {
    jobs.shutdownNow();
    groupCommit.close();
    journal.close();
  }
}
