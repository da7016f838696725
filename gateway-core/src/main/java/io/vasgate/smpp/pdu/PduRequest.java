package io.vasgate.smpp.pdu;

/**
 * A PDU that is not a response. outbind and alert_notification are requests without a response of
 * their own; their {@link #negativeResponse(int)} is a generic_nack.
 */
public sealed interface PduRequest extends Pdu
    permits Bind,
        Outbind,
        Unbind,
        EnquireLink,
        ShortMessagePdu,
        DataSm,
        SubmitMulti,
        QuerySm,
        CancelSm,
        ReplaceSm,
        AlertNotification {

  /** Requests always carry command_status 0. */
  @Override
  default int commandStatus() {
    return 0;
  }

  @Override
  PduRequest withSequenceNumber(int sequenceNumber);

  /**
   * The response that refuses this request: the matching *_resp (or generic_nack, for requests that
   * have none) with this request's sequence number, the given status and empty body fields.
   */
  PduResponse negativeResponse(int commandStatus);

  /** {@link #negativeResponse(int)} with a named status. */
  default PduResponse negativeResponse(CommandStatus commandStatus) {
    return negativeResponse(commandStatus.code());
  }
}
