package io.vasgate.admin.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** A real HTTP client of the admin API, as operations tools would use it. */
final class AdminClient {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  AdminClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** An answer: status, headers and the body parsed as JSON (missing if empty). */
  record Answer(int status, JsonNode body, HttpResponse<String> raw) {

    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    /** The {@code field} of a JSON error, or null. */
    String field() {
      return body.path("field").isNull() || body.path("field").isMissingNode()
          ? null
          : body.path("field").asText();
    }

    String error() {
      return body.path("error").asText();
    }
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  Answer get(String path, String token) {
    return send(request(path, token).GET());
  }

  Answer post(String path, String token, String json) {
    return send(request(path, token).POST(body(json)).header("Content-Type", "application/json"));
  }

  Answer put(String path, String token, String json) {
    return send(request(path, token).PUT(body(json)).header("Content-Type", "application/json"));
  }

  Answer delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  /** Sends with exactly this Authorization header value (or none if null). */
  Answer getWithAuthorization(String path, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return send(b);
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
  }

  /** The body as JSON; missing when empty or not JSON (the Prometheus text of /metrics). */
  private static JsonNode json(HttpResponse<String> response) {
    if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
        || response.body().isEmpty()) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("the admin API answered invalid JSON: " + response.body(), e);
    }
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), json(response), response);
    } catch (IOException e) {
      throw new IllegalStateException("admin API call failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
