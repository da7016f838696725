/**
 * The SMPP 3.4 PDU model: one immutable record per PDU type, named as in the specification.
 *
 * <p>Conventions shared by every record in this package:
 *
 * <ul>
 *   <li>C-octet strings are {@link java.lang.String}s of ISO-8859-1 characters without NUL; a
 *       {@code null} string is stored as the empty string (the wire cannot tell them apart).
 *       Constructors reject strings longer than the field's limit in {@link SmppLimits}, so a
 *       record that exists can always be encoded.
 *   <li>Byte arrays and lists are copied on the way in and arrays on the way out; equality is by
 *       content, and {@code toString} shows octet strings in hex.
 *   <li>{@code command_status} is an {@code int}, not a {@link CommandStatus}, because peers send
 *       vendor-specific codes that must survive a round trip.
 *   <li>Sequence numbers are not range-checked here: a peer's PDU is modelled as sent, and requests
 *       are usually built with sequence number 0 and stamped by the outbound window through {@link
 *       Pdu#withSequenceNumber(int)}.
 * </ul>
 *
 * <p>This package has no Netty dependency; encoding and decoding live in {@code
 * io.vasgate.smpp.codec}.
 */
package io.vasgate.smpp.pdu;
