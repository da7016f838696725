package io.vasgate.server;

import io.vasgate.account.EsmeRole;
import io.vasgate.smpp.pdu.PduRequest;
import io.vasgate.smpp.pdu.PduResponse;
import io.vasgate.smpp.session.SmppRequestHandler;
import io.vasgate.smpp.session.SmppSession;
import java.util.concurrent.CompletionStage;

/**
 * Sends each bound account's requests where its role says: an MO source's messages are handset
 * commands for the pipeline; a partner ESME's are messages to deliver.
 */
public final class RoleRoutingHandler implements SmppRequestHandler {

  private final SmppRequestHandler moSource;
  private final SmppRequestHandler esme;

  public RoleRoutingHandler(SmppRequestHandler moSource, SmppRequestHandler esme) {
    this.moSource = moSource;
    this.esme = esme;
  }

  @Override
  public CompletionStage<? extends PduResponse> handle(SmppSession session, PduRequest request) {
    boolean fromMoSource = session.account().map(a -> a.role() == EsmeRole.MO_SOURCE).orElse(false);
    return (fromMoSource ? moSource : esme).handle(session, request);
  }
}
