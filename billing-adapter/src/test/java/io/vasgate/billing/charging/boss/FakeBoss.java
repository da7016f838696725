package io.vasgate.billing.charging.boss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An operator billing system on loopback that speaks the protocol of {@link
 * BossHttpChargingGateway}, idempotent on the key as a real one must be, and that can be scripted
 * to misbehave request by request.
 */
public final class FakeBoss implements AutoCloseable {

  /** What the BOSS does with the next request. */
  public enum Behaviour {
    /** Process and answer. */
    ANSWER,
    /** Answer 500 without processing. */
    FAIL_500,
    /** Answer 503 without processing. */
    FAIL_503,
    /** Process (the money moves), then hold the answer until the BOSS is closed. */
    CHARGE_THEN_HANG,
    /** Answer 200 with a body that is not JSON, without processing. */
    GARBAGE,
    /** Answer 400 without processing. */
    BAD_REQUEST
  }

  /** A request as the BOSS saw it. */
  public record Seen(String path, String keyHeader, JsonNode body) {
    public String bodyKey() {
      return body.path("idempotencyKey").asText();
    }
  }

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Queue<Behaviour> script = new ConcurrentLinkedQueue<>();
  private volatile Behaviour otherwise = Behaviour.ANSWER;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  // Guarded by this: the BOSS's books.
  private final Map<String, String> chargeTransactions = new HashMap<>();
  private final Map<String, String> refundTransactions = new HashMap<>();
  private final Map<String, Long> balances = new HashMap<>();
  private final Set<String> barred = new HashSet<>();
  private int chargesMade;
  private long fenCharged;
  private int transactions;

  public FakeBoss() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/boss/charge", exchange -> handle(exchange, true));
    server.createContext("/boss/refund", exchange -> handle(exchange, false));
    server.start();
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/boss");
  }

  /** The next requests get these behaviours, in order; later ones get {@link #otherwise}. */
  public void script(Behaviour... next) {
    script.addAll(List.of(next));
  }

  public void otherwise(Behaviour behaviour) {
    otherwise = behaviour;
  }

  public synchronized void balance(String msisdn, long fen) {
    balances.put(msisdn, fen);
  }

  public synchronized void bar(String msisdn) {
    barred.add(msisdn);
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** Distinct charges the BOSS made: a repeated key is not a new charge. */
  public synchronized int chargesMade() {
    return chargesMade;
  }

  public synchronized long fenCharged() {
    return fenCharged;
  }

  private void handle(HttpExchange exchange, boolean charge) throws IOException {
    try {
      byte[] request = readAll(exchange.getRequestBody());
      JsonNode body = mapper.readTree(request);
      seen.add(
          new Seen(
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst(BossHttpChargingGateway.IDEMPOTENCY_KEY_HEADER),
              body));
      Behaviour behaviour = script.poll();
      if (behaviour == null) {
        behaviour = otherwise;
      }
      switch (behaviour) {
        case FAIL_500 -> respond(exchange, 500, "{\"error\":\"internal\"}");
        case FAIL_503 -> respond(exchange, 503, "busy");
        case GARBAGE -> respond(exchange, 200, "<html>maintenance</html>");
        case BAD_REQUEST -> respond(exchange, 400, "{\"error\":\"amountFen missing\"}");
        case ANSWER -> respond(exchange, 200, charge ? charge(body) : refund(body));
        case CHARGE_THEN_HANG -> {
          String answer = charge ? charge(body) : refund(body);
          try {
            closing.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(exchange, 200, answer);
        }
      }
    } catch (IOException e) {
      // The client gave up on a hanging answer; nothing to tell it.
    } finally {
      exchange.close();
    }
  }

  private synchronized String charge(JsonNode body) {
    String key = body.path("idempotencyKey").asText();
    String msisdn = body.path("msisdn").asText();
    long amount = body.path("amountFen").asLong();
    ObjectNode answer = mapper.createObjectNode();
    String earlier = chargeTransactions.get(key);
    if (earlier != null) {
      return answer
          .put("status", "SUCCESS")
          .put("transactionId", earlier)
          .put("duplicate", true)
          .toString();
    }
    if (barred.contains(msisdn)) {
      return answer.put("status", "REJECTED").put("message", "number barred").toString();
    }
    Long balance = balances.get(msisdn);
    if (balance != null && balance < amount) {
      return answer
          .put("status", "INSUFFICIENT_BALANCE")
          .put("message", "balance " + balance)
          .toString();
    }
    if (balance != null) {
      balances.put(msisdn, balance - amount);
    }
    String transaction = "BOSS-" + (++transactions);
    chargeTransactions.put(key, transaction);
    chargesMade++;
    fenCharged += amount;
    return answer.put("status", "SUCCESS").put("transactionId", transaction).toString();
  }

  private synchronized String refund(JsonNode body) {
    String key = body.path("idempotencyKey").asText();
    ObjectNode answer = mapper.createObjectNode();
    String earlier = refundTransactions.get(key);
    if (earlier != null) {
      return answer
          .put("status", "SUCCESS")
          .put("transactionId", earlier)
          .put("duplicate", true)
          .toString();
    }
    if (!chargeTransactions.containsKey(body.path("chargeIdempotencyKey").asText())) {
      return answer.put("status", "REJECTED").put("message", "no such charge").toString();
    }
    String transaction = "BOSS-R" + (++transactions);
    refundTransactions.put(key, transaction);
    fenCharged -= body.path("amountFen").asLong();
    return answer.put("status", "SUCCESS").put("transactionId", transaction).toString();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    pool.shutdownNow();
  }
}
