package io.vasgate.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.sms.MessageSplitter.ReferenceSize;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageSplitterTest {

  /** A real 150-character confirmation text, as an operator would send it. */
  private static final String CHINESE_150 = chinese150();

  private final MessageSplitter splitter = new MessageSplitter(SmsCharset.STANDARD);
  private final AtomicInteger references = new AtomicInteger(0x42);

  private static String chinese150() {
    String sentence =
        "尊敬的用户：您已申请订购天气预报业务，资费三元每月，由本公司提供。请在二十四小时内回复是确认订购，"
            + "回复其他内容或不回复则不订购。订购成功后每天早上七点为您发送当地天气情况，回复退订即可取消，"
            + "回复查询可查看已订购的全部业务。客服热线请拨打一零零八六，感谢您的支持与信任，祝您生活愉快，";
    String text = sentence.repeat(2).substring(0, 150);
    if (text.length() != 150 || Gsm7Alphabet.canEncode(text)) {
      throw new IllegalStateException("fixture must be 150 non-GSM chars, is " + text.length());
    }
    return text;
  }

  @Test
  void chineseTextOf150CharsSplitsIntoThreeUcs2PartsOf67And67And16() throws Exception {
    List<SmsPart> parts = splitter.split(CHINESE_150, references::getAndIncrement);
    assertThat(parts).extracting(p -> p.text().length()).containsExactly(67, 67, 16);
    assertThat(parts)
        .allSatisfy(
            p -> {
              assertThat(p.dataCoding()).isEqualTo(DataCoding.UCS2);
              assertThat(p.hasUdh()).isTrue();
              assertThat(p.esmClass(0x03)).isEqualTo(0x43);
            });
    assertThat(parts).extracting(SmsPart::length).containsExactly(140, 140, 6 + 32);
    assertThat(Hex.of(parts.get(0).shortMessage())).startsWith("0500034203015C0A");
    assertThat(Hex.of(parts.get(2).shortMessage())).startsWith("050003420303");
    assertThat(String.join("", parts.stream().map(SmsPart::text).toList())).isEqualTo(CHINESE_150);
    assertThat(splitter.segmentCount(CHINESE_150)).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0} x ''{1}'' -> {2} part(s)")
  @CsvSource({
    "160, a, 1, SMSC_DEFAULT",
    "161, a, 2, SMSC_DEFAULT",
    "70, 中, 1, UCS2",
    "71, 中, 2, UCS2",
  })
  void singleMessageLimitsAre160SeptetsAnd70Ucs2Units(
      int repeat, String unit, int parts, DataCoding coding) throws Exception {
    String text = unit.repeat(repeat);
    List<SmsPart> split = splitter.split(text, references::getAndIncrement);
    assertThat(split).hasSize(parts);
    assertThat(split).allSatisfy(p -> assertThat(p.dataCoding()).isEqualTo(coding));
    assertThat(split.get(0).hasUdh()).isEqualTo(parts > 1);
    assertThat(splitter.segmentCount(text)).isEqualTo(parts);
  }

  @Test
  void singlePartCarriesTheTextWithoutUdhAndTakesNoReference() throws Exception {
    IntSupplier mustNotBeCalled =
        () -> {
          throw new AssertionError("a single message needs no reference");
        };
    List<SmsPart> parts = splitter.split("a".repeat(160), mustNotBeCalled);
    assertThat(parts)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.length()).isEqualTo(160);
              assertThat(p.concatenation()).isEmpty();
              assertThat(p.esmClass(0)).isZero();
              assertThat(p.shortMessage()).isEqualTo(Gsm7Alphabet.encodeUnpacked("a".repeat(160)));
            });
  }

  @Test
  void extensionCharacterThatFitsExactlyStaysInThePart() throws Exception {
    // 151 septets + '[' (2) = 153: the escape pair ends the part exactly
    String text = "x".repeat(151) + "[" + "]" + "y".repeat(10);
    List<SmsPart> parts = splitter.split(text, references::getAndIncrement);
    assertThat(parts)
        .extracting(SmsPart::text)
        .containsExactly("x".repeat(151) + "[", "]" + "y".repeat(10));
    assertThat(parts.get(0).length()).isEqualTo(6 + 153);
  }

  @Test
  void neverSplitsAnEscapePairAcrossParts() throws Exception {
    // 152 septets + '€' (2) would be 154: the euro moves to part two, part one carries 152 septets
    String text = "Cost: " + "x".repeat(146) + "€" + "[offer]";
    List<SmsPart> parts = splitter.split(text, references::getAndIncrement);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).text()).endsWith("x").hasSize(152);
    assertThat(parts.get(1).text()).isEqualTo("€[offer]");
    byte[] first = parts.get(0).shortMessage();
    assertThat(first).hasSize(6 + 152);
    assertThat(first[first.length - 1]).isNotEqualTo((byte) Gsm7Alphabet.ESCAPE);
    byte[] second = parts.get(1).shortMessage();
    assertThat(Hex.of(second)).startsWith("050003420202" + "1B65" + "1B3C");
  }

  @Test
  void emojiAtThe67UnitBoundaryMovesWholeToTheNextPart() throws Exception {
    String text = "中".repeat(66) + "😀" + "文".repeat(10);
    List<SmsPart> parts = splitter.split(text, references::getAndIncrement);
    assertThat(parts).extracting(p -> p.text().length()).containsExactly(66, 12);
    assertThat(parts.get(0).length()).isEqualTo(6 + 132);
    assertThat(parts.get(1).text()).startsWith("😀");
  }

  @Test
  void emojiEndingExactlyAtUnit67StaysInThePart() throws Exception {
    String text = "中".repeat(65) + "😀" + "文".repeat(10);
    List<SmsPart> parts = splitter.split(text, references::getAndIncrement);
    assertThat(parts).extracting(p -> p.text().length()).containsExactly(67, 10);
    assertThat(parts.get(0).text()).endsWith("😀");
  }

  @Test
  void sixteenBitReferencesLeave152SeptetsOr66UnitsPerPart() throws Exception {
    MessageSplitter sixteen =
        new MessageSplitter(SmsCharset.STANDARD, ReferenceSize.SIXTEEN_BIT, 255);
    references.set(0x12345);
    List<SmsPart> gsm = sixteen.split("g".repeat(305), references::getAndIncrement);
    assertThat(gsm).extracting(p -> p.text().length()).containsExactly(152, 152, 1);
    assertThat(Hex.of(gsm.get(0).shortMessage())).startsWith("0608042345" + "0301");
    List<SmsPart> ucs2 = sixteen.split("中".repeat(133), references::getAndIncrement);
    assertThat(ucs2).extracting(p -> p.text().length()).containsExactly(66, 66, 1);
    assertThat(ucs2).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(139));
  }

  @Test
  void masksTheSuppliedReferenceToEightBits() throws Exception {
    List<SmsPart> parts = splitter.split("a".repeat(200), () -> 0x1FF);
    assertThat(parts)
        .allSatisfy(p -> assertThat(p.concatenation().orElseThrow().reference()).isEqualTo(0xFF));
  }

  @Test
  void everyPartOfOneMessageSharesOneReferenceAndNumbersItsSequence() throws Exception {
    List<SmsPart> parts = splitter.split("b".repeat(153 * 4), references::getAndIncrement);
    assertThat(parts)
        .extracting(p -> p.concatenation().orElseThrow())
        .containsExactly(
            new Concatenation(0x42, 4, 1, false),
            new Concatenation(0x42, 4, 2, false),
            new Concatenation(0x42, 4, 3, false),
            new Concatenation(0x42, 4, 4, false));
    assertThat(references.get()).isEqualTo(0x43);
  }

  @Test
  void refusesTextsThatNeedMorePartsThanAllowed() {
    assertThatThrownBy(() -> splitter.split("中".repeat(67 * 255 + 1), references::getAndIncrement))
        .isInstanceOfSatisfying(
            TooManyPartsException.class,
            e -> {
              assertThat(e.partsNeeded()).isEqualTo(256);
              assertThat(e.maxParts()).isEqualTo(255);
            });
    MessageSplitter capped = new MessageSplitter(SmsCharset.STANDARD, ReferenceSize.EIGHT_BIT, 3);
    assertThatThrownBy(() -> capped.split("a".repeat(153 * 3 + 1), references::getAndIncrement))
        .isInstanceOf(TooManyPartsException.class);
    assertThatThrownBy(() -> new MessageSplitter(SmsCharset.STANDARD, ReferenceSize.EIGHT_BIT, 256))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exactly255PartsAreAllowed() throws Exception {
    assertThat(splitter.split("中".repeat(67 * 255), references::getAndIncrement)).hasSize(255);
  }

  @Test
  void packedLinkPutsThePartsIn140Octets() throws Exception {
    MessageSplitter packed = new MessageSplitter(SmsCharset.of(DefaultAlphabet.GSM7_PACKED));
    List<SmsPart> parts = packed.split("p".repeat(306), references::getAndIncrement);
    assertThat(parts).extracting(SmsPart::length).containsExactly(140, 140);
    assertThat(packed.split("p".repeat(160), references::getAndIncrement).get(0).length())
        .isEqualTo(140);
  }

  @Test
  void segmentCountFollowsTheLinkCharset() {
    MessageSplitter latin1 = new MessageSplitter(SmsCharset.of(DefaultAlphabet.LATIN_1));
    String euro = "€".repeat(40);
    assertThat(splitter.segmentCount(euro)).isEqualTo(1);
    // Latin-1 has no euro sign: the text goes as UCS2, still one part at 40 units
    assertThat(latin1.segmentCount(euro + "x".repeat(30))).isEqualTo(1);
    assertThat(latin1.segmentCount(euro + "x".repeat(31))).isEqualTo(2);
    assertThat(splitter.segmentCount(euro + "x".repeat(31))).isEqualTo(1);
  }

  @Test
  void emptyTextIsOneEmptyMessage() throws Exception {
    assertThat(splitter.split("", references::getAndIncrement))
        .singleElement()
        .satisfies(p -> assertThat(p.length()).isZero());
    assertThat(splitter.segmentCount("")).isEqualTo(1);
  }
}
