package io.vasgate.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.sms.InvalidTextException.Reason;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class SmsCharsetTest {

  private static final SmsCharset STANDARD = SmsCharset.STANDARD;

  @Test
  void decodesUnpackedGsmOnDefaultCoding() throws Exception {
    assertThat(STANDARD.decode(0x00, Hex.bytes("48 65 6C 6C 6F 20 1B 65 31")))
        .isEqualTo("Hello €1");
  }

  @Test
  void defaultCodingFollowsTheLinkOverride() throws Exception {
    byte[] bytes = Hex.bytes("40 E9 7B");
    assertThat(SmsCharset.decode(0x00, bytes, DefaultAlphabet.LATIN_1)).isEqualTo("@é{");
    assertThat(SmsCharset.decode(0x00, bytes, DefaultAlphabet.ASCII)).isEqualTo("@\uFFFD{");
    // as GSM septets 0x40 is ¡, 0xE9 is no septet, 0x7B is ä
    assertThat(SmsCharset.decode(0x00, bytes, DefaultAlphabet.GSM7_UNPACKED)).isEqualTo("¡\uFFFDä");
    assertThat(
            SmsCharset.decode(0x00, Hex.bytes("E8329BFD4697D9EC37"), DefaultAlphabet.GSM7_PACKED))
        .isEqualTo("hellohello");
  }

  @Test
  void messageClassGsmCodingIsGsmWhateverTheLinkSaysAbout0x00() throws Exception {
    assertThat(SmsCharset.decode(0xF0, Hex.bytes("48 69 1B 3C"), DefaultAlphabet.LATIN_1))
        .isEqualTo("Hi[");
    assertThat(
            SmsCharset.decode(0xF1, Hex.bytes("E8329BFD4697D9EC37"), DefaultAlphabet.GSM7_PACKED))
        .isEqualTo("hellohello");
  }

  @Test
  void decodesAsciiLatin1AndUcs2() throws Exception {
    assertThat(STANDARD.decode(0x01, "Hi {}".getBytes(Charset.forName("US-ASCII"))))
        .isEqualTo("Hi {}");
    assertThat(STANDARD.decode(0x03, Hex.bytes("43 61 66 E9"))).isEqualTo("Café");
    assertThat(STANDARD.decode(0x08, Hex.bytes("4F60 597D FF0C 0054 0044"))).isEqualTo("你好，TD");
  }

  @Test
  void decodesUcs2SurrogatePairsAsEmoji() throws Exception {
    DecodedText decoded = STANDARD.decodeDetailed(0x08, Hex.bytes("D83D DE00 0021"), 0);
    assertThat(decoded.text()).isEqualTo("😀!");
    assertThat(decoded.isClean()).isTrue();
  }

  @Test
  void decodesUnpairedSurrogatesToReplacementCharacter() throws Exception {
    DecodedText decoded = STANDARD.decodeDetailed(0x08, Hex.bytes("D83D 0041 DE00 D83D"), 0);
    assertThat(decoded.text()).isEqualTo("\uFFFDA\uFFFD\uFFFD");
    assertThat(decoded.replacements()).isEqualTo(3);
  }

  @Test
  void rejectsOddLengthUcs2AsAMessageLengthError() {
    assertThatThrownBy(() -> STANDARD.decode(0x08, Hex.bytes("4F 60 59")))
        .isInstanceOfSatisfying(
            InvalidTextException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.ODD_UCS2_LENGTH);
              assertThat(e.reason().isLengthError()).isTrue();
              assertThat(e.commandStatus()).isEqualTo(0x01);
              assertThat(e.dataCoding()).isEqualTo(0x08);
            });
  }

  @Test
  void decodesGbkOnlyOnLinksThatEnableIt() throws Exception {
    byte[] gbk = "退订天气".getBytes(Charset.forName("GBK"));
    assertThat(new SmsCharset(DefaultAlphabet.GSM7_UNPACKED, true).decode(0x0F, gbk))
        .isEqualTo("退订天气");
    assertThatThrownBy(() -> STANDARD.decode(0x0F, gbk))
        .isInstanceOfSatisfying(
            InvalidTextException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_DATA_CODING));
  }

  @Test
  void malformedGbkDecodesWithReplacements() throws Exception {
    DecodedText decoded =
        new SmsCharset(DefaultAlphabet.GSM7_UNPACKED, true)
            .decodeDetailed(0x0F, Hex.bytes("CD CB 81"), 0);
    assertThat(decoded.text()).startsWith("退");
    assertThat(decoded.replacements()).isPositive();
  }

  @Test
  void refusesBinaryAndUnknownCodings() {
    assertThatThrownBy(() -> STANDARD.decode(0x04, Hex.bytes("0102")))
        .isInstanceOfSatisfying(
            InvalidTextException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BINARY_CONTENT));
    assertThatThrownBy(() -> STANDARD.decode(0xF6, Hex.bytes("0102")))
        .isInstanceOfSatisfying(
            InvalidTextException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BINARY_CONTENT));
    assertThatThrownBy(() -> STANDARD.decode(0x05, Hex.bytes("0102")))
        .isInstanceOfSatisfying(
            InvalidTextException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_DATA_CODING));
  }

  @Test
  void packedGsmAfterAUdhSkipsTheFillBits() throws Exception {
    SmsCharset packed = SmsCharset.of(DefaultAlphabet.GSM7_PACKED);
    byte[] body = packed.encodeGsm("hello", 6);
    assertThat(packed.decodeDetailed(0x00, body, 6).text()).isEqualTo("hello");
    assertThat(SmsCharset.fillBits(6)).isEqualTo(1);
    assertThat(SmsCharset.fillBits(7)).isZero();
    assertThat(SmsCharset.fillBits(0)).isZero();
  }

  @Test
  void encodePicksGsmWhenEveryCharFits() {
    EncodedText encoded = STANDARD.encode("Reply TD to stop [€2/month]");
    assertThat(encoded.dataCoding()).isEqualTo(DataCoding.SMSC_DEFAULT);
    assertThat(encoded.isGsm7()).isTrue();
    assertThat(encoded.units()).isEqualTo(27 + 3);
    assertThat(encoded.length()).isEqualTo(30);
  }

  @Test
  void encodePicksUcs2ForChineseAndEmoji() {
    EncodedText encoded = STANDARD.encode("回复TD退订😀");
    assertThat(encoded.dataCoding()).isEqualTo(DataCoding.UCS2);
    assertThat(encoded.units()).isEqualTo(8);
    assertThat(Hex.of(encoded.bytes())).isEqualTo("56DE590D0054004490008BA2D83DDE00");
  }

  @Test
  void eightBitLinksFallBackToUcs2ForCharsTheirCharsetLacks() {
    assertThat(SmsCharset.of(DefaultAlphabet.LATIN_1).encode("Café").bytes())
        .isEqualTo(Hex.bytes("436166E9"));
    assertThat(SmsCharset.of(DefaultAlphabet.LATIN_1).encode("5€").dataCoding())
        .isEqualTo(DataCoding.UCS2);
    assertThat(SmsCharset.of(DefaultAlphabet.ASCII).encode("Café").dataCoding())
        .isEqualTo(DataCoding.UCS2);
    assertThat(SmsCharset.of(DefaultAlphabet.ASCII).encode("[ok]").bytes())
        .isEqualTo("[ok]".getBytes());
  }
}
