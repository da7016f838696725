package io.vasgate.smpp.codec;

import io.vasgate.smpp.pdu.Pdu;
import java.util.Objects;

/** What {@link SmppPduCodec#decode} makes of one frame: a PDU, or the reason it is invalid. */
public sealed interface DecodeResult permits DecodeResult.Decoded, InvalidPdu {

  /** The frame's sequence_number (0 if the frame was too short to carry one). */
  int sequenceNumber();

  /** A well-formed PDU. */
  record Decoded(Pdu pdu) implements DecodeResult {

    public Decoded {
      Objects.requireNonNull(pdu, "pdu");
    }

    @Override
    public int sequenceNumber() {
      return pdu.sequenceNumber();
    }
  }
}
