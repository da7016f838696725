package io.vasgate.smpp.pdu;

import java.util.Map;

/**
 * Tags of the SMPP 3.4 optional parameters (section 5.3.2). Values are given with their size on the
 * wire; the codec never interprets them, so unknown and vendor tags (0x1400-0x3FFF) pass through
 * untouched.
 */
public final class TlvTag {

  /** dest_addr_subunit, 1 octet: 1 MS display, 2 mobile equipment, 3 smart card, 4 external. */
  public static final short DEST_ADDR_SUBUNIT = 0x0005;

  /** dest_network_type, 1 octet. */
  public static final short DEST_NETWORK_TYPE = 0x0006;

  /** dest_bearer_type, 1 octet. */
  public static final short DEST_BEARER_TYPE = 0x0007;

  /** dest_telematics_id, 2 octets. */
  public static final short DEST_TELEMATICS_ID = 0x0008;

  /** source_addr_subunit, 1 octet (same values as dest_addr_subunit). */
  public static final short SOURCE_ADDR_SUBUNIT = 0x000D;

  /** source_network_type, 1 octet. */
  public static final short SOURCE_NETWORK_TYPE = 0x000E;

  /** source_bearer_type, 1 octet. */
  public static final short SOURCE_BEARER_TYPE = 0x000F;

  /** source_telematics_id, 1 octet. */
  public static final short SOURCE_TELEMATICS_ID = 0x0010;

  /** qos_time_to_live, 4 octets, seconds. */
  public static final short QOS_TIME_TO_LIVE = 0x0017;

  /** payload_type, 1 octet: 0 default (WDP), 1 WCMP message. */
  public static final short PAYLOAD_TYPE = 0x0019;

  /** additional_status_info_text, C-octet string of at most 256 octets. */
  public static final short ADDITIONAL_STATUS_INFO_TEXT = 0x001D;

  /** receipted_message_id, C-octet string of at most 65 octets: the id a receipt refers to. */
  public static final short RECEIPTED_MESSAGE_ID = 0x001E;

  /** ms_msg_wait_facilities, 1 octet. */
  public static final short MS_MSG_WAIT_FACILITIES = 0x0030;

  /** privacy_indicator, 1 octet: 0 not restricted ... 3 secret. */
  public static final short PRIVACY_INDICATOR = 0x0201;

  /** source_subaddress, 2 to 23 octets. */
  public static final short SOURCE_SUBADDRESS = 0x0202;

  /** dest_subaddress, 2 to 23 octets. */
  public static final short DEST_SUBADDRESS = 0x0203;

  /**
   * user_message_reference, 2 octets: the ESME's own reference; some USSD gateways carry the
   * session in it.
   */
  public static final short USER_MESSAGE_REFERENCE = 0x0204;

  /** user_response_code, 1 octet. */
  public static final short USER_RESPONSE_CODE = 0x0205;

  /** source_port, 2 octets: application port at the originator. */
  public static final short SOURCE_PORT = 0x020A;

  /** destination_port, 2 octets: application port at the destination. */
  public static final short DESTINATION_PORT = 0x020B;

  /** sar_msg_ref_num, 2 octets: reference shared by all segments of one long message. */
  public static final short SAR_MSG_REF_NUM = 0x020C;

  /** language_indicator, 1 octet. */
  public static final short LANGUAGE_INDICATOR = 0x020D;

  /** sar_total_segments, 1 octet: number of segments of the long message (1-255). */
  public static final short SAR_TOTAL_SEGMENTS = 0x020E;

  /** sar_segment_seqnum, 1 octet: position of this segment, starting at 1. */
  public static final short SAR_SEGMENT_SEQNUM = 0x020F;

  /** sc_interface_version, 1 octet, in bind_resp: the SMPP version the SMSC supports (0x34). */
  public static final short SC_INTERFACE_VERSION = 0x0210;

  /** callback_num_pres_ind, 1 octet. */
  public static final short CALLBACK_NUM_PRES_IND = 0x0302;

  /** callback_num_atag, at most 65 octets. */
  public static final short CALLBACK_NUM_ATAG = 0x0303;

  /** number_of_messages, 1 octet (0-99). */
  public static final short NUMBER_OF_MESSAGES = 0x0304;

  /** callback_num, 4 to 19 octets: digit mode, TON, NPI, then the number. */
  public static final short CALLBACK_NUM = 0x0381;

  /** dpf_result, 1 octet, in data_sm_resp: whether a delivery pending flag was set. */
  public static final short DPF_RESULT = 0x0420;

  /** set_dpf, 1 octet: ask for an alert_notification when delivery fails for absence. */
  public static final short SET_DPF = 0x0421;

  /**
   * ms_availability_status, 1 octet, in alert_notification: 0 available, 1 denied, 2 unavailable.
   */
  public static final short MS_AVAILABILITY_STATUS = 0x0422;

  /** network_error_code, 3 octets: network type, then a 2-octet error code. */
  public static final short NETWORK_ERROR_CODE = 0x0423;

  /** message_payload, up to 64K octets: the text when it does not fit short_message. */
  public static final short MESSAGE_PAYLOAD = 0x0424;

  /** delivery_failure_reason, 1 octet, in data_sm_resp. */
  public static final short DELIVERY_FAILURE_REASON = 0x0425;

  /** more_messages_to_send, 1 octet: 0 no more, 1 more to follow. */
  public static final short MORE_MESSAGES_TO_SEND = 0x0426;

  /**
   * message_state, 1 octet, in receipts: 1 ENROUTE, 2 DELIVERED, 3 EXPIRED, 4 DELETED, 5
   * UNDELIVERABLE, 6 ACCEPTED, 7 UNKNOWN, 8 REJECTED.
   */
  public static final short MESSAGE_STATE = 0x0427;

  /** ussd_service_op, 1 octet: 0 PSSD ind, 1 PSSR ind, 2 USSR req, 3 USSN req, 16-19 responses. */
  public static final short USSD_SERVICE_OP = 0x0501;

  /** display_time, 1 octet: 0 temporary, 1 default, 2 invoke. */
  public static final short DISPLAY_TIME = 0x1201;

  /** sms_signal, 2 octets. */
  public static final short SMS_SIGNAL = 0x1203;

  /** ms_validity, 1 octet: 0 store indefinitely, 1 power down, 2 SID based, 3 display only. */
  public static final short MS_VALIDITY = 0x1204;

  /** alert_on_message_delivery, no value: alert the user when the message arrives. */
  public static final short ALERT_ON_MESSAGE_DELIVERY = 0x130C;

  /** its_reply_type, 1 octet. */
  public static final short ITS_REPLY_TYPE = 0x1380;

  /**
   * its_session_info, 2 octets: session number, then sequence number in bits 7-1 and end-of-session
   * in bit 0.
   */
  public static final short ITS_SESSION_INFO = 0x1383;

  private static final Map<Short, String> NAMES =
      Map.ofEntries(
          Map.entry(DEST_ADDR_SUBUNIT, "dest_addr_subunit"),
          Map.entry(DEST_NETWORK_TYPE, "dest_network_type"),
          Map.entry(DEST_BEARER_TYPE, "dest_bearer_type"),
          Map.entry(DEST_TELEMATICS_ID, "dest_telematics_id"),
          Map.entry(SOURCE_ADDR_SUBUNIT, "source_addr_subunit"),
          Map.entry(SOURCE_NETWORK_TYPE, "source_network_type"),
          Map.entry(SOURCE_BEARER_TYPE, "source_bearer_type"),
          Map.entry(SOURCE_TELEMATICS_ID, "source_telematics_id"),
          Map.entry(QOS_TIME_TO_LIVE, "qos_time_to_live"),
          Map.entry(PAYLOAD_TYPE, "payload_type"),
          Map.entry(ADDITIONAL_STATUS_INFO_TEXT, "additional_status_info_text"),
          Map.entry(RECEIPTED_MESSAGE_ID, "receipted_message_id"),
          Map.entry(MS_MSG_WAIT_FACILITIES, "ms_msg_wait_facilities"),
          Map.entry(PRIVACY_INDICATOR, "privacy_indicator"),
          Map.entry(SOURCE_SUBADDRESS, "source_subaddress"),
          Map.entry(DEST_SUBADDRESS, "dest_subaddress"),
          Map.entry(USER_MESSAGE_REFERENCE, "user_message_reference"),
          Map.entry(USER_RESPONSE_CODE, "user_response_code"),
          Map.entry(SOURCE_PORT, "source_port"),
          Map.entry(DESTINATION_PORT, "destination_port"),
          Map.entry(SAR_MSG_REF_NUM, "sar_msg_ref_num"),
          Map.entry(LANGUAGE_INDICATOR, "language_indicator"),
          Map.entry(SAR_TOTAL_SEGMENTS, "sar_total_segments"),
          Map.entry(SAR_SEGMENT_SEQNUM, "sar_segment_seqnum"),
          Map.entry(SC_INTERFACE_VERSION, "sc_interface_version"),
          Map.entry(CALLBACK_NUM_PRES_IND, "callback_num_pres_ind"),
          Map.entry(CALLBACK_NUM_ATAG, "callback_num_atag"),
          Map.entry(NUMBER_OF_MESSAGES, "number_of_messages"),
          Map.entry(CALLBACK_NUM, "callback_num"),
          Map.entry(DPF_RESULT, "dpf_result"),
          Map.entry(SET_DPF, "set_dpf"),
          Map.entry(MS_AVAILABILITY_STATUS, "ms_availability_status"),
          Map.entry(NETWORK_ERROR_CODE, "network_error_code"),
          Map.entry(MESSAGE_PAYLOAD, "message_payload"),
          Map.entry(DELIVERY_FAILURE_REASON, "delivery_failure_reason"),
          Map.entry(MORE_MESSAGES_TO_SEND, "more_messages_to_send"),
          Map.entry(MESSAGE_STATE, "message_state"),
          Map.entry(USSD_SERVICE_OP, "ussd_service_op"),
          Map.entry(DISPLAY_TIME, "display_time"),
          Map.entry(SMS_SIGNAL, "sms_signal"),
          Map.entry(MS_VALIDITY, "ms_validity"),
          Map.entry(ALERT_ON_MESSAGE_DELIVERY, "alert_on_message_delivery"),
          Map.entry(ITS_REPLY_TYPE, "its_reply_type"),
          Map.entry(ITS_SESSION_INFO, "its_session_info"));

  private TlvTag() {}

  /** The specification's name of a tag, or its hex code if it is not an SMPP 3.4 tag. */
  public static String nameOf(short tag) {
    String name = NAMES.get(tag);
    return name != null ? name : String.format("0x%04X", tag & 0xFFFF);
  }
}
