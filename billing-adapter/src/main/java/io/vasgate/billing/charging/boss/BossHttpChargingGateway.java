package io.vasgate.billing.charging.boss;

import io.vasgate.billing.charging.ChargeRequest;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.ChargingGateway;
import io.vasgate.billing.charging.MsisdnMask;
import io.vasgate.billing.charging.RefundRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges through an operator's billing system (BOSS), speaking JSON over HTTP.
 *
 * <h2>Protocol</h2>
 *
 * <pre>
 * POST {baseUri}/charge     Content-Type: application/json; charset=utf-8
 *                           Idempotency-Key: &lt;idempotencyKey&gt;
 * {"idempotencyKey": "order-42", "msisdn": "13800138000", "amountFen": 200,
 *  "productCode": "TQ", "partnerCode": "901234", "serviceNumber": "10658880",
 *  "chargeType": "MONTHLY", "reason": "ORDER", "causingMoId": 7}     (causingMoId optional)
 *
 * POST {baseUri}/refund     (same headers)
 * {"idempotencyKey": "refund-9", "chargeIdempotencyKey": "order-42", "msisdn": "13800138000",
 *  "amountFen": 200, "reason": "charged without service", "requestedBy": "ops.li"}
 *
 * 200 OK
 * {"status": "SUCCESS" | "INSUFFICIENT_BALANCE" | "REJECTED",
 *  "transactionId": "T123",       (SUCCESS only)
 *  "duplicate": true,             (optional: the key was seen before; the original outcome)
 *  "message": "..."}              (optional, passed on in the detail)
 * </pre>
 *
 * <p>The BOSS must be idempotent on the key: a request with a key it has seen answers with the
 * original outcome and transaction id and charges nothing more. That is what makes retries safe.
 *
 * <h2>Failure handling</h2>
 *
 * <ul>
 *   <li>A 200 with a known status is definite and never retried.
 *   <li>A timeout ({@link BossConfig#requestTimeout}), a connection error, a 408, 429 or 5xx, or a
 *       200 whose body is unreadable is retried after {@link BossConfig#backoff}, with the same
 *       key, up to {@link BossConfig#maxAttempts} attempts; after the last one the call answers
 *       {@link ChargeStatus#TEMPORARY_FAILURE}. The charge may or may not have happened; the caller
 *       retries later with the same key.
 *   <li>Any other 4xx means the BOSS refused our request as malformed: {@link
 *       ChargeStatus#REJECTED}, logged at ERROR, not retried.
 *   <li>Each retryable failure counts towards the {@link CircuitBreaker}; while it is open calls
 *       answer {@code TEMPORARY_FAILURE} at once without a request.
 * </ul>
 *
 * <p>Futures never complete exceptionally. Authentication to the BOSS (mutual TLS, a signed header)
 * is not part of this protocol yet; the injected {@link HttpClient} is where TLS goes.
 */
public final class BossHttpChargingGateway implements ChargingGateway {

  private static final Logger log = LoggerFactory.getLogger(BossHttpChargingGateway.class);

  /** The header that carries the idempotency key besides the body, for proxies and BOSS logs. */
  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  private static final String NAME = "boss";
  private static final int MAX_LOGGED_BODY = 200;

  private final BossConfig config;
  private final HttpClient http;
  private final RetryDelay retryDelay;
  private final CircuitBreaker breaker;
  private final BossJsonCodec codec = new BossJsonCodec();
  private final URI chargeUri;
  private final URI refundUri;

  /**
   * @param config where the BOSS is and how hard to try
   * @param http the client; HTTP/1.1 unless the BOSS is known to speak HTTP/2
   * @param clock measures the circuit breaker's cool-down
   * @param retryDelay waits out the backoff between attempts
   */
  public BossHttpChargingGateway(
      BossConfig config, HttpClient http, InstantSource clock, RetryDelay retryDelay) {
    this.config = Objects.requireNonNull(config, "config");
    this.http = Objects.requireNonNull(http, "http");
    this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
    this.breaker =
        new CircuitBreaker(NAME, config.breakerFailureThreshold(), config.breakerCoolDown(), clock);
    this.chargeUri = config.resolve("charge");
    this.refundUri = config.resolve("refund");
  }

  /**
   * An HTTP/1.1 client whose connect timeout is the request timeout, running on {@code executor}.
   */
  public static HttpClient httpClient(BossConfig config, Executor executor) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.requestTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
  }

  /** Where the circuit breaker stands, for health checks and metrics. */
  public CircuitBreaker.State circuitState() {
    return breaker.state();
  }

  @Override
  public CompletableFuture<ChargeResult> charge(ChargeRequest request) {
    Call call =
        new Call(
            "charge",
            chargeUri,
            request.idempotencyKey(),
            MsisdnMask.mask(request.msisdn()),
            () -> codec.chargeBody(request));
    return call.start();
  }

  @Override
  public CompletableFuture<ChargeResult> refund(RefundRequest request) {
    Call call =
        new Call(
            "refund",
            refundUri,
            request.idempotencyKey(),
            MsisdnMask.mask(request.msisdn()),
            () -> codec.refundBody(request));
    return call.start();
  }

  /** What one attempt came to. */
  private sealed interface Outcome {
    record Definite(ChargeResult result) implements Outcome {}

    record Retryable(String why) implements Outcome {}
  }

  @FunctionalInterface
  private interface BodySupplier {
    byte[] get();
  }

  /** One charge or refund through all its attempts, every one with the same key and body. */
  private final class Call {
    private final String operation;
    private final URI uri;
    private final String key;
    private final String maskedMsisdn;
    private final BodySupplier body;

    Call(String operation, URI uri, String key, String maskedMsisdn, BodySupplier body) {
      this.operation = operation;
      this.uri = uri;
      this.key = key;
      this.maskedMsisdn = maskedMsisdn;
      this.body = body;
    }

    CompletableFuture<ChargeResult> start() {
      byte[] bytes;
      try {
        bytes = body.get();
      } catch (RuntimeException e) {
        return CompletableFuture.completedFuture(temporary("cannot encode the request: " + e));
      }
      return attempt(1, bytes)
          .exceptionally(
              failure -> {
                log.error("{} - {} {} failed unexpectedly", NAME, operation, key, failure);
                return temporary("unexpected failure: " + failure);
              });
    }

    private CompletableFuture<ChargeResult> attempt(int number, byte[] bytes) {
      if (!breaker.tryAcquire()) {
        log.debug("{} - {} {} not sent: circuit open", NAME, operation, key);
        return CompletableFuture.completedFuture(
            temporary("circuit open: the billing system was not called"));
      }
      CompletableFuture<HttpResponse<byte[]>> sent;
      try {
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header(IDEMPOTENCY_KEY_HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (RuntimeException e) {
        sent = CompletableFuture.failedFuture(e);
      }
      return sent.handle(this::classifySafely)
          .thenCompose(
              outcome -> {
                if (outcome instanceof Outcome.Definite definite) {
                  breaker.onSuccess();
                  log.debug(
                      "{} - {} {} of {}: {}",
                      NAME,
                      operation,
                      key,
                      maskedMsisdn,
                      definite.result().status());
                  return CompletableFuture.completedFuture(definite.result());
                }
                String why = ((Outcome.Retryable) outcome).why();
                breaker.onFailure();
                if (number >= config.maxAttempts()) {
                  log.warn(
                      "{} - {} {} of {} gave up after {} attempts: {}",
                      NAME,
                      operation,
                      key,
                      maskedMsisdn,
                      number,
                      why);
                  return CompletableFuture.completedFuture(
                      temporary("no answer after " + number + " attempts: " + why));
                }
                Duration wait = config.backoff(number);
                log.warn(
                    "{} - {} {} attempt {} failed ({}); retrying with the same key in {}",
                    NAME,
                    operation,
                    key,
                    number,
                    why,
                    wait);
                return CompletableFuture.supplyAsync(() -> bytes, retryDelay.after(wait))
                    .thenCompose(same -> attempt(number + 1, same));
              });
    }

    /** Never throws: every acquired breaker permit must come back through onSuccess/onFailure. */
    private Outcome classifySafely(HttpResponse<byte[]> response, Throwable failure) {
      try {
        return classify(response, failure);
      } catch (RuntimeException e) {
        return new Outcome.Retryable("cannot read the answer: " + e);
      }
    }

    private Outcome classify(HttpResponse<byte[]> response, Throwable failure) {
      if (failure != null) {
        Throwable cause =
            failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof HttpTimeoutException) {
          return new Outcome.Retryable("no answer within " + config.requestTimeout());
        }
        if (cause instanceof ConnectException) {
          return new Outcome.Retryable("cannot connect: " + cause);
        }
        if (cause instanceof IOException) {
          return new Outcome.Retryable("I/O error: " + cause);
        }
        return new Outcome.Retryable("request failed: " + cause);
      }
      int code = response.statusCode();
      if (code >= 200 && code < 300) {
        Optional<ChargeResult> result = codec.readAnswer(operation, response.body());
        return result
            .<Outcome>map(Outcome.Definite::new)
            .orElseGet(() -> new Outcome.Retryable("unreadable answer: " + snippet(response)));
      }
      if (code == 408 || code == 429 || code >= 500) {
        return new Outcome.Retryable("HTTP " + code);
      }
      if (code >= 400) {
        log.error(
            "{} - {} {} refused by the billing system with HTTP {}: {}",
            NAME,
            operation,
            key,
            code,
            snippet(response));
        return new Outcome.Definite(
            new ChargeResult(
                ChargeStatus.REJECTED, "", "billing system refused the request: HTTP " + code));
      }
      return new Outcome.Retryable("unexpected HTTP " + code);
    }
  }

  private static String snippet(HttpResponse<byte[]> response) {
    byte[] body = response.body() == null ? new byte[0] : response.body();
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() > MAX_LOGGED_BODY ? text.substring(0, MAX_LOGGED_BODY) + "..." : text;
  }

  private static ChargeResult temporary(String detail) {
    String text =
        detail.length() > BossJsonCodec.MAX_DETAIL_LENGTH
            ? detail.substring(0, BossJsonCodec.MAX_DETAIL_LENGTH)
            : detail;
    return new ChargeResult(ChargeStatus.TEMPORARY_FAILURE, "", text);
  }
}
