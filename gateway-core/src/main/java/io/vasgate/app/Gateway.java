package io.vasgate.app;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vasgate.account.BindAuthenticator;
import io.vasgate.account.BindFailureThrottle;
import io.vasgate.account.BindRegistry;
import io.vasgate.account.EsmeAccount;
import io.vasgate.account.EsmeAccountRepository;
import io.vasgate.account.PasswordHasher;
import io.vasgate.admin.AdminHttpServer;
import io.vasgate.admin.AdminRoutes;
import io.vasgate.admin.HealthReport;
import io.vasgate.admin.catalog.CatalogAdminApi;
import io.vasgate.admin.catalog.CatalogAudit;
import io.vasgate.admin.evidence.EvidenceAdminApi;
import io.vasgate.catalog.CatalogSeedFile;
import io.vasgate.catalog.CatalogService;
import io.vasgate.catalog.CatalogSnapshot;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.config.GatewayConfig;
import io.vasgate.messageid.MessageIdGenerator;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.audit.AuditLog;
import io.vasgate.persistence.catalog.CatalogRepository;
import io.vasgate.pipeline.CommandPipeline;
import io.vasgate.server.AcceptingRequestHandler;
import io.vasgate.server.RoleRoutingHandler;
import io.vasgate.server.SmppServer;
import io.vasgate.smpp.session.SessionMetrics;
import io.vasgate.smpp.session.SessionRegistry;
import io.vasgate.smpp.session.SessionServices;
import io.vasgate.throttle.AccountThrottles;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: the one place where every component is built and wired, in start-up order,
 * and taken down in the reverse order.
 */
public final class Gateway implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  /** The system_id the server answers binds with. */
  public static final String SERVER_SYSTEM_ID = "vasgate";

  private final GatewayConfig config;
  private final Database database;
  private final PrometheusMeterRegistry metrics;
  private final SessionRegistry sessions;
  private final SmppServer smppServer;
  private final AdminHttpServer adminServer;
  private final InetSocketAddress smppAddress;
  private final CatalogService catalog;
  private final CommandPipeline pipeline;

  /** Everything else started, in start order; closed in reverse after SMPP and HTTP stop. */
  private final List<AutoCloseable> resources;

  private final AtomicBoolean closed = new AtomicBoolean();

  private Gateway(
      GatewayConfig config,
      Database database,
      PrometheusMeterRegistry metrics,
      SessionRegistry sessions,
      SmppServer smppServer,
      InetSocketAddress smppAddress,
      AdminHttpServer adminServer,
      CatalogService catalog,
      CommandPipeline pipeline,
      List<AutoCloseable> resources) {
    this.config = config;
    this.database = database;
    this.metrics = metrics;
    this.sessions = sessions;
    this.smppServer = smppServer;
    this.smppAddress = smppAddress;
    this.adminServer = adminServer;
    this.catalog = catalog;
    this.pipeline = pipeline;
    this.resources = resources;
  }

  /** Opens the configured database, then starts everything on it. */
  public static Gateway start(GatewayConfig config) throws InterruptedException {
    return start(config, Database.open(config.database()));
  }

  /**
   * Builds and starts everything on an open database, which the gateway then owns; on any failure,
   * stops what had started (the database too) and rethrows.
   */
  public static Gateway start(GatewayConfig config, Database database) throws InterruptedException {
    return start(config, database, InstantSource.system());
  }

  /**
   * As {@link #start(GatewayConfig, Database)}, with time read from {@code clock} instead of the
   * system clock, so tests can move it by hand.
   */
  public static Gateway start(GatewayConfig config, Database database, InstantSource clock)
      throws InterruptedException {
    List<AutoCloseable> started = new java.util.ArrayList<>();
    started.add(database);
    try {
      ExecutorService blocking =
          blockingExecutor(
              Math.max(config.database().maximumPoolSize(), config.pipeline().workers()));
      started.add(() -> shutdown(blocking));

      PasswordHasher hasher = new PasswordHasher();
      EsmeAccountRepository accounts = new EsmeAccountRepository(database.dataSource(), hasher);
      List<EsmeAccount> seeded = accounts.seed(config.accounts());
      seeded.forEach(
          a -> log.info("gateway - seeded ESME account '{}' ({})", a.systemId(), a.role()));

      ReplyTemplates replyDefaults = ReplyTemplates.shipped();
      CatalogRepository catalogRepository = new CatalogRepository(database.dataSource());
      CatalogAudit catalogAudit = new CatalogAudit(new AuditLog(database.dataSource()), clock);
      new CatalogSeedFile()
          .seedIfEmpty(
              config.catalog(), catalogRepository, catalogAudit.hook(CatalogAudit.SEED_ACTOR));
      CatalogService catalog = new CatalogService(catalogRepository, replyDefaults);
      ScheduledExecutorService catalogRefresh = CatalogService.newRefreshExecutor();
      started.add(catalogRefresh::shutdownNow);
      started.add(catalog);
      catalog.startRefreshing(catalogRefresh, config.catalog().refreshInterval());

      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new JvmMemoryMetrics().bindTo(metrics);
      new JvmGcMetrics().bindTo(metrics);
      new JvmThreadMetrics().bindTo(metrics);
      new ProcessorMetrics().bindTo(metrics);

      BindAuthenticator authenticator =
          new BindAuthenticator(
              accounts,
              hasher,
              new BindRegistry(),
              new BindFailureThrottle(BindFailureThrottle.Policy.DEFAULT, clock),
              blocking,
              clock,
              BindAuthenticator.DEFAULT_ACCOUNT_CACHE_TTL);
      SessionRegistry sessions = new SessionRegistry();
      // One generator per process: two with the same node id could hand out the same id.
      MessageIdGenerator messageIds = new MessageIdGenerator(config.nodeId(), clock);
      CommandPipeline pipeline =
          CommandPipeline.start(
              config.pipeline(),
              config.billing(),
              database.dataSource(),
              catalog::catalog,
              catalog::templates,
              sessions,
              messageIds,
              blocking,
              clock);
      started.add(pipeline);
      pipeline.bindMetrics(metrics);
      SessionServices services =
          new SessionServices(
              config.smpp(),
              SERVER_SYSTEM_ID,
              authenticator,
              new RoleRoutingHandler(pipeline.ingress(), new AcceptingRequestHandler(messageIds)),
              sessions,
              new SessionMetrics(metrics, sessions),
              new AccountThrottles(System::nanoTime),
              System::nanoTime);
      SmppServer smpp = new SmppServer(services);
      started.add(smpp);
      InetSocketAddress smppAddress = smpp.start();

      Gateway[] self = new Gateway[1];
      AdminHttpServer admin =
          new AdminHttpServer(
                  () -> self[0].health(),
                  metrics,
                  adminRoutes(
                      CatalogAdminApi.routes(
                          config.admin().users(),
                          catalogRepository,
                          catalogAudit,
                          catalog,
                          replyDefaults),
                      EvidenceAdminApi.routes(
                          database.dataSource(),
                          pipeline,
                          catalog,
                          catalogRepository,
                          blocking,
                          clock,
                          config.pipeline().zone())))
              .start(config.admin().host(), config.admin().port());
      // From here on close() stops the SMPP server first, on its own.
      started.remove(smpp);
      self[0] =
          new Gateway(
              config,
              database,
              metrics,
              sessions,
              smpp,
              smppAddress,
              admin,
              catalog,
              pipeline,
              started);
      log.info(
          "gateway - ready: SMPP on {}:{}, admin HTTP on {}:{}",
          smppAddress.getHostString(),
          smppAddress.getPort(),
          config.admin().host(),
          admin.port());
      return self[0];
    } catch (RuntimeException | InterruptedException e) {
      for (int i = started.size() - 1; i >= 0; i--) {
        try {
          started.get(i).close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /** Every feature's admin routes, in order: the catalog's first, for its authenticator. */
  @SafeVarargs
  private static List<AdminRoutes> adminRoutes(List<AdminRoutes>... features) {
    List<AdminRoutes> all = new java.util.ArrayList<>();
    for (List<AdminRoutes> feature : features) {
      all.addAll(feature);
    }
    return all;
  }

  private static void shutdown(ExecutorService executor) throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
  }

  private static ExecutorService blockingExecutor(int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, "vasgate-blocking-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** What {@code /health} reports. */
  public HealthReport health() {
    Map<String, HealthReport.Component> components = new LinkedHashMap<>();
    boolean dbUp = database.isHealthy(Duration.ofSeconds(2));
    Map<String, Object> dbDetails = new LinkedHashMap<>();
    dbDetails.put("embedded", database.embedded().isPresent());
    components.put("database", new HealthReport.Component(dbUp, dbDetails));
    Map<String, Object> smpp = new LinkedHashMap<>();
    smpp.put("listening", smppServer.isListening());
    smpp.put("address", smppAddress.getHostString() + ":" + smppAddress.getPort());
    smpp.put("connections", sessions.size());
    smpp.put("boundSessions", sessions.boundCount());
    smpp.put("sessionsByState", sessions.countByState());
    components.put("smpp", new HealthReport.Component(smppServer.isListening(), smpp));
    Map<String, Object> catalogDetails = new LinkedHashMap<>();
    CatalogSnapshot snapshot = catalog.snapshot();
    catalogDetails.put("version", snapshot.version());
    catalogDetails.put("products", snapshot.catalog().products().size());
    components.put("catalog", new HealthReport.Component(true, catalogDetails));
    return HealthReport.of(components);
  }

  public InetSocketAddress smppAddress() {
    return smppAddress;
  }

  public int adminPort() {
    return adminServer.port();
  }

  /** The product catalog commands are resolved against; its reads never block. */
  public CatalogService catalog() {
    return catalog;
  }

  /** The handset command pipeline: MO ingress, subscriptions, replies. */
  public CommandPipeline pipeline() {
    return pipeline;
  }

  public SessionRegistry sessions() {
    return sessions;
  }

  public Database database() {
    return database;
  }

  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  public GatewayConfig config() {
    return config;
  }

  /**
   * Graceful stop: refuse new binds, let sessions finish and unbind, then close the admin port, the
   * executors, the pool and the embedded database.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    log.info("gateway - shutting down (grace {})", config.shutdownGracePeriod());
    smppServer.stop(config.shutdownGracePeriod());
    adminServer.close();
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn("gateway - {} did not close cleanly", resources.get(i), e);
      }
    }
    metrics.close();
    log.info("gateway - stopped");
  }
}
