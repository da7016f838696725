package io.vasgate.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each frame from {@link SmppFrameDecoder} into a {@link io.vasgate.smpp.pdu.Pdu}, or into an
 * {@link InvalidPdu} when the frame breaks the specification. Never throws; the frame is released
 * after decoding (nothing decoded refers to it). Stateless, so one instance may serve every
 * channel.
 */
@Sharable
public final class SmppPduDecoder extends MessageToMessageDecoder<ByteBuf> {

  /** A shared instance. */
  public static final SmppPduDecoder INSTANCE = new SmppPduDecoder();

  private static final Logger log = LoggerFactory.getLogger(SmppPduDecoder.class);

  public SmppPduDecoder() {
    super(ByteBuf.class);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
    DecodeResult result = SmppPduCodec.decode(frame);
    if (result instanceof DecodeResult.Decoded decoded) {
      out.add(decoded.pdu());
    } else {
      log.debug("{} - {}", ctx.channel(), result);
      out.add(result);
    }
  }
}
