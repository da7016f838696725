package io.vasgate.admin.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A real HTTP client of the admin API, as operations tools would call it. */
final class EvidenceClient {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  EvidenceClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** An answer: status, the raw response, and its body as JSON (missing unless JSON). */
  record Answer(int status, JsonNode body, HttpResponse<String> raw) {

    String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }

    /** The {@code field} of a JSON error, or null. */
    String field() {
      JsonNode field = body.path("field");
      return field.isTextual() ? field.asText() : null;
    }

    String message() {
      return body.path("message").asText();
    }
  }

  Answer get(String path, String token) {
    return send(request(path, token, Map.of()).GET());
  }

  Answer post(String path, String token, String json) {
    return post(path, token, json, Map.of());
  }

  Answer post(String path, String token, String json, Map<String, String> headers) {
    return send(
        request(path, token, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::header);
    return b;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode body = MissingNode.getInstance();
      if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
          && !response.body().isEmpty()) {
        body = MAPPER.readTree(response.body());
      }
      return new Answer(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new IllegalStateException("admin API call failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
