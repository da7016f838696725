package io.vasgate.smpp.session;

import io.vasgate.smpp.pdu.PduRequest;
import io.vasgate.smpp.pdu.PduResponse;
import java.util.concurrent.CompletionStage;

/**
 * The seam between the SMPP engine and the business: every message-carrying request of a bound
 * session (submit_sm, submit_multi, data_sm, deliver_sm, query_sm, cancel_sm, replace_sm) arrives
 * here once the session has checked that it is legal in the session's state. Binds, unbinds and
 * enquire_links never do.
 *
 * <p>Called on the session's event loop, so it must not block: blocking work goes to an executor
 * and completes the stage later. A stage that fails with {@link SmppStatusException} is answered
 * with that command_status; any other failure with {@code ESME_RSYSERR} and an ERROR log line.
 */
@FunctionalInterface
public interface SmppRequestHandler {

  CompletionStage<? extends PduResponse> handle(SmppSession session, PduRequest request);
}
