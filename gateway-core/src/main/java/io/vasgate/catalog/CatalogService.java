package io.vasgate.catalog;

import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.persistence.catalog.CatalogRepository;
import io.vasgate.persistence.catalog.StoredCatalog;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog this process resolves commands with: an immutable {@link CatalogSnapshot} behind an
 * atomic reference, so the hot path ({@link #catalog()}) is one volatile read and never waits for
 * the database.
 *
 * <p>A refresher checks {@code catalog_version} every interval and reloads only when it moved, so a
 * change made by any gateway process sharing the database is served here within one interval plus
 * one load. A cache that refreshes on read (Caffeine's {@code refreshAfterWrite}) would serve a
 * stale catalog to the first command after a quiet spell and so could not promise that bound.
 *
 * <p>A load that fails, or that reads a catalog the command registry refuses (rows edited around
 * the repository), leaves the last good snapshot in service; the problem is logged once until it
 * clears.
 */
public final class CatalogService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

  private final CatalogRepository repository;
  private final ReplyTemplates defaults;
  private final AtomicReference<CatalogSnapshot> current;
  private final Object refreshLock = new Object();
  private volatile ScheduledFuture<?> refresher;
  private boolean failing;

  /**
   * Loads the catalog as it is now.
   *
   * @param repository where the catalog lives
   * @param defaults the shipped reply templates the stored overrides apply to
   * @throws IllegalStateException if the stored catalog is not a valid one: start-up must stop
   */
  public CatalogService(CatalogRepository repository, ReplyTemplates defaults) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    StoredCatalog stored = repository.load();
    try {
      this.current = new AtomicReference<>(build(stored));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "catalog - the stored catalog (version "
              + stored.version()
              + ") is invalid: "
              + e.getMessage(),
          e);
    }
    log.info(
        "catalog - loaded version {}: {} products on {} service numbers",
        stored.version(),
        stored.content().products().size(),
        stored.content().serviceNumbers().size());
  }

  /** A daemon single-thread scheduler for {@link #startRefreshing}. */
  public static ScheduledExecutorService newRefreshExecutor() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "vasgate-catalog-refresh");
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Checks for a newer version every {@code interval} on {@code scheduler}, until {@link #close}.
   *
   * @throws IllegalStateException if already refreshing
   */
  public synchronized void startRefreshing(ScheduledExecutorService scheduler, Duration interval) {
    if (refresher != null) {
      throw new IllegalStateException("catalog - already refreshing");
    }
    long millis = interval.toMillis();
    refresher =
        scheduler.scheduleWithFixedDelay(
            this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** The current catalog: no I/O, safe from any thread, event loops included. */
  public Catalog catalog() {
    return current.get().catalog();
  }

  /** The current reply templates, with the stored per-number overrides. */
  public ReplyTemplates templates() {
    return current.get().templates();
  }

  /** The current snapshot: catalog, templates and the version they belong to, consistently. */
  public CatalogSnapshot snapshot() {
    return current.get();
  }

  /**
   * Reloads the catalog if the stored version is newer than the one in service. Called by the
   * refresher, and by whoever just changed the catalog and wants to see the change at once.
   *
   * @return true if a newer snapshot was put in service
   * @throws RuntimeException if the database cannot be read
   */
  public boolean refresh() {
    synchronized (refreshLock) {
      long serving = current.get().version();
      if (repository.version() == serving) {
        return false;
      }
      StoredCatalog stored = repository.load();
      if (stored.version() <= serving) {
        return false;
      }
      CatalogSnapshot next;
      try {
        next = build(stored);
      } catch (IllegalArgumentException e) {
        reportFailure(
            "catalog version " + stored.version() + " is invalid, keeping version " + serving, e);
        return false;
      }
      current.set(next);
      if (failing) {
        failing = false;
        log.info("catalog - refreshing works again");
      }
      log.info("catalog - now serving version {} (was {})", stored.version(), serving);
      return true;
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // The scheduler would cancel the task for good on an escaping exception.
      synchronized (refreshLock) {
        reportFailure(
            "cannot check for catalog changes, serving version " + current.get().version(), e);
      }
    }
  }

  private void reportFailure(String what, Exception e) {
    if (!failing) {
      failing = true;
      log.warn("catalog - {}: {}", what, e.getMessage(), e);
    }
  }

  private CatalogSnapshot build(StoredCatalog stored) {
    return new CatalogSnapshot(
        stored.version(),
        stored.catalog(),
        stored.content().replyTemplates(defaults),
        stored.content());
  }

  /** Stops refreshing; the last snapshot stays readable. */
  @Override
  public synchronized void close() {
    if (refresher != null) {
      refresher.cancel(false);
    }
  }
}
