package io.vasgate.server;

import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.DataSm;
import io.vasgate.smpp.pdu.ShortMessagePdu;
import io.vasgate.smpp.session.SmppStatusException;
import io.vasgate.sms.SmsCharset;
import java.util.Optional;

/**
 * The checks every message request passes before the business sees it, each failure answered with
 * the most precise SMPP 3.4 command_status there is.
 */
public final class MessageValidator {

  /** priority_flag values 0..3 (SMPP 3.4 section 5.2.14). */
  static final int MAX_PRIORITY = 3;

  /** registered_delivery bits 0-1: value 3 is reserved (section 5.2.17). */
  static final int RESERVED_RECEIPT_REQUEST = 3;

  private final SmsCharset charset;

  public MessageValidator(SmsCharset charset) {
    this.charset = charset;
  }

  /** Validates submit_sm / deliver_sm; returns the message text, or empty for binary content. */
  public Optional<String> validate(ShortMessagePdu m) {
    requireDestination(m.destination());
    if ((m.priorityFlag() & 0xFF) > MAX_PRIORITY) {
      throw new SmppStatusException(
          CommandStatus.ESME_RINVPRTFLG, "priority_flag " + (m.priorityFlag() & 0xFF));
    }
    checkReceiptRequest(m.registeredDelivery());
    checkTime(m.scheduleDeliveryTime(), CommandStatus.ESME_RINVSCHED, "schedule_delivery_time");
    checkTime(m.validityPeriod(), CommandStatus.ESME_RINVEXPIRY, "validity_period");
    return MessageContent.of(m).text(charset);
  }

  /** Validates data_sm, whose text travels in message_payload. */
  public Optional<String> validate(DataSm m) {
    requireDestination(m.destination());
    checkReceiptRequest(m.registeredDelivery());
    return MessageContent.of(m).text(charset);
  }

  private static void requireDestination(Address destination) {
    if (destination.address().isEmpty()) {
      throw new SmppStatusException(CommandStatus.ESME_RINVDSTADR, "destination_addr is empty");
    }
  }

  private static void checkReceiptRequest(byte registeredDelivery) {
    if ((registeredDelivery & 0x03) == RESERVED_RECEIPT_REQUEST) {
      throw new SmppStatusException(
          CommandStatus.ESME_RINVREGDLVFLG,
          "registered_delivery 0x" + Integer.toHexString(registeredDelivery & 0xFF));
    }
  }

  /**
   * SMPP time format (section 7.1.1): empty, absolute {@code YYMMDDhhmmsstnnp} with p '+' or '-',
   * or relative {@code YYMMDDhhmmss000R}.
   */
  static void checkTime(String value, CommandStatus status, String field) {
    if (value.isEmpty()) {
      return;
    }
    boolean ok = value.length() == 16;
    for (int i = 0; ok && i < 15; i++) {
      ok = value.charAt(i) >= '0' && value.charAt(i) <= '9';
    }
    if (ok) {
      char p = value.charAt(15);
      if (p == 'R') {
        ok = value.startsWith("000", 12);
      } else if (p == '+' || p == '-') {
        int month = Integer.parseInt(value.substring(2, 4));
        int day = Integer.parseInt(value.substring(4, 6));
        int hour = Integer.parseInt(value.substring(6, 8));
        int minute = Integer.parseInt(value.substring(8, 10));
        int second = Integer.parseInt(value.substring(10, 12));
        int quarters = Integer.parseInt(value.substring(13, 15));
        ok =
            month >= 1
                && month <= 12
                && day >= 1
                && day <= 31
                && hour < 24
                && minute < 60
                && second < 60
                && quarters <= 48;
      } else {
        ok = false;
      }
    }
    if (!ok) {
      throw new SmppStatusException(status, field + " '" + value + "' is not an SMPP time");
    }
  }
}
