package io.vasgate.smpp.session;

import io.vasgate.account.EsmeAccount;
import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.PduRequest;
import io.vasgate.smpp.pdu.PduResponse;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What business code may know of, and do with, one SMPP connection. */
public interface SmppSession {

  /** A process-unique number, used in logs as {@code smpp-<id>}. */
  long id();

  SessionState state();

  /** The bound account; empty until the bind succeeded. */
  Optional<EsmeAccount> account();

  /** How the ESME bound; empty until the bind succeeded. */
  Optional<BindType> bindType();

  SocketAddress remoteAddress();

  /**
   * Sends a request to the ESME (deliver_sm, data_sm, enquire_link) with a fresh sequence number.
   * Requests beyond the session's window wait in a bounded queue; the future completes with the
   * ESME's response, or fails with {@link ResponseTimeoutException}, {@link SessionClosedException}
   * or {@link SmppStatusException} ({@code ESME_RMSGQFUL}) when the queue is full. Any thread may
   * call it.
   */
  CompletableFuture<PduResponse> send(PduRequest request);

  /** A short label for log lines: {@code smpp-<id> <system_id>@<peer>}. */
  String label();
}
