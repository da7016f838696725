package io.vasgate.loadtest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandaloneServerTest {

  @Test
  void parsesOnlyWellFormedReadyLines() {
    assertThat(StandaloneServer.parseReadyLine("READY 2775")).isEqualTo(2775);
    assertThat(StandaloneServer.parseReadyLine("READY 65535 ")).isEqualTo(65535);
    assertThat(StandaloneServer.parseReadyLine("READY 0")).isEqualTo(-1);
    assertThat(StandaloneServer.parseReadyLine("READY 70000")).isEqualTo(-1);
    assertThat(StandaloneServer.parseReadyLine("READY port")).isEqualTo(-1);
    assertThat(StandaloneServer.parseReadyLine("12:00:00 INFO READY 2775")).isEqualTo(-1);
    assertThat(StandaloneServer.parseReadyLine(null)).isEqualTo(-1);
  }

  @Test
  void announcesThePortAndStopsWhenStdinCloses() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] port = new int[1];

    int status =
        StandaloneServer.serve(
            () -> {
              BenchmarkServer server = JsmppServerMain.start();
              port[0] = server.port();
              return server;
            },
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("READY " + port[0]);
    assertThatThrownBy(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(BenchmarkServer.HOST, port[0]), 1_000);
              }
            })
        .as("the listener is closed")
        .isInstanceOf(IOException.class);
  }

  @Test
  void exitsWithFailureWhenTheServerCannotStart() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status =
        StandaloneServer.serve(
            () -> {
              throw new IllegalStateException("port taken");
            },
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(StandaloneServer.EXIT_START_FAILED);
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("READY");
  }
}
