package io.vasgate.smpp.pdu;

/** The three ways to bind, each with its own request and response command id. */
public enum BindType {
  TRANSMITTER(CommandId.BIND_TRANSMITTER, CommandId.BIND_TRANSMITTER_RESP),
  RECEIVER(CommandId.BIND_RECEIVER, CommandId.BIND_RECEIVER_RESP),
  TRANSCEIVER(CommandId.BIND_TRANSCEIVER, CommandId.BIND_TRANSCEIVER_RESP);

  private final CommandId requestId;
  private final CommandId responseId;

  BindType(CommandId requestId, CommandId responseId) {
    this.requestId = requestId;
    this.responseId = responseId;
  }

  /** bind_transmitter, bind_receiver or bind_transceiver. */
  public CommandId requestId() {
    return requestId;
  }

  /** The matching bind_*_resp. */
  public CommandId responseId() {
    return responseId;
  }

  /** Whether a session bound this way may send submit_sm (transmitter and transceiver). */
  public boolean canTransmit() {
    return this != RECEIVER;
  }

  /** Whether a session bound this way may receive deliver_sm (receiver and transceiver). */
  public boolean canReceive() {
    return this != TRANSMITTER;
  }

  /**
   * The bind type of a bind request or response id.
   *
   * @throws IllegalArgumentException if the command is not a bind or bind response
   */
  public static BindType of(CommandId commandId) {
    for (BindType type : values()) {
      if (type.requestId == commandId || type.responseId == commandId) {
        return type;
      }
    }
    throw new IllegalArgumentException(commandId + " is not a bind command");
  }
}
