package io.vasgate.smpp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PduReader#readCString} copies the octets into the string instead of decoding them through
 * a charset. These check it on every kind of buffer the decoder meets (heap, pooled direct, a slice
 * at an offset, as the frame decoder hands over) and on octets above 0x7F, which ISO-8859-1 maps to
 * the char of the same value.
 */
class PduReaderCStringTest {

  static Stream<Arguments> buffers() {
    Function<byte[], ByteBuf> heap = Unpooled::wrappedBuffer;
    Function<byte[], ByteBuf> direct =
        bytes -> PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(bytes);
    Function<byte[], ByteBuf> slice =
        bytes -> {
          ByteBuf whole = PooledByteBufAllocator.DEFAULT.directBuffer();
          whole.writeBytes(new byte[] {0x7F, 0x7F, 0x7F}).writeBytes(bytes);
          return whole.slice(3, bytes.length);
        };
    Function<byte[], ByteBuf> heapSlice =
        bytes -> {
          byte[] padded = new byte[bytes.length + 5];
          System.arraycopy(bytes, 0, padded, 5, bytes.length);
          return Unpooled.wrappedBuffer(padded).slice(5, bytes.length);
        };
    return Stream.of(
        Arguments.of("heap", heap),
        Arguments.of("pooled direct", direct),
        Arguments.of("direct slice", slice),
        Arguments.of("heap slice", heapSlice));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("buffers")
  void readsDigitsLatin1AndEmptyStringsAndStopsAfterEachNul(
      String kind, Function<byte[], ByteBuf> buffer) {
    ByteBuf body =
        buffer.apply(
            HexFormat.of().parseHex("3130363538383830303200" + "00" + "41E9FF7F0100" + "4142"));
    try {
      PduReader reader = new PduReader(body);
      assertThat(reader.readCString(CStringField.SOURCE_ADDR)).isEqualTo("1065888002");
      assertThat(reader.readCString(CStringField.SERVICE_TYPE)).isEmpty();
      assertThat(reader.readCString(CStringField.DESTINATION_ADDR))
          .isEqualTo("A\u00E9\u00FF\u007F\u0001");
      assertThat(reader.remaining()).isEqualTo(2);
      assertThat(body.readerIndex()).isEqualTo(18);
    } finally {
      body.release();
    }
  }
}
