package io.vasgate.smpp.pdu;

/** An SMPP 3.4 protocol data unit: a request or a response. */
public sealed interface Pdu permits PduRequest, PduResponse {

  /** The command this PDU carries. */
  CommandId commandId();

  /** The command_status header field: always 0 in requests, possibly a vendor code in responses. */
  int commandStatus();

  /** The sequence_number header field that pairs a response with its request. */
  int sequenceNumber();

  /** This PDU with another sequence number; the outbound window stamps requests with it. */
  Pdu withSequenceNumber(int sequenceNumber);
}
