package io.vasgate.server;

import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.DataSm;
import io.vasgate.smpp.pdu.ShortMessagePdu;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvTag;
import io.vasgate.smpp.session.SmppStatusException;
import io.vasgate.sms.Concatenation;
import io.vasgate.sms.DataCoding;
import io.vasgate.sms.InvalidTextException;
import io.vasgate.sms.InvalidUdhException;
import io.vasgate.sms.SmsCharset;
import io.vasgate.sms.Udh;
import java.util.Optional;

/**
 * The user data of a message PDU, wherever it travelled (short_message or message_payload), split
 * into its UDH and the payload after it. Building one checks what SMPP and GSM 03.40 require of
 * those octets and answers a violation with the precise command_status.
 *
 * @param dataCoding the PDU's data_coding
 * @param octets everything as sent, UDH included (the evidence)
 * @param payload the user data after any UDH
 * @param udhOctets the UDH's length, UDHL octet included; 0 for none
 * @param concatenation where the message sits, when the UDH says it is one part of several
 */
public record MessageContent(
    int dataCoding,
    byte[] octets,
    byte[] payload,
    int udhOctets,
    Optional<Concatenation> concatenation) {

  /** The content of a submit_sm or deliver_sm. */
  public static MessageContent of(ShortMessagePdu m) {
    Optional<Tlv> payload = m.findTlv(TlvTag.MESSAGE_PAYLOAD);
    if (payload.isPresent() && m.smLength() > 0) {
      throw new SmppStatusException(
          CommandStatus.ESME_ROPTPARNOTALLWD,
          "message_payload and a non-empty short_message must not be used together");
    }
    return split(m.esmClass(), m.dataCoding(), payload.map(Tlv::value).orElseGet(m::shortMessage));
  }

  /** The content of a data_sm, which carries it in message_payload. */
  public static MessageContent of(DataSm m) {
    return split(
        m.esmClass(),
        m.dataCoding(),
        m.findTlv(TlvTag.MESSAGE_PAYLOAD).map(Tlv::value).orElse(new byte[0]));
  }

  private static MessageContent split(byte esmClass, byte dataCoding, byte[] octets) {
    if (!Udh.isPresent(esmClass)) {
      return new MessageContent(dataCoding & 0xFF, octets, octets, 0, Optional.empty());
    }
    try {
      Udh udh = Udh.parse(octets);
      return new MessageContent(
          dataCoding & 0xFF, octets, udh.payload(), udh.headerOctets(), udh.concatenation());
    } catch (InvalidUdhException e) {
      throw new SmppStatusException(
          CommandStatus.ESME_RINVESMCLASS, "esm_class announces a UDH: " + e.getMessage());
    }
  }

  /** The text of this message's own payload; empty for binary content. */
  public Optional<String> text(SmsCharset charset) {
    return decode(charset, dataCoding, payload, udhOctets);
  }

  /**
   * Decodes user data in {@code dataCoding}; empty for binary codings. Octets that cannot be text
   * in that coding (odd-length UCS2, an unknown coding) are refused with their status.
   */
  public static Optional<String> decode(
      SmsCharset charset, int dataCoding, byte[] payload, int udhOctets) {
    Optional<DataCoding> coding = DataCoding.fromCode(dataCoding);
    if (coding.isPresent() && !coding.get().isText()) {
      return Optional.empty();
    }
    try {
      return Optional.of(charset.decodeDetailed(dataCoding, payload, udhOctets).text());
    } catch (InvalidTextException e) {
      throw new SmppStatusException(e.commandStatus(), e.getMessage());
    }
  }
}
