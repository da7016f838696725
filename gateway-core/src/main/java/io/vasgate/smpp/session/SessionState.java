package io.vasgate.smpp.session;

import io.vasgate.smpp.pdu.BindType;

/** The SMPP 3.4 session states (section 2.2) as the server sees them. */
public enum SessionState {
  /** Connected, not yet bound: only bind, enquire_link and nothing else. */
  OPEN,
  BOUND_TX,
  BOUND_RX,
  BOUND_TRX,
  /** An unbind was sent or received: only its response may still pass. */
  UNBOUND,
  CLOSED;

  public static SessionState boundAs(BindType type) {
    return switch (type) {
      case TRANSMITTER -> BOUND_TX;
      case RECEIVER -> BOUND_RX;
      case TRANSCEIVER -> BOUND_TRX;
    };
  }

  public boolean isBound() {
    return this == BOUND_TX || this == BOUND_RX || this == BOUND_TRX;
  }

  /** Whether the ESME may submit messages to us (submit_sm, data_sm, query_sm, ...). */
  public boolean esmeMayTransmit() {
    return this == BOUND_TX || this == BOUND_TRX;
  }

  /** Whether we may deliver messages to the ESME (deliver_sm, data_sm). */
  public boolean esmeMayReceive() {
    return this == BOUND_RX || this == BOUND_TRX;
  }
}
