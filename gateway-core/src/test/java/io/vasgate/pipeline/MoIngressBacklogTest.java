package io.vasgate.pipeline;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.account.EsmeAccount;
import io.vasgate.account.EsmeRole;
import io.vasgate.account.PasswordHasher;
import io.vasgate.message.MessageJournal;
import io.vasgate.message.MoRecorded;
import io.vasgate.messageid.MessageIdGenerator;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.PduRequest;
import io.vasgate.smpp.pdu.PduResponse;
import io.vasgate.smpp.pdu.SubmitSm;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.session.SessionState;
import io.vasgate.smpp.session.SmppSession;
import io.vasgate.smpp.session.SmppStatusException;
import io.vasgate.sms.Reassembler;
import io.vasgate.sms.ReassemblyConfig;
import io.vasgate.sms.SmsCharset;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An overloaded pipeline throttles the MO source instead of queueing without bound: under overload,
 * acknowledged commands waited minutes for their replies and memory grew with the queue.
 */
class MoIngressBacklogTest {

  private static Database db;
  private static MessageJournal journal;

  @BeforeAll
  static void open() {
    db = TestDatabases.newDatabase("backlog");
    journal = new MessageJournal(db.dataSource(), 16, Duration.ofSeconds(60));
  }

  @AfterAll
  static void close() {
    journal.close();
    db.close();
  }

  private static final SmppSession SESSION =
      new SmppSession() {
        private final EsmeAccount account =
            new EsmeAccount(
                "mo",
                new PasswordHasher().hash("mo"),
                EnumSet.of(BindType.TRANSCEIVER),
                4,
                List.of(),
                EsmeRole.MO_SOURCE,
                1000,
                100,
                true);

        @Override
        public long id() {
          return 1;
        }

        @Override
        public SessionState state() {
          return SessionState.BOUND_TRX;
        }

        @Override
        public Optional<EsmeAccount> account() {
          return Optional.of(account);
        }

        @Override
        public Optional<BindType> bindType() {
          return Optional.of(BindType.TRANSCEIVER);
        }

        @Override
        public SocketAddress remoteAddress() {
          return new InetSocketAddress("127.0.0.1", 1);
        }

        @Override
        public CompletableFuture<PduResponse> send(PduRequest request) {
          return new CompletableFuture<>();
        }

        @Override
        public String label() {
          return "test-session";
        }
      };

  private static SubmitSm mo(String from, String text) {
    return SubmitSm.builder()
        .sequenceNumber(1)
        .source(new Address((byte) 1, (byte) 1, from))
        .destination(new Address((byte) 0, (byte) 1, "1065888002"))
        .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1))
        .build();
  }

  /** A sink that takes a command's MO as recorded as soon as it is handed over. */
  private static CompletableFuture<MoRecorded> recordedAtOnce(InboundCommand command) {
    return CompletableFuture.completedFuture(new MoRecorded(command.moId(), false));
  }

  @Test
  void beyondItsBacklogTheMoSourceIsThrottledAndTheMoNotTakenIn() throws Exception {
    List<CompletableFuture<Void>> underWay = new CopyOnWriteArrayList<>();
    MoIngressHandler ingress =
        ingress(
            1,
            2,
            true,
            command -> {
              CompletableFuture<Void> done = new CompletableFuture<>();
              underWay.add(done);
              return new CommandSink.Handling(recordedAtOnce(command), done);
            });

    assertThat(
            ingress
                .handle(SESSION, mo("8613800000001", "KT TQ"))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .commandStatus())
        .isZero();
    assertThat(
            ingress
                .handle(SESSION, mo("8613800000002", "KT TQ"))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .commandStatus())
        .isZero();
    assertThat(ingress.backlog()).isEqualTo(2);
    assertThatThrownBy(() -> ingress.handle(SESSION, mo("8613800000003", "KT TQ")))
        .isInstanceOf(SmppStatusException.class)
        .satisfies(e -> assertThat(((SmppStatusException) e).commandStatus()).isEqualTo(0x58));
    assertThat(underWay).as("the third was not handed on").hasSize(2);

    underWay.get(0).complete(null);
    assertThat(ingress.backlog()).isEqualTo(1);
    assertThat(
            ingress
                .handle(SESSION, mo("8613800000003", "KT TQ"))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .commandStatus())
        .isZero();
  }

  @Test
  void aResentMoLeavesTheBacklogAsItWas() throws Exception {
    MoIngressHandler ingress =
        ingress(
            2,
            10,
            true,
            command ->
                new CommandSink.Handling(recordedAtOnce(command), new CompletableFuture<Void>()));
    ingress
        .handle(SESSION, mo("8613800000009", "0000"))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    ingress
        .handle(SESSION, mo("8613800000009", "0000"))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    assertThat(ingress.backlog()).isEqualTo(1);
  }

  @Test
  void aReSendWhileTheFirstCopyIsUnderWayWaitsForItAndGetsItsId() throws Exception {
    List<InboundCommand> taken = new CopyOnWriteArrayList<>();
    CompletableFuture<MoRecorded> firstRecorded = new CompletableFuture<>();
    MoIngressHandler ingress =
        ingress(
            3,
            10,
            true,
            command -> {
              taken.add(command);
              return new CommandSink.Handling(firstRecorded, firstRecorded);
            });

    CompletableFuture<? extends PduResponse> first =
        ingress.handle(SESSION, mo("8613800000010", "KT TQ")).toCompletableFuture();
    CompletableFuture<? extends PduResponse> resent =
        ingress.handle(SESSION, mo("8613800000010", "KT TQ")).toCompletableFuture();
    assertThat(first).isNotDone();
    assertThat(resent).as("waits for the first copy").isNotDone();

    long id = taken.get(0).moId();
    firstRecorded.complete(new MoRecorded(id, false));

    assertThat(taken).hasSize(1);
    assertThat(((SubmitSmResp) first.get(10, TimeUnit.SECONDS)).messageId())
        .isEqualTo(Long.toString(id));
    assertThat(((SubmitSmResp) resent.get(10, TimeUnit.SECONDS)).messageId())
        .isEqualTo(Long.toString(id));
  }

  @Test
  void anMoThatCouldNotBeRecordedIsRefusedTemporarilyAndItsReSendTakenInAnew() throws Exception {
    List<CompletableFuture<MoRecorded>> records = new CopyOnWriteArrayList<>();
    MoIngressHandler ingress =
        ingress(
            4,
            10,
            true,
            command -> {
              CompletableFuture<MoRecorded> recorded = new CompletableFuture<>();
              records.add(recorded);
              return new CommandSink.Handling(recorded, recorded);
            });

    CompletableFuture<? extends PduResponse> first =
        ingress.handle(SESSION, mo("8613800000011", "0000")).toCompletableFuture();
    records.get(0).completeExceptionally(new java.sql.SQLException("database down"));
    assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(SmppStatusException.class)
        .satisfies(
            e -> assertThat(((SmppStatusException) e.getCause()).commandStatus()).isEqualTo(0x64));

    CompletableFuture<? extends PduResponse> again =
        ingress.handle(SESSION, mo("8613800000011", "0000")).toCompletableFuture();
    assertThat(records).as("taken in anew, not taken for a re-send").hasSize(2);
    records.get(1).complete(new MoRecorded(42, false));
    assertThat(again.get(10, TimeUnit.SECONDS).commandStatus()).isZero();
    assertThat(ingress.backlog()).isZero();
  }

  @Test
  void anMoRecordedOnArrivalThatTheJournalFindsReSentLeavesTheBacklogAsItWas() throws Exception {
    List<InboundCommand> taken = new CopyOnWriteArrayList<>();
    CommandSink sink =
        command -> {
          taken.add(command);
          return new CommandSink.Handling(
              recordedAtOnce(command), CompletableFuture.completedFuture(null));
        };
    // Two gateways on one database: neither remembers what the other took in.
    MoIngressHandler one = recordingOnArrival(5, sink);
    MoIngressHandler other = recordingOnArrival(6, sink);

    PduResponse first =
        one.handle(SESSION, mo("8613800000012", "KT TQ")).toCompletableFuture().get(10, SECONDS);
    PduResponse resent =
        other.handle(SESSION, mo("8613800000012", "KT TQ")).toCompletableFuture().get(10, SECONDS);

    assertThat(((SubmitSmResp) resent).messageId()).isEqualTo(((SubmitSmResp) first).messageId());
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> taken.size() == 1);
    assertThat(other.backlog()).isZero();
    assertThat(taken).hasSize(1);
  }

  private static MoIngressHandler recordingOnArrival(int node, CommandSink sink) {
    return ingress(node, 10, false, sink);
  }

  /** An ingress of node {@code node} (its message ids), handing MOs to {@code sink}. */
  private static MoIngressHandler ingress(
      int node, int maxBacklog, boolean recordWithCommand, CommandSink sink) {
    return new MoIngressHandler(
        journal,
        new MessageIdGenerator(node, InstantSource.system()),
        InstantSource.system(),
        new Reassembler(ReassemblyConfig.defaults(), System::nanoTime, g -> {}),
        SmsCharset.STANDARD,
        sink,
        Runnable::run,
        0x64,
        maxBacklog,
        destination -> true,
        new RecentMos(Duration.ofSeconds(60), 1000),
        recordWithCommand);
  }
}
