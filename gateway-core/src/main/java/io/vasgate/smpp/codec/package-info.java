/**
 * The Netty codec for SMPP 3.4.
 *
 * <p>A server pipeline is {@code SmppFrameDecoder -> SmppPduDecoder} inbound and {@code
 * SmppPduEncoder.INSTANCE} outbound. The frame decoder cuts the stream into PDUs by command_length
 * and throws {@link io.vasgate.smpp.codec.SmppFrameException} when the length cannot be trusted
 * (the stream is then lost: close the connection). The PDU decoder never throws: it emits {@link
 * io.vasgate.smpp.pdu.Pdu} records, or {@link io.vasgate.smpp.codec.InvalidPdu} for a well-framed
 * PDU that breaks the specification, carrying the command_status to answer with.
 *
 * <p>{@link io.vasgate.smpp.codec.SmppPduCodec} offers the same encoding and decoding without a
 * channel, for load drivers and tests.
 */
package io.vasgate.smpp.codec;
