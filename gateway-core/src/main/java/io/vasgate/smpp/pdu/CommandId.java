package io.vasgate.smpp.pdu;

import java.util.HashMap;
import java.util.Map;

/** SMPP 3.4 command identifiers (section 5.1.2.1). A response id is its request id | 0x80000000. */
public enum CommandId {
  GENERIC_NACK(0x80000000, "generic_nack"),
  BIND_RECEIVER(0x00000001, "bind_receiver"),
  BIND_RECEIVER_RESP(0x80000001, "bind_receiver_resp"),
  BIND_TRANSMITTER(0x00000002, "bind_transmitter"),
  BIND_TRANSMITTER_RESP(0x80000002, "bind_transmitter_resp"),
  QUERY_SM(0x00000003, "query_sm"),
  QUERY_SM_RESP(0x80000003, "query_sm_resp"),
  SUBMIT_SM(0x00000004, "submit_sm"),
  SUBMIT_SM_RESP(0x80000004, "submit_sm_resp"),
  DELIVER_SM(0x00000005, "deliver_sm"),
  DELIVER_SM_RESP(0x80000005, "deliver_sm_resp"),
  UNBIND(0x00000006, "unbind"),
  UNBIND_RESP(0x80000006, "unbind_resp"),
  REPLACE_SM(0x00000007, "replace_sm"),
  REPLACE_SM_RESP(0x80000007, "replace_sm_resp"),
  CANCEL_SM(0x00000008, "cancel_sm"),
  CANCEL_SM_RESP(0x80000008, "cancel_sm_resp"),
  BIND_TRANSCEIVER(0x00000009, "bind_transceiver"),
  BIND_TRANSCEIVER_RESP(0x80000009, "bind_transceiver_resp"),
  OUTBIND(0x0000000B, "outbind"),
  ENQUIRE_LINK(0x00000015, "enquire_link"),
  ENQUIRE_LINK_RESP(0x80000015, "enquire_link_resp"),
  SUBMIT_MULTI(0x00000021, "submit_multi"),
  SUBMIT_MULTI_RESP(0x80000021, "submit_multi_resp"),
  ALERT_NOTIFICATION(0x00000102, "alert_notification"),
  DATA_SM(0x00000103, "data_sm"),
  DATA_SM_RESP(0x80000103, "data_sm_resp");

  /** The bit that turns a request id into its response id. */
  public static final int RESPONSE_BIT = 0x80000000;

  private static final Map<Integer, CommandId> BY_CODE = new HashMap<>();

  static {
    for (CommandId id : values()) {
      BY_CODE.put(id.code, id);
    }
  }

  private final int code;
  private final String specName;

  CommandId(int code, String specName) {
    this.code = code;
    this.specName = specName;
  }

  /** The command_id as it appears on the wire. */
  public int code() {
    return code;
  }

  /** The name used by the specification, e.g. {@code submit_sm}; handy in logs. */
  public String specName() {
    return specName;
  }

  /** The command with this wire code, or {@code null} if SMPP 3.4 defines none. */
  public static CommandId fromCode(int code) {
    return BY_CODE.get(code);
  }

  /** Whether this is a response (including generic_nack). */
  public boolean isResponse() {
    return (code & RESPONSE_BIT) != 0;
  }

  /**
   * The response that answers this request. outbind and alert_notification have no response of
   * their own; anything wrong with them can only be answered with generic_nack.
   *
   * @throws IllegalStateException if this is itself a response: responses are never answered
   */
  public CommandId responseId() {
    if (isResponse()) {
      throw new IllegalStateException(specName + " is a response and has no response");
    }
    CommandId response = fromCode(code | RESPONSE_BIT);
    return response != null ? response : GENERIC_NACK;
  }
}
