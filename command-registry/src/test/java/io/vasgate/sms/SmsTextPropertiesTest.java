package io.vasgate.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.vasgate.sms.InvalidTextException.Reason;
import io.vasgate.sms.MessageSplitter.ReferenceSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Split, reassemble and decode as an SMSC and a handset would, over generated texts and octets. */
class SmsTextPropertiesTest {

  private static final String GSM_CHARS =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
          + "¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€\f";

  /**
   * Texts of 0..1200 code points: pure GSM (to exercise septet packing and escape pairs), CJK with
   * emoji, or any code point of any plane (surrogates excluded: a lone one cannot survive UCS2 by
   * design).
   */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<Integer> gsm = Arbitraries.of(GSM_CHARS.chars().boxed().toList());
    Arbitrary<Integer> cjkAndEmoji =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0x4E00, 0x9FFF),
            Arbitraries.integers().between(0x1F300, 0x1FAFF),
            Arbitraries.integers().between(0x20, 0x7E));
    Arbitrary<Integer> any =
        Arbitraries.integers()
            .between(0, Character.MAX_CODE_POINT)
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(Tuple.of(4, gsm), Tuple.of(3, cjkAndEmoji), Tuple.of(1, any));
    Arbitrary<String> mostlyGsm =
        gsm.list().ofMaxSize(1200).map(SmsTextPropertiesTest::fromCodePoints);
    Arbitrary<String> mixed =
        codePoint.list().ofMaxSize(1200).map(SmsTextPropertiesTest::fromCodePoints);
    return Arbitraries.oneOf(mostlyGsm, mixed);
  }

  @Provide
  Arbitrary<SmsCharset> charsets() {
    return Combinators.combine(Arbitraries.of(DefaultAlphabet.class), Arbitraries.of(true, false))
        .as(SmsCharset::new);
  }

  private static String fromCodePoints(List<Integer> codePoints) {
    StringBuilder text = new StringBuilder();
    codePoints.forEach(text::appendCodePoint);
    return text.toString();
  }

  @Property(tries = 300)
  void splitThenReassembleThenDecodeGivesBackTheText(
      @ForAll("texts") String text,
      @ForAll("charsets") SmsCharset charset,
      @ForAll boolean sixteenBit)
      throws Exception {
    MessageSplitter splitter =
        new MessageSplitter(
            charset, sixteenBit ? ReferenceSize.SIXTEEN_BIT : ReferenceSize.EIGHT_BIT, 255);
    Reassembler reassembler =
        new Reassembler(
            ReassemblyConfig.defaults(),
            () -> 0L,
            group -> {
              throw new AssertionError("nothing may expire: " + group);
            });
    List<SmsPart> parts = splitter.split(text, new AtomicInteger(77)::getAndIncrement);

    String decoded;
    if (parts.size() == 1 && !parts.get(0).hasUdh()) {
      decoded = charset.decode(parts.get(0).dataCoding().code(), parts.get(0).shortMessage());
    } else {
      StringBuilder perPart = new StringBuilder();
      ReassembledMessage message = null;
      for (SmsPart part : parts) {
        Udh udh = Udh.parse(part.shortMessage());
        perPart.append(
            charset
                .decodeDetailed(part.dataCoding().code(), udh.payload(), udh.headerOctets())
                .text());
        ReassemblyResult result =
            reassembler.offer("link|a|b", udh.concatenation().orElseThrow(), udh.payload());
        if (result.completed().isPresent()) {
          message = result.completed().get();
        }
      }
      assertThat(message).isNotNull();
      boolean packedGsm =
          charset.defaultAlphabet() == DefaultAlphabet.GSM7_PACKED
              && parts.get(0).dataCoding() == DataCoding.SMSC_DEFAULT;
      // packed parts each start on their own fill bits: those decode part by part, the others as
      // one payload
      decoded =
          packedGsm
              ? perPart.toString()
              : charset.decode(parts.get(0).dataCoding().code(), message.payload());
    }
    if (charset.defaultAlphabet() == DefaultAlphabet.GSM7_PACKED && endsWithPaddingLikeCr(parts)) {
      // a packed text ending in CR exactly on an octet boundary reads as CR padding (TS 23.038
      // 6.1.2.3.1)
      return;
    }
    assertThat(decoded).isEqualTo(text);
  }

  private static boolean endsWithPaddingLikeCr(List<SmsPart> parts) {
    return parts.stream().anyMatch(p -> p.text().endsWith("\r"));
  }

  @Property(tries = 300)
  void segmentCountEqualsTheNumberOfParts(
      @ForAll("texts") String text,
      @ForAll("charsets") SmsCharset charset,
      @ForAll boolean sixteenBit)
      throws Exception {
    MessageSplitter splitter =
        new MessageSplitter(
            charset, sixteenBit ? ReferenceSize.SIXTEEN_BIT : ReferenceSize.EIGHT_BIT, 255);
    assertThat(splitter.segmentCount(text)).isEqualTo(splitter.split(text, () -> 1).size());
  }

  @Property(tries = 300)
  void smsLengthAgreesWithTheStandardSplitter(@ForAll("texts") String text) throws Exception {
    assertThat(SmsLength.segments(text))
        .isEqualTo(new MessageSplitter(SmsCharset.STANDARD).split(text, () -> 1).size());
  }

  @Property(tries = 300)
  void noPartExceeds140OctetsOnTheAirInterface(
      @ForAll("texts") String text,
      @ForAll("charsets") SmsCharset charset,
      @ForAll boolean sixteenBit)
      throws Exception {
    MessageSplitter splitter =
        new MessageSplitter(
            charset, sixteenBit ? ReferenceSize.SIXTEEN_BIT : ReferenceSize.EIGHT_BIT, 255);
    for (SmsPart part : splitter.split(text, () -> 1)) {
      int udhOctets = part.concatenation().map(Concatenation::headerOctets).orElse(0);
      int septetsOrOctets = part.length() - udhOctets;
      int airOctets;
      if (part.dataCoding() == DataCoding.UCS2
          || charset.defaultAlphabet() == DefaultAlphabet.GSM7_PACKED) {
        airOctets = part.length();
      } else {
        // one septet per octet here; the SMSC packs them behind the UDH and its fill bits
        int septets = Gsm7Alphabet.septetCount(part.text());
        assertThat(septets).isGreaterThanOrEqualTo(septetsOrOctets);
        airOctets = udhOctets + (SmsCharset.fillBits(udhOctets) + septets * 7 + 7) / 8;
      }
      assertThat(airOctets).isLessThanOrEqualTo(MessageSplitter.USER_DATA_OCTETS);
      assertThat(part.length()).isLessThanOrEqualTo(SmsPart.MAX_SHORT_MESSAGE_OCTETS);
    }
  }

  @Property(tries = 1000)
  void decodingNeverThrowsUncheckedOnAnyOctetsForAnyDataCoding(
      @ForAll @Size(max = 300) byte[] bytes,
      @ForAll @IntRange(min = 0, max = 255) int dataCoding,
      @ForAll("charsets") SmsCharset charset,
      @ForAll @IntRange(min = 0, max = 20) int udhOctets) {
    try {
      DecodedText decoded = charset.decodeDetailed(dataCoding, bytes, udhOctets);
      assertThat(decoded.text()).isNotNull();
    } catch (InvalidTextException e) {
      DataCoding coding = DataCoding.fromCode(dataCoding).orElse(null);
      if (coding == null) {
        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_DATA_CODING);
      } else if (coding == DataCoding.UCS2) {
        assertThat(e.reason()).isEqualTo(Reason.ODD_UCS2_LENGTH);
        assertThat(bytes.length % 2).isEqualTo(1);
      } else if (coding == DataCoding.VENDOR_GBK) {
        assertThat(charset.gbkEnabled()).isFalse();
      } else {
        assertThat(coding.isText()).isFalse();
        assertThat(e.reason()).isEqualTo(Reason.BINARY_CONTENT);
      }
    }
  }

  @Property(tries = 500)
  void everyEvenLengthUcs2PayloadDecodesToAsManyCharacters(@ForAll @Size(max = 140) byte[] bytes)
      throws Exception {
    byte[] even = Arrays.copyOf(bytes, bytes.length & ~1);
    String text = SmsCharset.STANDARD.decode(0x08, even);
    assertThat(text).hasSize(even.length / 2);
    // whatever came in, what comes out is well-formed UTF-16
    assertThat(
            text.codePoints()
                .noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE))
        .isTrue();
  }

  @Property(tries = 1000)
  void udhParsingNeverThrowsUnchecked(@ForAll @Size(max = 40) byte[] shortMessage) {
    assertThatCode(
            () -> {
              try {
                Udh udh = Udh.parse(shortMessage);
                assertThat(udh.headerOctets() + udh.payload().length)
                    .isEqualTo(shortMessage.length);
              } catch (InvalidUdhException expected) {
                assertThat(expected.reason()).isNotNull();
              }
            })
        .doesNotThrowAnyException();
  }

  @Property(tries = 500)
  void packThenUnpackWithTheSeptetCountGivesBackTheSeptets(
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 127) Integer> septetValues,
      @ForAll @IntRange(min = 0, max = 6) int fillBits) {
    byte[] septets = new byte[septetValues.size()];
    for (int i = 0; i < septets.length; i++) {
      septets[i] = septetValues.get(i).byteValue();
    }
    byte[] packed = Gsm7Alphabet.pack(septets, fillBits);
    assertThat(packed).hasSize((fillBits + septets.length * 7 + 7) / 8);
    assertThat(Gsm7Alphabet.unpack(packed, fillBits, septets.length)).isEqualTo(septets);
  }

  @Property(tries = 200)
  void reassemblyInAnyOrderWithDuplicatesGivesThePartsInSequenceOrder(
      @ForAll @IntRange(min = 2, max = 12) int total, @ForAll("seeds") long seed) {
    List<Integer> arrivals = new ArrayList<>();
    Random random = new Random(seed);
    for (int seq = 1; seq <= total; seq++) {
      arrivals.add(seq);
      if (random.nextInt(3) == 0) {
        arrivals.add(seq);
      }
    }
    Collections.shuffle(arrivals, random);
    Reassembler reassembler =
        new Reassembler(
            new ReassemblyConfig(Duration.ofSeconds(1), 1, 12, 10), () -> 0L, group -> {});
    List<ReassembledMessage> completed = new ArrayList<>();
    for (int seq : arrivals) {
      reassembler
          .offer("k", 3, total, seq, new byte[] {(byte) seq})
          .completed()
          .ifPresent(completed::add);
    }
    assertThat(completed).hasSize(1);
    byte[] payload = completed.get(0).payload();
    for (int i = 0; i < total; i++) {
      assertThat(payload[i]).isEqualTo((byte) (i + 1));
    }
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }
}
