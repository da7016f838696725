package io.vasgate.smpp.pdu;

/**
 * Field size limits from the SMPP 3.4 specification (section 4 and 5). Limits of C-octet strings
 * are given as on the wire, <em>including</em> the terminating NUL, exactly as the specification
 * tables write them: a system_id of "max 16" carries at most 15 characters.
 */
public final class SmppLimits {

  /** command_length, command_id, command_status and sequence_number: four 4-octet integers. */
  public static final int HEADER_LENGTH = 16;

  /** system_id in bind, bind_resp and outbind: Var. max 16 (5.2.1). */
  public static final int MAX_SYSTEM_ID_LENGTH = 16;

  /** password in bind and outbind: Var. max 9 (5.2.2). */
  public static final int MAX_PASSWORD_LENGTH = 9;

  /** system_type in bind: Var. max 13 (5.2.3). */
  public static final int MAX_SYSTEM_TYPE_LENGTH = 13;

  /** address_range in bind: Var. max 41 (5.2.7). */
  public static final int MAX_ADDRESS_RANGE_LENGTH = 41;

  /** service_type: Var. max 6 (5.2.11). */
  public static final int MAX_SERVICE_TYPE_LENGTH = 6;

  /**
   * source_addr and destination_addr in submit_sm, deliver_sm, submit_multi, query_sm, cancel_sm
   * and replace_sm: Var. max 21 (4.4.1, 4.5.1, 4.6.1, 4.8.1, 4.9.1, 4.10.1).
   */
  public static final int MAX_SM_ADDRESS_LENGTH = 21;

  /**
   * source_addr and destination_addr in data_sm, and source_addr and esme_addr in
   * alert_notification: Var. max 65 (4.7.1, 4.12.1).
   */
  public static final int MAX_LONG_ADDRESS_LENGTH = 65;

  /**
   * schedule_delivery_time, validity_period and final_date: either a single NUL or a 16-character
   * time followed by NUL, so 17 (7.1).
   */
  public static final int MAX_TIME_LENGTH = 17;

  /** message_id: Var. max 65 (5.2.23). */
  public static final int MAX_MESSAGE_ID_LENGTH = 65;

  /** dl_name in a submit_multi dest_address: Var. max 21 (5.2.25 / 4.5.1). */
  public static final int MAX_DL_NAME_LENGTH = 21;

  /** short_message: 0 to 254 octets, announced by the one-octet sm_length (5.2.22). */
  public static final int MAX_SHORT_MESSAGE_LENGTH = 254;

  /** number_of_dests in submit_multi: at most 254 destinations (4.5.1). */
  public static final int MAX_DESTINATIONS = 254;

  /** no_unsuccess in submit_multi_resp: one octet (4.5.2). */
  public static final int MAX_UNSUCCESS_SMES = 255;

  /** interface_version value announcing SMPP 3.4 (5.2.4). */
  public static final byte INTERFACE_VERSION_34 = 0x34;

  /** A TLV's tag and length: two 2-octet integers (3.2.4.1). */
  public static final int TLV_HEADER_LENGTH = 4;

  /** A TLV value's length is a 2-octet unsigned integer (3.2.4.1). */
  public static final int MAX_TLV_VALUE_LENGTH = 0xFFFF;

  /** Smallest sequence number a sender may use (3.2). */
  public static final int MIN_SEQUENCE_NUMBER = 1;

  /** Largest sequence number a sender may use; after it the sequence wraps to 1 (3.2). */
  public static final int MAX_SEQUENCE_NUMBER = 0x7FFFFFFF;

  private SmppLimits() {}
}
