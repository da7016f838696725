package io.vasgate.loadtest.mo;

import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.sms.Concatenation;
import io.vasgate.sms.InvalidTextException;
import io.vasgate.sms.InvalidUdhException;
import io.vasgate.sms.SmsCharset;
import io.vasgate.sms.Udh;
import java.util.Optional;

/**
 * One deliver_sm read as a part of a reply: its concatenation UDH ({@code 05 00 03 ref total seq}
 * or the 16-bit form) if esm_class announces one, and its text decoded by data_coding.
 *
 * @param reference the concatenation reference, -1 when there is none
 * @param total parts of the reply, 1 when there is no concatenation
 * @param sequence this part's number, 1-based
 */
record ReplyPart(int reference, int total, int sequence, String text) {

  static ReplyPart of(DeliverSm deliver) throws InvalidUdhException, InvalidTextException {
    byte[] octets = deliver.shortMessage();
    int dataCoding = deliver.dataCoding() & 0xFF;
    if (!Udh.isPresent(deliver.esmClass() & 0xFF)) {
      return new ReplyPart(-1, 1, 1, SmsCharset.STANDARD.decode(dataCoding, octets));
    }
    Udh udh = Udh.parse(octets);
    String text = SmsCharset.STANDARD.decode(dataCoding, udh.payload());
    Optional<Concatenation> c = udh.concatenation();
    return c.isPresent()
        ? new ReplyPart(c.get().reference(), c.get().total(), c.get().sequence(), text)
        : new ReplyPart(-1, 1, 1, text);
  }

  /** The text of a deliver_sm for a report, whatever it holds. */
  static String textOf(DeliverSm deliver) {
    try {
      return of(deliver).text();
    } catch (InvalidUdhException | InvalidTextException e) {
      return "(undecodable: " + e.getMessage() + ")";
    }
  }
}
