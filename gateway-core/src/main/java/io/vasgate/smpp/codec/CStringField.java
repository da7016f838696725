package io.vasgate.smpp.codec;

import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.SmppLimits;

/**
 * The C-octet string fields of SMPP 3.4 with their wire limit (including NUL) and the
 * command_status that answers a PDU in which the field is malformed. Address fields also name the
 * statuses for an invalid TON and NPI; those without ({@code null}) accept any TON/NPI octet.
 */
enum CStringField {
  SYSTEM_ID("system_id", SmppLimits.MAX_SYSTEM_ID_LENGTH, CommandStatus.ESME_RINVSYSID),
  PASSWORD("password", SmppLimits.MAX_PASSWORD_LENGTH, CommandStatus.ESME_RINVPASWD),
  SYSTEM_TYPE("system_type", SmppLimits.MAX_SYSTEM_TYPE_LENGTH, CommandStatus.ESME_RINVSYSTYP),
  ADDRESS_RANGE(
      "address_range", SmppLimits.MAX_ADDRESS_RANGE_LENGTH, CommandStatus.ESME_RINVCMDLEN),
  SERVICE_TYPE("service_type", SmppLimits.MAX_SERVICE_TYPE_LENGTH, CommandStatus.ESME_RINVSERTYP),
  SOURCE_ADDR(
      "source_addr",
      SmppLimits.MAX_SM_ADDRESS_LENGTH,
      CommandStatus.ESME_RINVSRCADR,
      CommandStatus.ESME_RINVSRCTON,
      CommandStatus.ESME_RINVSRCNPI),
  DESTINATION_ADDR(
      "destination_addr",
      SmppLimits.MAX_SM_ADDRESS_LENGTH,
      CommandStatus.ESME_RINVDSTADR,
      CommandStatus.ESME_RINVDSTTON,
      CommandStatus.ESME_RINVDSTNPI),
  /** source_addr of data_sm and alert_notification. */
  LONG_SOURCE_ADDR(
      "source_addr",
      SmppLimits.MAX_LONG_ADDRESS_LENGTH,
      CommandStatus.ESME_RINVSRCADR,
      CommandStatus.ESME_RINVSRCTON,
      CommandStatus.ESME_RINVSRCNPI),
  /** destination_addr of data_sm. */
  LONG_DESTINATION_ADDR(
      "destination_addr",
      SmppLimits.MAX_LONG_ADDRESS_LENGTH,
      CommandStatus.ESME_RINVDSTADR,
      CommandStatus.ESME_RINVDSTTON,
      CommandStatus.ESME_RINVDSTNPI),
  ESME_ADDR(
      "esme_addr",
      SmppLimits.MAX_LONG_ADDRESS_LENGTH,
      CommandStatus.ESME_RINVDSTADR,
      CommandStatus.ESME_RINVDSTTON,
      CommandStatus.ESME_RINVDSTNPI),
  /** The address of an unsuccess_sme in a response: nothing to answer, so no TON/NPI check. */
  UNSUCCESS_ADDR(
      "unsuccess_sme destination_addr",
      SmppLimits.MAX_SM_ADDRESS_LENGTH,
      CommandStatus.ESME_RINVDSTADR),
  DL_NAME("dl_name", SmppLimits.MAX_DL_NAME_LENGTH, CommandStatus.ESME_RINVDLNAME),
  SCHEDULE_DELIVERY_TIME(
      "schedule_delivery_time", SmppLimits.MAX_TIME_LENGTH, CommandStatus.ESME_RINVSCHED),
  VALIDITY_PERIOD("validity_period", SmppLimits.MAX_TIME_LENGTH, CommandStatus.ESME_RINVEXPIRY),
  MESSAGE_ID("message_id", SmppLimits.MAX_MESSAGE_ID_LENGTH, CommandStatus.ESME_RINVMSGID),
  FINAL_DATE("final_date", SmppLimits.MAX_TIME_LENGTH, CommandStatus.ESME_RINVCMDLEN);

  final String specName;
  final int maxLength;
  final CommandStatus status;
  final CommandStatus tonStatus;
  final CommandStatus npiStatus;

  CStringField(String specName, int maxLength, CommandStatus status) {
    this(specName, maxLength, status, null, null);
  }

  CStringField(
      String specName,
      int maxLength,
      CommandStatus status,
      CommandStatus tonStatus,
      CommandStatus npiStatus) {
    this.specName = specName;
    this.maxLength = maxLength;
    this.status = status;
    this.tonStatus = tonStatus;
    this.npiStatus = npiStatus;
  }
}
