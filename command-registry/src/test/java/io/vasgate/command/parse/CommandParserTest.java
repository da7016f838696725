package io.vasgate.command.parse;

import static io.vasgate.command.parse.ParseResults.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.SampleCatalog;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The grammar over realistic MO texts on the sample catalog. */
class CommandParserTest {

  /** The extension of TQ (天气). */
  private static final String TQ_EXT = "1065888002";

  private static final String PORT = SampleCatalog.PORT;
  private static final Catalog CATALOG = SampleCatalog.catalog();

  private final CommandParser parser = new CommandParser();

  static Stream<Arguments> domainVectors() {
    return Stream.of(
        arguments("0000", TQ_EXT, "QUERY"),
        arguments("ＴＤ", TQ_EXT, "UNSUBSCRIBE TQ (ext)"),
        arguments("退订", TQ_EXT, "UNSUBSCRIBE TQ (ext)"),
        arguments("Qx tq", TQ_EXT, "UNSUBSCRIBE TQ"),
        arguments("KT　TQ。", TQ_EXT, "SUBSCRIBE TQ"),
        arguments("开通天气", TQ_EXT, "SUBSCRIBE TQ"),
        arguments("是", TQ_EXT, "CONFIRM"),
        arguments("1，3", TQ_EXT, "SELECT [1, 3]"),
        arguments("TD", PORT, "ERROR WHICH_PRODUCT UNSUBSCRIBE"),
        arguments("KT TX", PORT, "DID_YOU_MEAN SUBSCRIBE TQ 'KT TQ'"),
        arguments("TQ", PORT, "DID_YOU_MEAN SUBSCRIBE TQ 'KT TQ'"),
        arguments("kt xx", PORT, "ERROR UNKNOWN_PRODUCT SUBSCRIBE"));
  }

  @ParameterizedTest(name = "''{0}'' to {1} -> {2}")
  @MethodSource("domainVectors")
  void readsTheDomainTestVectors(String text, String destination, String expected) {
    assertThat(describe(parser.parse(text, destination, CATALOG))).isEqualTo(expected);
  }

  static Stream<Arguments> verbsAndProducts() {
    return Stream.of(
        arguments("KT TQ", "SUBSCRIBE TQ"),
        arguments("kttq", "SUBSCRIBE TQ"),
        arguments("KtTq", "SUBSCRIBE TQ"),
        arguments("ＫＴＴＱ", "SUBSCRIBE TQ"),
        arguments("ｋｔ　ｔｑ", "SUBSCRIBE TQ"),
        arguments("  KT    TQ  ", "SUBSCRIBE TQ"),
        arguments("k t t q", "SUBSCRIBE TQ"),
        arguments("KT,TQ", "SUBSCRIBE TQ"),
        arguments("KT+TQ", "SUBSCRIBE TQ"),
        arguments("KT-TQ!", "SUBSCRIBE TQ"),
        arguments("【KT】TQ", "SUBSCRIBE TQ"),
        arguments("“KT TQ”", "SUBSCRIBE TQ"),
        arguments("KT\tTQ\r\n", "SUBSCRIBE TQ"),
        arguments("KT\u00a0TQ", "SUBSCRIBE TQ"),
        arguments("KT TQ 👍", "SUBSCRIBE TQ"),
        arguments("DG TQ", "SUBSCRIBE TQ"),
        arguments("订购天气", "SUBSCRIBE TQ"),
        arguments("订天气", "SUBSCRIBE TQ"),
        arguments("订购天气预报", "SUBSCRIBE TQ"),
        arguments("开通 天 气", "SUBSCRIBE TQ"),
        arguments("dg 1002", "SUBSCRIBE TQ"),
        arguments("KT Weather", "SUBSCRIBE TQ"),
        arguments("kt news on demand", "SUBSCRIBE XW"),
        arguments("KT SHBB", "SUBSCRIBE SHBB"),
        arguments("开通生活播报", "SUBSCRIBE SHBB"),
        arguments("订违章", "SUBSCRIBE WZ"),
        arguments("取消天气", "UNSUBSCRIBE TQ"),
        arguments("退定天气", "UNSUBSCRIBE TQ"),
        arguments("退订，新闻。", "UNSUBSCRIBE XW"),
        arguments("td jk", "UNSUBSCRIBE JK"),
        arguments("QX１００５", "UNSUBSCRIBE JK"),
        arguments("CX TQ", "QUERY TQ"),
        arguments("查询天气", "QUERY TQ"));
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @MethodSource("verbsAndProducts")
  void readsVerbAndProductTypedAnyWay(String text, String expected) {
    assertThat(describe(parser.parse(text, TQ_EXT, CATALOG))).isEqualTo(expected);
    assertThat(describe(parser.parse(text, PORT, CATALOG))).isEqualTo(expected);
  }

  static Stream<Arguments> wordsAlone() {
    return Stream.of(
        arguments("td", "UNSUBSCRIBE TQ (ext)"),
        arguments(" T D ", "UNSUBSCRIBE TQ (ext)"),
        arguments("TD👋", "UNSUBSCRIBE TQ (ext)"),
        arguments("取消", "UNSUBSCRIBE TQ (ext)"),
        arguments("退定", "UNSUBSCRIBE TQ (ext)"),
        arguments("qx", "UNSUBSCRIBE TQ (ext)"),
        arguments("kt", "SUBSCRIBE TQ (ext)"),
        arguments("开通", "SUBSCRIBE TQ (ext)"),
        arguments("订购", "SUBSCRIBE TQ (ext)"),
        arguments("订", "SUBSCRIBE TQ (ext)"),
        arguments("ＤＧ", "SUBSCRIBE TQ (ext)"),
        arguments("cx", "QUERY"),
        arguments("查询", "QUERY"),
        arguments("０００００", "UNSUBSCRIBE_ALL"),
        arguments("00000", "UNSUBSCRIBE_ALL"),
        arguments("y", "CONFIRM"),
        arguments("Y", "CONFIRM"),
        arguments("Yes", "CONFIRM"),
        arguments("ＹＥＳ", "CONFIRM"),
        arguments("确认", "CONFIRM"),
        arguments("是。", "CONFIRM"),
        arguments("'是'", "CONFIRM"),
        arguments("“是”", "CONFIRM"),
        arguments("否", "DECLINE"),
        arguments("n", "DECLINE"),
        arguments("No!", "DECLINE"),
        arguments("?", "HELP"),
        arguments("？", "HELP"),
        arguments("帮助", "HELP"),
        arguments("help", "HELP"),
        arguments("BZ", "HELP"));
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @MethodSource("wordsAlone")
  void readsWordsSentAlone(String text, String expected) {
    assertThat(describe(parser.parse(text, TQ_EXT, CATALOG))).isEqualTo(expected);
  }

  static Stream<Arguments> selections() {
    return Stream.of(
        arguments("1", "SELECT [1]"),
        arguments("3，1", "SELECT [1, 3]"),
        arguments("1、2、3", "SELECT [1, 2, 3]"),
        arguments("1 1", "SELECT [1]"),
        arguments("２,５", "SELECT [2, 5]"),
        arguments("01", "SELECT [1]"),
        arguments("99", "SELECT [99]"),
        arguments("1.3。", "SELECT [1, 3]"),
        arguments("0", "ERROR UNRECOGNISED"),
        arguments("100", "ERROR UNRECOGNISED"),
        arguments("1a", "ERROR UNRECOGNISED"));
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @MethodSource("selections")
  void readsItemNumbersAfterAList(String text, String expected) {
    assertThat(describe(parser.parse(text, TQ_EXT, CATALOG))).isEqualTo(expected);
  }

  static Stream<Arguments> nearMissesAndNoise() {
    return Stream.of(
        arguments("开通天汽", TQ_EXT, "DID_YOU_MEAN SUBSCRIBE TQ 'KT TQ'"),
        arguments("KT TQQ", TQ_EXT, "DID_YOU_MEAN SUBSCRIBE TQ 'KT TQ'"),
        arguments("td shb", TQ_EXT, "DID_YOU_MEAN UNSUBSCRIBE SHBB 'TD SHBB'"),
        arguments("KR TQ", TQ_EXT, "DID_YOU_MEAN SUBSCRIBE TQ 'KT TQ'"),
        arguments("K TQ", TQ_EXT, "DID_YOU_MEAN SUBSCRIBE TQ 'KT TQ'"),
        arguments("yse", TQ_EXT, "DID_YOU_MEAN CONFIRM 'YES'"),
        arguments("推订", TQ_EXT, "DID_YOU_MEAN UNSUBSCRIBE TQ '退订'"),
        arguments("天气", TQ_EXT, "DID_YOU_MEAN SUBSCRIBE TQ 'KT TQ'"),
        arguments("1002", PORT, "DID_YOU_MEAN SUBSCRIBE TQ 'KT TQ'"),
        arguments("KD TQ", TQ_EXT, "ERROR UNRECOGNISED"),
        arguments("kt tianqi", TQ_EXT, "ERROR UNKNOWN_PRODUCT SUBSCRIBE"),
        arguments("KT XXX", TQ_EXT, "ERROR UNKNOWN_PRODUCT SUBSCRIBE"),
        arguments("退订全部业务", TQ_EXT, "ERROR UNKNOWN_PRODUCT UNSUBSCRIBE"),
        arguments("hello", TQ_EXT, "ERROR UNRECOGNISED"),
        arguments("你好", TQ_EXT, "ERROR UNRECOGNISED"),
        arguments("", TQ_EXT, "ERROR EMPTY_TEXT"),
        arguments("   ", TQ_EXT, "ERROR EMPTY_TEXT"),
        arguments("。。。", TQ_EXT, "ERROR EMPTY_TEXT"),
        arguments("😀🎉", TQ_EXT, "ERROR EMPTY_TEXT"),
        arguments("\u3000\u3000", TQ_EXT, "ERROR EMPTY_TEXT"),
        arguments("a".repeat(1000), TQ_EXT, "ERROR TOO_LONG"),
        arguments("KT TQ " + "请".repeat(998), TQ_EXT, "ERROR TOO_LONG"),
        arguments("KT", PORT, "ERROR WHICH_PRODUCT SUBSCRIBE"),
        arguments("TD", "1065888009", "ERROR WHICH_PRODUCT UNSUBSCRIBE"),
        arguments("TD", "106588800271", "UNSUBSCRIBE TQ (ext)"),
        arguments("KT TQ", "10659999", "ERROR UNKNOWN_SERVICE_NUMBER"),
        arguments("KT TQ", "1065888", "ERROR UNKNOWN_SERVICE_NUMBER"),
        arguments("KT TQ", "", "ERROR UNKNOWN_SERVICE_NUMBER"),
        arguments("KT TQ", "+8610658880", "ERROR UNKNOWN_SERVICE_NUMBER"),
        arguments("KT TQ", null, "ERROR UNKNOWN_SERVICE_NUMBER"),
        arguments(null, TQ_EXT, "ERROR EMPTY_TEXT"));
  }

  @ParameterizedTest(name = "''{0}'' to {1} -> {2}")
  @MethodSource("nearMissesAndNoise")
  void answersNearMissesAndNoiseWithoutActing(String text, String destination, String expected) {
    assertThat(describe(parser.parse(text, destination, CATALOG))).isEqualTo(expected);
  }

  @Test
  void parsedCommandCarriesShortCodeAndNormalisedText() {
    Parsed parsed = (Parsed) parser.parse("ＫＴ　ＴＱ。", TQ_EXT, CATALOG);

    assertThat(parsed.shortCode().port()).isEqualTo(PORT);
    assertThat(parsed.shortCode().extension()).isEqualTo("02");
    assertThat(parsed.normalizedText()).isEqualTo("kt tq");
    assertThat(parsed.product()).map(Product::nameZh).contains("天气");
  }

  @Test
  void errorsListTheProductsOnOfferForTheReply() {
    ParseError which = (ParseError) parser.parse("TD", PORT, CATALOG);
    ParseError help = (ParseError) parser.parse("hello", TQ_EXT, CATALOG);

    assertThat(which.products())
        .extracting(Product::code)
        .containsExactly("SHBB", "TQ", "WZ", "XW", "JK");
    assertThat(help.products())
        .extracting(Product::code)
        .containsExactly("SHBB", "TQ", "WZ", "XW", "JK");
    assertThat(help.shortCode()).isPresent();
  }
}
