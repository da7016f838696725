package io.vasgate.server;

import io.vasgate.messageid.MessageIdGenerator;
import io.vasgate.smpp.pdu.CancelSm;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.DataSm;
import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.smpp.pdu.PduRequest;
import io.vasgate.smpp.pdu.PduResponse;
import io.vasgate.smpp.pdu.QuerySm;
import io.vasgate.smpp.pdu.ReplaceSm;
import io.vasgate.smpp.pdu.SubmitMulti;
import io.vasgate.smpp.pdu.SubmitSm;
import io.vasgate.smpp.session.SmppRequestHandler;
import io.vasgate.smpp.session.SmppSession;
import io.vasgate.sms.SmsCharset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The simplest business behind the SMPP engine: validate each message and acknowledge it with a
 * fresh message_id. Routing to SMSC links and the command pipeline replace it behind the same
 * {@link SmppRequestHandler} seam.
 *
 * <p>It keeps no message store, so query_sm, cancel_sm and replace_sm are answered with their
 * spec's failure status rather than a pretended success.
 */
public final class AcceptingRequestHandler implements SmppRequestHandler {

  private final MessageIdGenerator messageIds;
  private final MessageValidator validator = new MessageValidator(SmsCharset.STANDARD);

  public AcceptingRequestHandler(MessageIdGenerator messageIds) {
    this.messageIds = messageIds;
  }

  @Override
  public CompletionStage<? extends PduResponse> handle(SmppSession session, PduRequest request) {
    return CompletableFuture.completedFuture(answer(request));
  }

  private PduResponse answer(PduRequest request) {
    if (request instanceof SubmitSm submit) {
      validator.validate(submit);
      return submit.response(messageIds.next());
    }
    if (request instanceof DeliverSm deliver) {
      validator.validate(deliver);
      return deliver.response();
    }
    if (request instanceof DataSm data) {
      validator.validate(data);
      return data.response(messageIds.next(), List.of());
    }
    if (request instanceof SubmitMulti multi) {
      return multi.response(messageIds.next(), List.of());
    }
    if (request instanceof QuerySm query) {
      return query.negativeResponse(CommandStatus.ESME_RQUERYFAIL);
    }
    if (request instanceof CancelSm cancel) {
      return cancel.negativeResponse(CommandStatus.ESME_RCANCELFAIL);
    }
    if (request instanceof ReplaceSm replace) {
      return replace.negativeResponse(CommandStatus.ESME_RREPLACEFAIL);
    }
    return request.negativeResponse(CommandStatus.ESME_RINVCMDID);
  }
}
