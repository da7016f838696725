package io.vasgate.billing.charging.boss;

import static io.vasgate.billing.charging.TestCharges.charge;
import static io.vasgate.billing.charging.TestCharges.freshMsisdn;
import static io.vasgate.billing.charging.TestCharges.refund;
import static io.vasgate.billing.charging.boss.FakeBoss.Behaviour.BAD_REQUEST;
import static io.vasgate.billing.charging.boss.FakeBoss.Behaviour.CHARGE_THEN_HANG;
import static io.vasgate.billing.charging.boss.FakeBoss.Behaviour.FAIL_500;
import static io.vasgate.billing.charging.boss.FakeBoss.Behaviour.FAIL_503;
import static io.vasgate.billing.charging.boss.FakeBoss.Behaviour.GARBAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.ManualInstantSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BossHttpChargingGatewayTest {

  /** Long enough for loopback on a loaded machine, short enough that a timeout test is quick. */
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private static final Duration COOL_DOWN = Duration.ofSeconds(30);

  private final ManualInstantSource clock =
      new ManualInstantSource(Instant.parse("2024-05-01T00:00:00Z"));
  private final List<Duration> backoffs = new CopyOnWriteArrayList<>();

  /** Records each backoff asked for and runs the retry at once: no test waits one out. */
  private final RetryDelay recordingDelay =
      delay -> {
        backoffs.add(delay);
        return Runnable::run;
      };

  private ExecutorService executor;
  private HttpClient http;
  private FakeBoss boss;

  @BeforeEach
  void startBoss() throws IOException {
    boss = new FakeBoss();
    executor = Executors.newCachedThreadPool();
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(executor)
            .build();
  }

  @AfterEach
  void stopBoss() {
    boss.close();
    executor.shutdownNow();
  }

  private BossHttpChargingGateway gateway(int maxAttempts, int breakerThreshold) {
    return gateway(boss.baseUri(), maxAttempts, breakerThreshold);
  }

  private BossHttpChargingGateway gateway(URI base, int maxAttempts, int breakerThreshold) {
    BossConfig config =
        new BossConfig(
            base,
            TIMEOUT,
            maxAttempts,
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            breakerThreshold,
            COOL_DOWN);
    return new BossHttpChargingGateway(config, http, clock, recordingDelay);
  }

  @Test
  void chargesAndAnswersWithTheBossTransactionId() {
    String msisdn = freshMsisdn();

    ChargeResult result = gateway(3, 5).charge(charge("order-1", msisdn, 200)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(result.transactionId()).isEqualTo("BOSS-1");
    assertThat(boss.seen()).hasSize(1);
    FakeBoss.Seen seen = boss.seen().get(0);
    assertThat(seen.path()).isEqualTo("/boss/charge");
    assertThat(seen.keyHeader()).isEqualTo("order-1");
    assertThat(seen.body().path("idempotencyKey").asText()).isEqualTo("order-1");
    assertThat(seen.body().path("msisdn").asText()).isEqualTo(msisdn);
    assertThat(seen.body().path("amountFen").asLong()).isEqualTo(200);
    assertThat(seen.body().path("productCode").asText()).isEqualTo("TQ");
    assertThat(seen.body().path("partnerCode").asText()).isEqualTo("901234");
    assertThat(seen.body().path("serviceNumber").asText()).isEqualTo("10658880");
    assertThat(seen.body().path("chargeType").asText()).isEqualTo("MONTHLY");
    assertThat(seen.body().path("reason").asText()).isEqualTo("ORDER");
    assertThat(seen.body().path("causingMoId").asLong()).isEqualTo(7);
    assertThat(backoffs).isEmpty();
  }

  @Test
  void reportsInsufficientBalanceWithoutRetrying() {
    String msisdn = freshMsisdn();
    boss.balance(msisdn, 150);

    ChargeResult result = gateway(3, 5).charge(charge("order-2", msisdn, 200)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.INSUFFICIENT_BALANCE);
    assertThat(result.transactionId()).isEmpty();
    assertThat(result.detail()).contains("balance 150");
    assertThat(boss.seen()).hasSize(1);
    assertThat(boss.chargesMade()).isZero();
  }

  @Test
  void reportsARejectionWithoutRetrying() {
    String msisdn = freshMsisdn();
    boss.bar(msisdn);

    ChargeResult result = gateway(3, 5).charge(charge("order-3", msisdn, 200)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(result.detail()).contains("number barred");
    assertThat(boss.seen()).hasSize(1);
  }

  @Test
  void retriesAnAnswerThatCameTooLateWithTheSameKeyAndChargesOnce() {
    boss.script(CHARGE_THEN_HANG);

    ChargeResult result = gateway(3, 5).charge(charge("order-slow", freshMsisdn(), 200)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(result.transactionId()).isEqualTo("BOSS-1");
    assertThat(result.detail()).contains("earlier request with this key");
    assertThat(boss.seen()).hasSize(2);
    assertThat(boss.seen())
        .allSatisfy(
            seen -> {
              assertThat(seen.keyHeader()).isEqualTo("order-slow");
              assertThat(seen.bodyKey()).isEqualTo("order-slow");
            });
    assertThat(boss.chargesMade()).isEqualTo(1);
    assertThat(backoffs).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void retriesAServerErrorWithTheSameKey() {
    boss.script(FAIL_500);

    ChargeResult result = gateway(3, 5).charge(charge("order-500", freshMsisdn(), 200)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(result.detail()).doesNotContain("earlier request");
    assertThat(boss.seen())
        .extracting(FakeBoss.Seen::bodyKey)
        .containsExactly("order-500", "order-500");
    assertThat(boss.chargesMade()).isEqualTo(1);
  }

  @Test
  void retriesAnUnreadableAnswer() {
    boss.script(GARBAGE);

    ChargeResult result = gateway(3, 5).charge(charge("order-garbage", freshMsisdn(), 200)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(boss.seen()).hasSize(2);
  }

  @Test
  void givesUpWithATemporaryFailureAfterTheLastAttempt() {
    boss.otherwise(FAIL_503);

    CompletableFuture<ChargeResult> call =
        gateway(4, 100).charge(charge("order-down", freshMsisdn(), 200));

    ChargeResult result = call.join();
    assertThat(call).isNotCompletedExceptionally();
    assertThat(result.status()).isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(result.detail()).contains("4 attempts").contains("HTTP 503");
    assertThat(boss.seen())
        .hasSize(4)
        .allSatisfy(s -> assertThat(s.bodyKey()).isEqualTo("order-down"));
    assertThat(backoffs)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
    assertThat(boss.chargesMade()).isZero();
  }

  @Test
  void givesUpWithATemporaryFailureWhenNothingListens() throws IOException {
    URI nobody;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/boss");
    }

    CompletableFuture<ChargeResult> call =
        gateway(nobody, 2, 100).charge(charge("order-nobody", freshMsisdn(), 200));

    assertThat(call.join().status()).isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(call.join().detail()).contains("2 attempts");
    assertThat(backoffs).hasSize(1);
  }

  @Test
  void doesNotRetryARequestTheBossRefusedAsMalformed() {
    boss.script(BAD_REQUEST);

    ChargeResult result = gateway(3, 5).charge(charge("order-400", freshMsisdn(), 200)).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.REJECTED);
    assertThat(result.detail()).contains("HTTP 400");
    assertThat(boss.seen()).hasSize(1);
  }

  @Test
  void treatsTheAnswerToARepeatedKeyAsTheOriginalSuccessWithoutASecondCharge() {
    BossHttpChargingGateway gateway = gateway(3, 5);
    String msisdn = freshMsisdn();

    ChargeResult first = gateway.charge(charge("order-dup", msisdn, 200)).join();
    ChargeResult second = gateway.charge(charge("order-dup", msisdn, 200)).join();

    assertThat(first.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(second.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(second.transactionId()).isEqualTo(first.transactionId());
    assertThat(second.detail()).contains("earlier request with this key");
    assertThat(boss.chargesMade()).isEqualTo(1);
    assertThat(boss.fenCharged()).isEqualTo(200);
  }

  @Test
  void opensTheCircuitAfterConsecutiveFailuresAndSendsNothingWhileOpen() {
    boss.otherwise(FAIL_500);
    BossHttpChargingGateway gateway = gateway(2, 3);

    ChargeResult first = gateway.charge(charge("c-1", freshMsisdn(), 200)).join();
    ChargeResult second = gateway.charge(charge("c-2", freshMsisdn(), 200)).join();
    int sentBeforeOpen = boss.seen().size();
    ChargeResult whileOpen = gateway.charge(charge("c-3", freshMsisdn(), 200)).join();
    clock.advance(COOL_DOWN.minusMillis(1));
    ChargeResult stillOpen = gateway.refund(refund("r-1", "c-1", freshMsisdn(), 100)).join();

    assertThat(first.status()).isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(second.status()).isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    // 2 attempts of c-1 and the first of c-2 make 3 failures: the circuit opens before c-2's retry.
    assertThat(sentBeforeOpen).isEqualTo(3);
    assertThat(second.detail()).contains("circuit open");
    assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(whileOpen.status()).isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(whileOpen.detail()).contains("circuit open");
    assertThat(stillOpen.status()).isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(boss.seen()).hasSize(3);
  }

  @Test
  void halfOpensAfterTheCoolDownAndClosesWhenTheTrialSucceeds() {
    boss.otherwise(FAIL_500);
    BossHttpChargingGateway gateway = gateway(1, 2);
    gateway.charge(charge("h-1", freshMsisdn(), 200)).join();
    gateway.charge(charge("h-2", freshMsisdn(), 200)).join();
    assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

    boss.otherwise(FakeBoss.Behaviour.ANSWER);
    clock.advance(COOL_DOWN);
    ChargeResult trial = gateway.charge(charge("h-3", freshMsisdn(), 200)).join();
    ChargeResult after = gateway.charge(charge("h-4", freshMsisdn(), 200)).join();

    assertThat(trial.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(after.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(boss.seen())
        .extracting(FakeBoss.Seen::bodyKey)
        .containsExactly("h-1", "h-2", "h-3", "h-4");
  }

  @Test
  void reopensForAnotherCoolDownWhenTheTrialFails() {
    boss.otherwise(FAIL_500);
    BossHttpChargingGateway gateway = gateway(1, 1);
    gateway.charge(charge("t-1", freshMsisdn(), 200)).join();

    clock.advance(COOL_DOWN);
    ChargeResult trial = gateway.charge(charge("t-2", freshMsisdn(), 200)).join();
    ChargeResult afterTrial = gateway.charge(charge("t-3", freshMsisdn(), 200)).join();

    assertThat(trial.status()).isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(afterTrial.detail()).contains("circuit open");
    assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(boss.seen()).extracting(FakeBoss.Seen::bodyKey).containsExactly("t-1", "t-2");
  }

  @Test
  void refundsThroughTheBossAndRefusesARefundOfAnUnknownCharge() {
    BossHttpChargingGateway gateway = gateway(3, 5);
    String msisdn = freshMsisdn();
    gateway.charge(charge("order-r", msisdn, 200)).join();

    ChargeResult refunded = gateway.refund(refund("refund-r", "order-r", msisdn, 200)).join();
    ChargeResult unknown = gateway.refund(refund("refund-x", "no-such", msisdn, 200)).join();

    assertThat(refunded.status()).isEqualTo(ChargeStatus.SUCCESS);
    assertThat(refunded.transactionId()).startsWith("BOSS-R");
    assertThat(unknown.status()).isEqualTo(ChargeStatus.REJECTED);
    FakeBoss.Seen seen = boss.seen().get(1);
    assertThat(seen.path()).isEqualTo("/boss/refund");
    assertThat(seen.keyHeader()).isEqualTo("refund-r");
    assertThat(seen.body().path("chargeIdempotencyKey").asText()).isEqualTo("order-r");
    assertThat(seen.body().path("reason").asText()).isEqualTo("charged without service");
    assertThat(seen.body().path("requestedBy").asText()).isEqualTo("ops.li");
    assertThat(boss.fenCharged()).isZero();
  }
}
