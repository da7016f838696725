package io.vasgate.smpp.pdu;

import java.util.List;
import java.util.Optional;

/** A PDU whose body may end with optional parameters. */
public interface TlvCarrier {

  /** The optional parameters in wire order, unknown ones included. */
  List<Tlv> tlvs();

  /** The optional parameters with typed lookups. */
  default Tlvs optionalParameters() {
    return Tlvs.of(tlvs());
  }

  /** The first optional parameter with this tag. */
  default Optional<Tlv> findTlv(short tag) {
    return optionalParameters().find(tag);
  }
}
