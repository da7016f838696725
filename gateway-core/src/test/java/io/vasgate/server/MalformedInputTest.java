package io.vasgate.server;

import static io.vasgate.server.RawSmppSocket.bindTransceiver;
import static io.vasgate.server.RawSmppSocket.cstrings;
import static io.vasgate.server.RawSmppSocket.header;
import static io.vasgate.server.RawSmppSocket.pdu;
import static io.vasgate.server.RawSmppSocket.submitSm;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.app.Gateway;
import io.vasgate.app.TestGateway;
import io.vasgate.server.RawSmppSocket.Frame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bytes no well-behaved client sends, written straight onto a socket: each gets its SMPP answer,
 * and the server goes on serving everyone else.
 */
class MalformedInputTest {

  private static Gateway gateway;

  @BeforeAll
  static void start() throws Exception {
    gateway =
        TestGateway.start(
            "malformed_input", "bindTimeout: 1500ms\nmaxPduSize: 4096\nunbindTimeout: 1s\n");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @AfterEach
  void serverStillServesOthers() throws Exception {
    try (RawSmppSocket other = new RawSmppSocket(gateway.smppAddress())) {
      other.send(bindTransceiver(1, "demo", "demo"));
      Frame resp = other.read();
      assertThat(resp.commandId()).isEqualTo(0x80000009);
      assertThat(resp.commandStatus()).isZero();
      other.send(submitSm(2, "8613800138000", "ok".getBytes(StandardCharsets.US_ASCII)));
      assertThat(other.read().commandStatus()).isZero();
    }
  }

  private static RawSmppSocket bound() throws Exception {
    RawSmppSocket s = new RawSmppSocket(gateway.smppAddress());
    s.send(bindTransceiver(1, "demo", "demo"));
    assertThat(s.read().commandStatus()).isZero();
    return s;
  }

  @Test
  void submitBeforeBindIsRefusedWithInvalidBindStatus() throws Exception {
    try (RawSmppSocket s = new RawSmppSocket(gateway.smppAddress())) {
      s.send(submitSm(7, "8613800138000", "hi".getBytes(StandardCharsets.US_ASCII)));
      Frame resp = s.read();
      assertThat(resp.commandId()).isEqualTo(0x80000004);
      assertThat(resp.commandStatus()).isEqualTo(0x04);
      assertThat(resp.sequenceNumber()).isEqualTo(7);
    }
  }

  @Test
  void secondBindIsRefusedWithAlreadyBound() throws Exception {
    try (RawSmppSocket s = bound()) {
      s.send(bindTransceiver(2, "demo", "demo"));
      Frame resp = s.read();
      assertThat(resp.commandId()).isEqualTo(0x80000009);
      assertThat(resp.commandStatus()).isEqualTo(0x05);
      assertThat(resp.sequenceNumber()).isEqualTo(2);
    }
  }

  @Test
  void unknownCommandIdGetsGenericNack() throws Exception {
    try (RawSmppSocket s = bound()) {
      s.send(pdu(0x00000777, 0, 9, new byte[0]));
      Frame resp = s.read();
      assertThat(resp.commandId()).isEqualTo(0x80000000);
      assertThat(resp.commandStatus()).isEqualTo(0x03);
      assertThat(resp.sequenceNumber()).isEqualTo(9);
      // The session survives a recoverable error.
      s.send(pdu(0x15, 0, 10, new byte[0]));
      assertThat(s.read().commandId()).isEqualTo(0x80000015);
    }
  }

  @Test
  void commandLengthUnderSixteenGetsGenericNackAndClose() throws Exception {
    try (RawSmppSocket s = bound()) {
      s.send(header(8, 0x15, 3));
      Frame resp = s.read();
      assertThat(resp.commandId()).isEqualTo(0x80000000);
      assertThat(resp.commandStatus()).isEqualTo(0x02);
      assertThat(s.closedByServer()).isTrue();
    }
  }

  @Test
  void commandLengthOverTheMaximumGetsGenericNackAndClose() throws Exception {
    try (RawSmppSocket s = bound()) {
      s.send(header(1_000_000, 0x04, 4));
      Frame resp = s.read();
      assertThat(resp.commandId()).isEqualTo(0x80000000);
      assertThat(resp.commandStatus()).isEqualTo(0x02);
      assertThat(resp.sequenceNumber()).isEqualTo(4);
      assertThat(s.closedByServer()).isTrue();
    }
  }

  @Test
  void overlongSystemIdIsRefusedWithInvalidSystemId() throws Exception {
    try (RawSmppSocket s = new RawSmppSocket(gateway.smppAddress())) {
      s.send(pdu(0x02, 0, 5, cstrings("a".repeat(30), "pw", "", 0x34, 0, 0, "")));
      Frame resp = s.read();
      assertThat(resp.commandId()).isEqualTo(0x80000002);
      assertThat(resp.commandStatus()).isEqualTo(0x0F);
    }
  }

  @Test
  void cStringWithoutItsNulIsRefusedPrecisely() throws Exception {
    try (RawSmppSocket s = bound()) {
      // submit_sm whose destination_addr runs to the end of the PDU without a NUL.
      byte[] body = cstrings("", 5, 0, "10658880", 1, 1);
      byte[] unterminated = "8613800138000".getBytes(StandardCharsets.US_ASCII);
      byte[] all = new byte[body.length + unterminated.length];
      System.arraycopy(body, 0, all, 0, body.length);
      System.arraycopy(unterminated, 0, all, body.length, unterminated.length);
      s.send(pdu(0x04, 0, 11, all));
      Frame resp = s.read();
      assertThat(resp.commandId()).isEqualTo(0x80000004);
      assertThat(resp.commandStatus()).isEqualTo(0x0B);
    }
  }

  @Test
  void tlvRunningPastThePduIsRefusedWithInvalidTlvStream() throws Exception {
    try (RawSmppSocket s = bound()) {
      byte[] text = "hi".getBytes(StandardCharsets.US_ASCII);
      byte[] body =
          cstrings(
              "",
              5,
              0,
              "10658880",
              1,
              1,
              "8613800138000",
              0,
              0,
              0,
              "",
              "",
              0,
              0,
              0,
              0,
              text.length,
              text,
              new byte[] {0x04, 0x24, 0x00, 0x40, 0x01});
      s.send(pdu(0x04, 0, 12, body));
      Frame resp = s.read();
      assertThat(resp.commandId()).isEqualTo(0x80000004);
      assertThat(resp.commandStatus()).isEqualTo(0xC0);
    }
  }

  @Test
  void invalidDestinationTonIsRefusedPrecisely() throws Exception {
    try (RawSmppSocket s = bound()) {
      byte[] text = "hi".getBytes(StandardCharsets.US_ASCII);
      byte[] body =
          cstrings(
              "",
              5,
              0,
              "10658880",
              9,
              1,
              "8613800138000",
              0,
              0,
              0,
              "",
              "",
              0,
              0,
              0,
              0,
              text.length,
              text);
      s.send(pdu(0x04, 0, 13, body));
      assertThat(s.read().commandStatus()).isEqualTo(0x50);
    }
  }

  @Test
  void truncatedPduFollowedByDisconnectHarmsNoOne() throws Exception {
    try (RawSmppSocket s = bound()) {
      byte[] whole = submitSm(14, "8613800138000", "hello".getBytes(StandardCharsets.US_ASCII));
      byte[] half = new byte[whole.length / 2];
      System.arraycopy(whole, 0, half, 0, half.length);
      s.send(half);
    }
  }

  @Test
  void connectionThatNeverBindsIsClosed() throws Exception {
    try (RawSmppSocket s = new RawSmppSocket(gateway.smppAddress())) {
      s.timeout(5000);
      assertThat(s.closedByServer()).isTrue();
    }
  }

  @Test
  void unbindIsAnsweredAndTheConnectionClosed() throws Exception {
    try (RawSmppSocket s = bound()) {
      s.send(pdu(0x06, 0, 20, new byte[0]));
      Frame resp = s.read();
      assertThat(resp.commandId()).isEqualTo(0x80000006);
      assertThat(resp.commandStatus()).isZero();
      assertThat(s.closedByServer()).isTrue();
    }
  }

  @Test
  void unbindBeforeBindIsRefusedWithInvalidBindStatus() throws Exception {
    try (RawSmppSocket s = new RawSmppSocket(gateway.smppAddress())) {
      s.send(pdu(0x06, 0, 21, new byte[0]));
      Frame resp = s.read();
      assertThat(resp.commandId()).isEqualTo(0x80000006);
      assertThat(resp.commandStatus()).isEqualTo(0x04);
    }
  }
}
