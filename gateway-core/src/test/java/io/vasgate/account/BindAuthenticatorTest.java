package io.vasgate.account;

import static io.vasgate.account.TestAccounts.account;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vasgate.account.BindDecision.Accepted;
import io.vasgate.account.BindDecision.Rejected;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import io.vasgate.smpp.pdu.BindType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BindAuthenticatorTest {

  private static final Duration CACHE_TTL = Duration.ofSeconds(2);

  private final ManualClock clock = new ManualClock();
  private final PasswordHasher hasher =
      new PasswordHasher(new SecureRandom(), PasswordHasher.MIN_ITERATIONS);
  private final BindRegistry registry = new BindRegistry();
  private final BindFailureThrottle failures =
      new BindFailureThrottle(BindFailureThrottle.Policy.DEFAULT, clock);
  private ExecutorService executor;
  private Database database;
  private EsmeAccountRepository accounts;
  private BindAuthenticator authenticator;

  @BeforeEach
  void setUp() {
    database = TestDatabases.newDatabase("bind_auth");
    accounts = new EsmeAccountRepository(database.dataSource(), hasher);
    executor = Executors.newFixedThreadPool(4);
    authenticator =
        new BindAuthenticator(accounts, hasher, registry, failures, executor, clock, CACHE_TTL);
  }

  @AfterEach
  void tearDown() {
    executor.shutdownNow();
    database.close();
  }

  private static InetSocketAddress peer(String ip) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(ip), 40001);
  }

  private BindDecision bind(String systemId, String password, BindType type, String ip)
      throws Exception {
    return authenticator.authenticate(systemId, password, type, peer(ip)).get(5, SECONDS);
  }

  private BindDecision bind(String systemId, String password) throws Exception {
    return bind(systemId, password, BindType.TRANSCEIVER, "203.0.113.7");
  }

  private static Rejected rejected(BindDecision decision) {
    assertThat(decision).isInstanceOf(Rejected.class);
    return (Rejected) decision;
  }

  private static Accepted accepted(BindDecision decision) {
    assertThat(decision).isInstanceOf(Accepted.class);
    return (Accepted) decision;
  }

  @Test
  void correctPasswordIsAcceptedAndTakesABindSlot() throws Exception {
    accounts.seed(List.of(account("demo").password("demo").maxBinds(2).spec()));

    Accepted decision = accepted(bind("demo", "demo"));

    assertThat(decision.account().systemId()).isEqualTo("demo");
    assertThat(decision.account().maxBinds()).isEqualTo(2);
    assertThat(decision.lease().systemId()).isEqualTo("demo");
    assertThat(decision.lease().isReleased()).isFalse();
    assertThat(registry.liveBinds("demo")).isEqualTo(1);
  }

  @Test
  void wrongPasswordIsAnsweredWithInvalidPassword() throws Exception {
    accounts.seed(List.of(account("demo").password("demo").spec()));

    Rejected decision = rejected(bind("demo", "guess"));

    assertThat(decision.commandStatus()).isEqualTo(0x0E);
    assertThat(decision.reason()).contains("password");
    assertThat(registry.liveBinds("demo")).isZero();
  }

  @Test
  void unknownSystemIdIsAnsweredWithInvalidSystemId() throws Exception {
    accounts.seed(List.of(account("demo").password("demo").spec()));

    assertThat(rejected(bind("nobody", "demo")).commandStatus()).isEqualTo(0x0F);
    assertThat(rejected(bind("DEMO", "demo")).commandStatus()).isEqualTo(0x0F);
    assertThat(rejected(bind("far-too-long-system-id", "demo")).commandStatus()).isEqualTo(0x0F);
    assertThat(rejected(bind(null, null)).commandStatus()).isEqualTo(0x0F);
  }

  @Test
  void bindTypeTheAccountMayNotUseFailsTheBind() throws Exception {
    accounts.seed(
        List.of(
            account("mo")
                .password("mo")
                .role(EsmeRole.MO_SOURCE)
                .bindTypes(BindType.TRANSMITTER)
                .spec()));

    Rejected decision = rejected(bind("mo", "mo", BindType.RECEIVER, "203.0.113.7"));

    assertThat(decision.commandStatus()).isEqualTo(0x0D);
    assertThat(decision.reason()).contains("RECEIVER");
    assertThat(registry.liveBinds("mo")).isZero();
    assertThat(bind("mo", "mo", BindType.TRANSMITTER, "203.0.113.7")).isInstanceOf(Accepted.class);
  }

  @Test
  void peerOutsideTheAllowlistFailsTheBindWithoutLearningThePassword() throws Exception {
    accounts.seed(
        List.of(account("demo").password("demo").allowlist("10.0.0.0/8", "2001:db8::/32").spec()));

    assertThat(rejected(bind("demo", "demo", BindType.TRANSCEIVER, "203.0.113.7")).commandStatus())
        .isEqualTo(0x0D);
    // A wrong password from outside gets the same answer, so it cannot be used to guess.
    assertThat(rejected(bind("demo", "nope", BindType.TRANSCEIVER, "203.0.113.7")).commandStatus())
        .isEqualTo(0x0D);
    assertThat(bind("demo", "demo", BindType.TRANSCEIVER, "10.20.30.40"))
        .isInstanceOf(Accepted.class);
  }

  @Test
  void allowlistedIpv6PeerIsAccepted() throws Exception {
    accounts.seed(
        List.of(account("demo").password("demo").maxBinds(2).allowlist("2001:db8::/32").spec()));

    assertThat(bind("demo", "demo", BindType.TRANSCEIVER, "2001:db8::42"))
        .isInstanceOf(Accepted.class);
    assertThat(rejected(bind("demo", "demo", BindType.TRANSCEIVER, "2001:db9::42")).commandStatus())
        .isEqualTo(0x0D);
  }

  @Test
  void bindsBeyondMaxBindsFailUntilALeaseIsReleased() throws Exception {
    accounts.seed(List.of(account("demo").password("demo").maxBinds(2).spec()));
    Accepted first = accepted(bind("demo", "demo"));
    accepted(bind("demo", "demo"));

    Rejected third = rejected(bind("demo", "demo"));

    assertThat(third.commandStatus()).isEqualTo(0x0D);
    assertThat(third.reason()).contains("2 concurrent binds");
    first.lease().release();
    first.lease().release();
    assertThat(bind("demo", "demo")).isInstanceOf(Accepted.class);
    assertThat(rejected(bind("demo", "demo")).commandStatus()).isEqualTo(0x0D);
    assertThat(registry.liveBinds("demo")).isEqualTo(2);
  }

  @Test
  void disabledAccountFailsTheBindButOnlyTellsThoseWhoKnowThePassword() throws Exception {
    accounts.seed(List.of(account("demo").password("demo").enabled(false).spec()));

    Rejected right = rejected(bind("demo", "demo"));
    Rejected wrong = rejected(bind("demo", "nope"));

    assertThat(right.commandStatus()).isEqualTo(0x0D);
    assertThat(right.reason()).contains("disabled");
    assertThat(wrong.commandStatus()).isEqualTo(0x0E);
    assertThat(registry.liveBinds("demo")).isZero();
  }

  @Test
  void repeatedFailuresFromOneAddressAreAnsweredEverMoreSlowly() throws Exception {
    accounts.seed(List.of(account("demo").password("demo").spec()));
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      delays.add(rejected(bind("demo", "guess" + i)).delay().toMillis());
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(delays).containsExactly(0L, 0L, 250L, 500L, 1000L, 2000L);
    assertThat(rejected(bind("demo", "typo", BindType.TRANSCEIVER, "198.51.100.1")).delay())
        .as("another address")
        .isZero();
    assertThat(bind("demo", "demo"))
        .as("accepted binds are never delayed")
        .isInstanceOf(Accepted.class);

    clock.advance(BindFailureThrottle.Policy.DEFAULT.quietPeriod());
    assertThat(rejected(bind("demo", "again")).delay()).as("after a quiet period").isZero();
  }

  @Test
  void rejectionIsLoggedWithThePeerAddress() throws Exception {
    accounts.seed(List.of(account("demo").password("demo").spec()));
    Logger logger = (Logger) LoggerFactory.getLogger(BindAuthenticator.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      bind("demo", "guess");
      bind("dem\no", "x", BindType.TRANSCEIVER, "2001:db8::1");
    } finally {
      logger.detachAppender(appender);
    }

    assertThat(appender.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "203.0.113.7:40001 - bind rejected for system_id 'demo': wrong password",
            "[2001:db8:0:0:0:0:0:1]:40001 - bind rejected for system_id 'dem?o': unknown system_id");
  }

  @Test
  void changedPasswordTakesEffectOnceTheCachedAccountExpires() throws Exception {
    accounts.seed(List.of(account("demo").password("old").maxBinds(10).spec()));
    accepted(bind("demo", "old"));
    EsmeAccount stored = accounts.findBySystemId("demo").orElseThrow();
    accounts.update(stored.withPasswordHash(hasher.hash("new")));

    assertThat(bind("demo", "old")).as("still cached").isInstanceOf(Accepted.class);

    clock.advance(CACHE_TTL);
    assertThat(bind("demo", "new")).isInstanceOf(Accepted.class);
    assertThat(rejected(bind("demo", "old")).commandStatus()).isEqualTo(0x0E);
  }

  @Test
  void invalidatingAnAccountAppliesItsChangeAtOnce() throws Exception {
    accounts.seed(List.of(account("demo").password("demo").maxBinds(10).spec()));
    accepted(bind("demo", "demo"));
    accounts.update(accounts.findBySystemId("demo").orElseThrow().withEnabled(false));

    authenticator.invalidate("demo");

    assertThat(rejected(bind("demo", "demo")).reason()).contains("disabled");
  }

  @Test
  void concurrentBindsNeverExceedMaxBinds() throws Exception {
    accounts.seed(List.of(account("demo").password("demo").maxBinds(3).spec()));
    InetSocketAddress peer = peer("203.0.113.7");
    List<CompletableFuture<BindDecision>> attempts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      attempts.add(authenticator.authenticate("demo", "demo", BindType.TRANSCEIVER, peer));
    }
    List<BindDecision> decisions = new ArrayList<>();
    for (CompletableFuture<BindDecision> attempt : attempts) {
      decisions.add(attempt.get(5, SECONDS));
    }

    assertThat(decisions).filteredOn(d -> d instanceof Accepted).hasSize(3);
    assertThat(decisions)
        .filteredOn(d -> d instanceof Rejected)
        .hasSize(17)
        .allSatisfy(d -> assertThat(((Rejected) d).commandStatus()).isEqualTo(0x0D));
    assertThat(registry.liveBinds("demo")).isEqualTo(3);
  }

  @Test
  void lookupAndVerificationRunOnTheExecutorNotTheCaller() throws Exception {
    accounts.seed(List.of(account("demo").password("demo").spec()));
    List<Runnable> queued = new ArrayList<>();
    BindAuthenticator deferred =
        new BindAuthenticator(accounts, hasher, registry, failures, queued::add, clock, CACHE_TTL);

    CompletableFuture<BindDecision> decision =
        deferred.authenticate("demo", "demo", BindType.TRANSCEIVER, peer("203.0.113.7"));

    assertThat(decision).isNotDone();
    assertThat(queued).hasSize(1);
    assertThat(registry.liveBinds("demo")).isZero();
    queued.get(0).run();
    assertThat(decision.get(5, SECONDS)).isInstanceOf(Accepted.class);
  }

  @Test
  void executorThatRefusesWorkYieldsASystemErrorNotAnException() throws Exception {
    BindAuthenticator overloaded =
        new BindAuthenticator(
            accounts,
            hasher,
            registry,
            failures,
            task -> {
              throw new RejectedExecutionException("queue full");
            },
            clock,
            CACHE_TTL);

    CompletableFuture<BindDecision> decision =
        overloaded.authenticate("demo", "demo", BindType.TRANSCEIVER, peer("203.0.113.7"));

    assertThat(decision).isDone();
    assertThat(rejected(decision.get()).commandStatus()).isEqualTo(0x08);
  }

  @Test
  void unreachableAccountStoreYieldsASystemErrorAndIsNotCountedAgainstThePeer() throws Exception {
    database.close();

    Rejected decision = rejected(bind("demo", "demo"));

    assertThat(decision.commandStatus()).isEqualTo(0x08);
    assertThat(decision.delay()).isZero();
    assertThat(failures.recentFailures(InetAddress.getByName("203.0.113.7"))).isZero();
  }

  /**
   * With distinct timings an attacker could tell existing system_ids from unknown ones even if both
   * were answered alike; the unknown path verifies against a dummy hash to close that.
   */
  @Test
  void unknownSystemIdTakesAboutAsLongAsAWrongPassword() throws Exception {
    PasswordHasher realCost = new PasswordHasher();
    EsmeAccountRepository store = new EsmeAccountRepository(database.dataSource(), realCost);
    store.seed(List.of(account("demo").password("demo").spec()));
    BindAuthenticator direct =
        new BindAuthenticator(store, realCost, registry, failures, Runnable::run, clock, CACHE_TTL);
    InetSocketAddress peer = peer("203.0.113.7");
    int runs = 15;
    long[] unknown = new long[runs];
    long[] wrong = new long[runs];
    for (int i = -3; i < runs; i++) { // three warm-up rounds fill the cache and the JIT
      long start = System.nanoTime();
      direct.authenticate("ghost", "demo", BindType.TRANSCEIVER, peer).get(5, SECONDS);
      long middle = System.nanoTime();
      direct.authenticate("demo", "ghost", BindType.TRANSCEIVER, peer).get(5, SECONDS);
      long end = System.nanoTime();
      if (i >= 0) {
        unknown[i] = middle - start;
        wrong[i] = end - middle;
      }
    }
    Arrays.sort(unknown);
    Arrays.sort(wrong);

    // Without the dummy verification the unknown path is two orders of magnitude faster.
    assertThat(unknown[runs / 2]).isGreaterThan(wrong[runs / 2] / 2);
  }
}
