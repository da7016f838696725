package io.vasgate.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vasgate.account.BindDecision.Accepted;
import io.vasgate.account.BindDecision.Rejected;
import io.vasgate.smpp.pdu.BindType;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an ESME may bind, checking its system_id, password, peer address, bind type and
 * concurrent binds against its stored account.
 *
 * <p>The account lookup and password verification block (JDBC, then a few milliseconds of PBKDF2),
 * so they run on the executor given to the constructor; {@link #authenticate} returns at once and
 * the session completes the future back onto its event loop.
 *
 * <p>The checks run in an order that leaks as little as possible: a peer outside the allowlist is
 * refused without learning whether its password was right, and whether an account is disabled,
 * which bind types it has and whether it is full is only told to someone who knows the password.
 * Where no real hash is checked (unknown system_id, address not allowed) a dummy hash is, so every
 * refusal costs the same time. Note that SMPP's distinct status codes for an unknown system_id
 * (ESME_RINVSYSID) and a wrong password (ESME_RINVPASWD) do reveal which system_ids exist; equal
 * timing keeps that the only channel.
 *
 * <p>Accounts are cached for {@code accountCacheTtl}, unknown system_ids included, so a flood of
 * binds does not become a flood of queries; a password changed in the database takes effect once
 * the cached entry expires.
 */
public final class BindAuthenticator {

  /** How long a looked-up account is trusted before it is read again. */
  public static final Duration DEFAULT_ACCOUNT_CACHE_TTL = Duration.ofSeconds(2);

  /** Most cached lookups; bounds memory when binds arrive with endless made-up system_ids. */
  public static final int MAX_CACHED_ACCOUNTS = 10_000;

  /** Longest untrusted system_id echoed into a log line. */
  private static final int MAX_LOGGED_SYSTEM_ID = 32;

  private static final Logger log = LoggerFactory.getLogger(BindAuthenticator.class);

  private final EsmeAccountRepository accounts;
  private final PasswordHasher hasher;
  private final BindRegistry registry;
  private final BindFailureThrottle failures;
  private final Executor executor;
  private final Cache<String, Optional<EsmeAccount>> cache;

  /**
   * @param accounts where accounts are read
   * @param hasher verifies passwords; its iteration count sets the cost of the dummy check
   * @param registry counts live binds
   * @param failures slows down peers that keep failing
   * @param executor runs the blocking lookup and the verification; never an event loop
   * @param clock drives the account cache's expiry
   * @param accountCacheTtl how long an account is cached; zero disables caching
   */
  public BindAuthenticator(
      EsmeAccountRepository accounts,
      PasswordHasher hasher,
      BindRegistry registry,
      BindFailureThrottle failures,
      Executor executor,
      InstantSource clock,
      Duration accountCacheTtl) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.failures = Objects.requireNonNull(failures, "failures");
    this.executor = Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(accountCacheTtl, "accountCacheTtl");
    if (accountCacheTtl.isNegative()) {
      throw new IllegalArgumentException(
          "accountCacheTtl must not be negative but was " + accountCacheTtl);
    }
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(MAX_CACHED_ACCOUNTS)
            .expireAfterWrite(accountCacheTtl)
            .ticker(() -> nanos(clock.instant()))
            .executor(Runnable::run)
            .build();
  }

  /**
   * Checks a bind. Never blocks the caller and never completes exceptionally: a failing account
   * store yields a {@link Rejected} with {@code ESME_RSYSERR}, as does an executor that refuses the
   * work.
   *
   * @param systemId the bind's system_id; null is treated as empty
   * @param password the bind's password; null is treated as empty
   * @param type the bind operation
   * @param peer the remote address of the connection, resolved (as Netty gives it)
   */
  public CompletableFuture<BindDecision> authenticate(
      String systemId, String password, BindType type, InetSocketAddress peer) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(peer, "peer");
    if (peer.getAddress() == null) {
      throw new IllegalArgumentException("peer address must be resolved but was " + peer);
    }
    String id = systemId == null ? "" : systemId;
    String pw = password == null ? "" : password;
    try {
      return CompletableFuture.supplyAsync(() -> decide(id, pw, type, peer), executor);
    } catch (RejectedExecutionException e) {
      log.error(
          "{} - bind of system_id {} not checked: executor refused", describe(peer), safe(id));
      return CompletableFuture.completedFuture(
          new Rejected(Rejected.ESME_RSYSERR, "authentication is overloaded", Duration.ZERO));
    }
  }

  /** Forgets the cached account, e.g. right after an operator changed it through the admin API. */
  public void invalidate(String systemId) {
    cache.invalidate(systemId);
  }

  private BindDecision decide(
      String systemId, String password, BindType type, InetSocketAddress peer) {
    Optional<EsmeAccount> found;
    try {
      found = lookup(systemId);
    } catch (RuntimeException e) {
      log.error(
          "{} - bind of system_id {} not checked: account lookup failed",
          describe(peer),
          safe(systemId),
          e);
      return new Rejected(Rejected.ESME_RSYSERR, "account store unavailable", Duration.ZERO);
    }
    if (found.isEmpty()) {
      hasher.verifyDummy(password);
      return reject(peer, systemId, Rejected.ESME_RINVSYSID, "unknown system_id");
    }
    EsmeAccount account = found.get();
    InetAddress address = peer.getAddress();
    if (!account.allowsPeer(address)) {
      hasher.verifyDummy(password);
      return reject(
          peer, systemId, Rejected.ESME_RBINDFAIL, "peer address not in the account's allowlist");
    }
    if (!hasher.verify(password, account.passwordHash())) {
      return reject(peer, systemId, Rejected.ESME_RINVPASWD, "wrong password");
    }
    if (!account.enabled()) {
      return reject(peer, systemId, Rejected.ESME_RBINDFAIL, "account disabled");
    }
    if (!account.allows(type)) {
      return reject(
          peer,
          systemId,
          Rejected.ESME_RBINDFAIL,
          "bind type " + type + " not allowed, only " + account.allowedBindTypes());
    }
    Optional<BindLease> lease = registry.tryAcquire(account.systemId(), account.maxBinds());
    if (lease.isEmpty()) {
      return reject(
          peer,
          systemId,
          Rejected.ESME_RBINDFAIL,
          "all " + account.maxBinds() + " concurrent binds in use");
    }
    log.info(
        "{} - bind accepted for system_id {} as {} ({} of {} binds)",
        describe(peer),
        account.systemId(),
        type,
        registry.liveBinds(account.systemId()),
        account.maxBinds());
    return new Accepted(account, lease.get());
  }

  private Optional<EsmeAccount> lookup(String systemId) {
    // Nothing that fails validation can be stored, so spare the database the question.
    if (!EsmeAccount.isValidSystemId(systemId)) {
      return Optional.empty();
    }
    return cache.get(systemId, accounts::findBySystemId);
  }

  private Rejected reject(InetSocketAddress peer, String systemId, int status, String reason) {
    Duration delay = failures.recordFailure(peer.getAddress());
    log.warn("{} - bind rejected for system_id {}: {}", describe(peer), safe(systemId), reason);
    if (!delay.isZero()) {
      log.debug(
          "{} - {} recent bind failures, answering in {} ms",
          describe(peer),
          failures.recentFailures(peer.getAddress()),
          delay.toMillis());
    }
    return new Rejected(status, reason, delay);
  }

  /** {@code 192.0.2.7:40001} or {@code [2001:db8::1]:40001}, without any DNS lookup. */
  static String describe(InetSocketAddress peer) {
    InetAddress address = peer.getAddress();
    String host = address == null ? peer.getHostString() : address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + peer.getPort();
  }

  /** An untrusted system_id made safe for a log line: quoted, printable, bounded. */
  static String safe(String systemId) {
    StringBuilder sb = new StringBuilder("'");
    int n = Math.min(systemId.length(), MAX_LOGGED_SYSTEM_ID);
    for (int i = 0; i < n; i++) {
      char c = systemId.charAt(i);
      sb.append(c >= 0x20 && c <= 0x7E ? c : '?');
    }
    if (systemId.length() > n) {
      sb.append("...");
    }
    return sb.append('\'').toString();
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
