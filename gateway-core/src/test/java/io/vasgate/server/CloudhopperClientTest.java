package io.vasgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.EnquireLink;
import com.cloudhopper.smpp.pdu.EnquireLinkResp;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppBindException;
import io.vasgate.app.Gateway;
import io.vasgate.app.TestGateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The server as Cloudhopper, a client nobody here wrote, sees it over TCP. */
class CloudhopperClientTest {

  private static Gateway gateway;
  private static ExecutorService executor;
  private static DefaultSmppClient client;

  @BeforeAll
  static void start() throws Exception {
    gateway =
        TestGateway.start(
            "cloudhopper_client", "enquireLinkInterval: 300ms\nresponseTimeout: 2s\n");
    executor = Executors.newCachedThreadPool();
    client = new DefaultSmppClient(executor, 1);
  }

  @AfterAll
  static void stop() {
    client.destroy();
    executor.shutdownNow();
    gateway.close();
  }

  private static SmppSession bind(SmppBindType type, String systemId, String password)
      throws Exception {
    SmppSessionConfiguration config = new SmppSessionConfiguration();
    config.setType(type);
    config.setHost("127.0.0.1");
    config.setPort(gateway.smppAddress().getPort());
    config.setSystemId(systemId);
    config.setPassword(password);
    config.setWindowSize(10);
    config.setConnectTimeout(5000);
    config.setBindTimeout(5000);
    config.getLoggingOptions().setLogBytes(false);
    config.getLoggingOptions().setLogPdu(false);
    return client.bind(
        config,
        new DefaultSmppSessionHandler() {
          @Override
          public com.cloudhopper.smpp.pdu.PduResponse firePduRequestReceived(
              com.cloudhopper.smpp.pdu.PduRequest request) {
            return request.createResponse();
          }
        });
  }

  private static SubmitSm submitSm(String text) throws Exception {
    SubmitSm sm = new SubmitSm();
    sm.setSourceAddress(new Address((byte) 5, (byte) 0, "10658880"));
    sm.setDestAddress(new Address((byte) 1, (byte) 1, "8613800138000"));
    sm.setDataCoding((byte) 8);
    sm.setShortMessage(text.getBytes(StandardCharsets.UTF_16BE));
    sm.setRegisteredDelivery((byte) 1);
    return sm;
  }

  @ParameterizedTest
  @EnumSource(SmppBindType.class)
  void bindsWithEachBindType(SmppBindType type) throws Exception {
    SmppSession session = bind(type, "demo", "demo");
    try {
      assertThat(session.isBound()).isTrue();
      assertThat(session.getBindType()).isEqualTo(type);
    } finally {
      session.unbind(2000);
      session.destroy();
    }
  }

  @Test
  void bindResponseCarriesInterfaceVersion34() throws Exception {
    SmppSession session = bind(SmppBindType.TRANSCEIVER, "demo", "demo");
    try {
      assertThat(((com.cloudhopper.smpp.impl.DefaultSmppSession) session).getInterfaceVersion())
          .isEqualTo((byte) 0x34);
    } finally {
      session.unbind(2000);
      session.destroy();
    }
  }

  @Test
  void ucs2SubmitIsAcknowledgedWithAMessageId() throws Exception {
    SmppSession session = bind(SmppBindType.TRANSMITTER, "demo", "demo");
    try {
      SubmitSmResp resp = session.submit(submitSm("开通天气，回复TD退订"), 5000);
      assertThat(resp.getCommandStatus()).isZero();
      assertThat(resp.getMessageId()).matches("[0-9]{1,19}");
    } finally {
      session.unbind(2000);
      session.destroy();
    }
  }

  @Test
  void longMessageInMessagePayloadIsAccepted() throws Exception {
    SmppSession session = bind(SmppBindType.TRANSMITTER, "demo", "demo");
    try {
      SubmitSm sm = submitSm("");
      sm.setShortMessage(new byte[0]);
      sm.addOptionalParameter(
          new Tlv((short) 0x0424, "很长的消息".repeat(60).getBytes(StandardCharsets.UTF_16BE)));
      SubmitSmResp resp = session.submit(sm, 5000);
      assertThat(resp.getCommandStatus()).isZero();
    } finally {
      session.unbind(2000);
      session.destroy();
    }
  }

  @Test
  void oddLengthUcs2IsRefusedWithInvalidMessageLength() throws Exception {
    SmppSession session = bind(SmppBindType.TRANSMITTER, "demo", "demo");
    try {
      SubmitSm sm = submitSm("x");
      sm.setShortMessage(new byte[] {0x4E, 0x2D, 0x00});
      assertThat(session.submit(sm, 5000).getCommandStatus()).isEqualTo(0x01);
    } finally {
      session.unbind(2000);
      session.destroy();
    }
  }

  @Test
  void malformedValidityPeriodIsRefusedWithInvalidExpiry() throws Exception {
    SmppSession session = bind(SmppBindType.TRANSMITTER, "demo", "demo");
    try {
      SubmitSm sm = submitSm("hi");
      sm.setValidityPeriod("26112300000000X");
      assertThat(session.submit(sm, 5000).getCommandStatus()).isEqualTo(0x62);
    } finally {
      session.unbind(2000);
      session.destroy();
    }
  }

  @Test
  void submitOnReceiverBindIsRefusedWithInvalidBindStatus() throws Exception {
    SmppSession session = bind(SmppBindType.RECEIVER, "demo", "demo");
    try {
      assertThat(session.submit(submitSm("hi"), 5000).getCommandStatus()).isEqualTo(0x04);
    } finally {
      session.unbind(2000);
      session.destroy();
    }
  }

  @Test
  void overTheContractedRateTheAccountIsThrottled() throws Exception {
    SmppSession session = bind(SmppBindType.TRANSMITTER, "slow", "slow");
    try {
      int throttled = 0;
      for (int i = 0; i < 20; i++) {
        int status = session.submit(submitSm("hi " + i), 5000).getCommandStatus();
        assertThat(status).isIn(0, 0x58);
        if (status == 0x58) {
          throttled++;
        }
      }
      // 5 per second with a one-second burst: most of 20 immediate submits must be refused.
      assertThat(throttled).isGreaterThanOrEqualTo(10);
    } finally {
      session.unbind(2000);
      session.destroy();
    }
  }

  @Test
  void wrongPasswordIsRefusedWithInvalidPassword() {
    assertThatThrownBy(() -> bind(SmppBindType.TRANSCEIVER, "demo", "wrong"))
        .isInstanceOf(SmppBindException.class)
        .satisfies(
            e ->
                assertThat(((SmppBindException) e).getBindResponse().getCommandStatus())
                    .isEqualTo(0x0E));
  }

  @Test
  void tooManyConcurrentBindsAreRefusedWithBindFailed() throws Exception {
    SmppSession first = bind(SmppBindType.TRANSMITTER, "onebind", "onebind");
    try {
      assertThatThrownBy(() -> bind(SmppBindType.TRANSMITTER, "onebind", "onebind"))
          .isInstanceOf(SmppBindException.class)
          .satisfies(
              e ->
                  assertThat(((SmppBindException) e).getBindResponse().getCommandStatus())
                      .isEqualTo(0x0D));
    } finally {
      first.unbind(2000);
      first.destroy();
    }
  }

  @Test
  void clientEnquireLinkIsAnswered() throws Exception {
    SmppSession session = bind(SmppBindType.TRANSCEIVER, "demo", "demo");
    try {
      EnquireLinkResp resp = session.enquireLink(new EnquireLink(), 5000);
      assertThat(resp.getCommandStatus()).isZero();
    } finally {
      session.unbind(2000);
      session.destroy();
    }
  }

  @Test
  void serverProbesAnIdleSessionAndKeepsItWhenAnswered() throws Exception {
    double sentBefore = counter("smpp.pdus.sent", "enquire_link");
    double answeredBefore = counter("smpp.pdus.received", "enquire_link_resp");
    SmppSession session = bind(SmppBindType.TRANSCEIVER, "demo", "demo");
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> counter("smpp.pdus.received", "enquire_link_resp") >= answeredBefore + 2);
      assertThat(counter("smpp.pdus.sent", "enquire_link")).isGreaterThanOrEqualTo(sentBefore + 2);
      assertThat(session.isBound()).isTrue();
    } finally {
      session.unbind(2000);
      session.destroy();
    }
  }

  private static double counter(String name, String command) {
    return gateway.metrics().get(name).tag("command", command).counter().count();
  }
}
