package io.vasgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vasgate.app.Gateway;
import io.vasgate.app.TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The server as jSMPP, a client nobody here wrote, sees it over TCP. */
class JsmppClientTest {

  private static Gateway gateway;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start("jsmpp_client");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static SMPPSession bind(BindType type, String systemId, String password)
      throws IOException {
    return bind(type, systemId, password, 60_000);
  }

  private static SMPPSession bind(
      BindType type, String systemId, String password, int enquireLinkMillis) throws IOException {
    SMPPSession session = new SMPPSession();
    session.setTransactionTimer(5000);
    session.setEnquireLinkTimer(enquireLinkMillis);
    session.connectAndBind(
        "127.0.0.1",
        gateway.smppAddress().getPort(),
        new BindParameter(
            type,
            systemId,
            password,
            "",
            TypeOfNumber.UNKNOWN,
            NumberingPlanIndicator.UNKNOWN,
            null));
    return session;
  }

  private static SubmitSmResult submit(SMPPSession session, String text) throws Exception {
    boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(text);
    return session.submitShortMessage(
        "",
        TypeOfNumber.ALPHANUMERIC,
        NumberingPlanIndicator.UNKNOWN,
        "10658880",
        TypeOfNumber.INTERNATIONAL,
        NumberingPlanIndicator.ISDN,
        "8613800138000",
        new ESMClass(),
        (byte) 0,
        (byte) 1,
        null,
        null,
        new RegisteredDelivery(1),
        (byte) 0,
        new GeneralDataCoding(ascii ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2),
        (byte) 0,
        text.getBytes(ascii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE));
  }

  @ParameterizedTest
  @EnumSource(
      value = BindType.class,
      names = {"BIND_TX", "BIND_RX", "BIND_TRX"})
  void bindsWithEachBindType(BindType type) throws Exception {
    SMPPSession session = bind(type, "demo", "demo");
    try {
      assertThat(session.getSessionState().isBound()).isTrue();
    } finally {
      session.unbindAndClose();
    }
  }

  @Test
  void submitIsAcknowledgedWithDistinctMessageIds() throws Exception {
    SMPPSession session = bind(BindType.BIND_TRX, "demo", "demo");
    try {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        SubmitSmResult result = submit(session, i % 2 == 0 ? "hello " + i : "天气预报 " + i);
        assertThat(result.getMessageId()).matches("[0-9]{1,19}");
        ids.add(result.getMessageId());
      }
      assertThat(ids).hasSize(20);
    } finally {
      session.unbindAndClose();
    }
  }

  @Test
  void wrongPasswordIsRefusedWithInvalidPassword() {
    assertThatThrownBy(() -> bind(BindType.BIND_TX, "demo", "nope"))
        .isInstanceOf(IOException.class)
        .hasRootCauseInstanceOf(NegativeResponseException.class)
        .satisfies(
            e ->
                assertThat(((NegativeResponseException) rootCause(e)).getCommandStatus())
                    .isEqualTo(0x0E));
  }

  @Test
  void unknownSystemIdIsRefusedWithInvalidSystemId() {
    assertThatThrownBy(() -> bind(BindType.BIND_TX, "nobody", "x"))
        .hasRootCauseInstanceOf(NegativeResponseException.class)
        .satisfies(
            e ->
                assertThat(((NegativeResponseException) rootCause(e)).getCommandStatus())
                    .isEqualTo(0x0F));
  }

  @Test
  void bindTypeTheAccountMayNotUseIsRefusedWithBindFailed() {
    assertThatThrownBy(() -> bind(BindType.BIND_TX, "rxonly", "rxonly"))
        .hasRootCauseInstanceOf(NegativeResponseException.class)
        .satisfies(
            e ->
                assertThat(((NegativeResponseException) rootCause(e)).getCommandStatus())
                    .isEqualTo(0x0D));
  }

  @Test
  void clientEnquireLinksAreAnswered() throws Exception {
    double before = enquireLinksReceived();
    SMPPSession session = bind(BindType.BIND_TRX, "demo", "demo", 100);
    try {
      await().atMost(Duration.ofSeconds(5)).until(() -> enquireLinksReceived() >= before + 3);
      assertThat(session.getSessionState()).isEqualTo(SessionState.BOUND_TRX);
    } finally {
      session.unbindAndClose();
    }
  }

  @Test
  void unbindEndsTheSessionOnTheServer() throws Exception {
    SMPPSession session = bind(BindType.BIND_TX, "onebind", "onebind");
    session.unbindAndClose();
    // The single allowed bind was released: binding again works.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              SMPPSession again = bind(BindType.BIND_TX, "onebind", "onebind");
              again.unbindAndClose();
            });
  }

  private static double enquireLinksReceived() {
    return gateway
        .metrics()
        .get("smpp.pdus.received")
        .tag("command", "enquire_link")
        .counter()
        .count();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
