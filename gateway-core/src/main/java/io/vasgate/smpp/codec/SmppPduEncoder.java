package io.vasgate.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.vasgate.smpp.pdu.Pdu;

/**
 * Writes {@link Pdu} records to the wire: header with computed command_length, body, TLVs. A field
 * that does not fit its limit fails the write with an {@code EncoderException} caused by an {@link
 * IllegalArgumentException} naming the field. Stateless: use {@link #INSTANCE}.
 */
@Sharable
public final class SmppPduEncoder extends MessageToByteEncoder<Pdu> {

  /** The one instance; it holds no state. */
  public static final SmppPduEncoder INSTANCE = new SmppPduEncoder();

  private SmppPduEncoder() {
    super(Pdu.class);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Pdu pdu, ByteBuf out) {
    SmppPduCodec.encode(pdu, out);
  }
}
