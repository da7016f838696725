package io.vasgate.server;

import static io.vasgate.server.RawSmppSocket.bindTransceiver;
import static io.vasgate.server.RawSmppSocket.pdu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vasgate.app.Gateway;
import io.vasgate.app.TestGateway;
import io.vasgate.server.RawSmppSocket.Frame;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Timers and shutdown: stale sessions go, live ones are unbound politely. */
class SessionLifecycleTest {

  @Test
  void sessionThatIgnoresEnquireLinkIsClosedAsStale() throws Exception {
    try (Gateway gateway =
            TestGateway.start("stale", "enquireLinkInterval: 200ms\nresponseTimeout: 400ms\n");
        RawSmppSocket s = new RawSmppSocket(gateway.smppAddress())) {
      s.send(bindTransceiver(1, "demo", "demo"));
      assertThat(s.read().commandStatus()).isZero();
      Frame probe = s.read();
      assertThat(probe.commandId()).isEqualTo(0x15);
      // We never answer: the server must give up on us.
      s.timeout(5000);
      assertThat(s.closedByServer()).isTrue();
      await().atMost(Duration.ofSeconds(5)).until(() -> gateway.sessions().size() == 0);
    }
  }

  @Test
  void shutdownUnbindsBoundSessionsAndStopsListening() throws Exception {
    Gateway gateway = TestGateway.start("shutdown");
    InetSocketAddress address = gateway.smppAddress();
    try (RawSmppSocket s = new RawSmppSocket(address)) {
      s.send(bindTransceiver(1, "demo", "demo"));
      assertThat(s.read().commandStatus()).isZero();
      Thread closer = new Thread(gateway::close);
      closer.start();
      Frame unbind = s.readUntil(0x06);
      s.send(pdu(0x80000006, 0, unbind.sequenceNumber(), new byte[0]));
      assertThat(s.closedByServer()).isTrue();
      closer.join(10_000);
      assertThat(closer.isAlive()).isFalse();
    }
    try (java.net.Socket refused = new java.net.Socket()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> refused.connect(address, 1000))
          .isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void healthReportsDatabaseListenerAndBoundSessions() throws Exception {
    try (Gateway gateway = TestGateway.start("health");
        RawSmppSocket s = new RawSmppSocket(gateway.smppAddress())) {
      s.send(bindTransceiver(1, "demo", "demo"));
      assertThat(s.read().commandStatus()).isZero();
      java.net.http.HttpResponse<String> resp =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              "http://127.0.0.1:" + gateway.adminPort() + "/health"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(resp.statusCode()).isEqualTo(200);
      assertThat(resp.body())
          .contains("\"status\":\"UP\"")
          .contains("\"database\"")
          .contains("\"boundSessions\":1");
      java.net.http.HttpResponse<String> metrics =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              "http://127.0.0.1:" + gateway.adminPort() + "/metrics"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("smpp_sessions_bound 1.0");
      java.net.http.HttpResponse<String> missing =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + gateway.adminPort() + "/nope"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).contains("\"error\":\"not_found\"");
    }
  }
}
