package io.vasgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.cloudhopper.smpp.pdu.SubmitSmResp;
import io.vasgate.app.Gateway;
import io.vasgate.app.MoSourceClient;
import io.vasgate.app.MoSourceClient.Reply;
import io.vasgate.app.TestGateway;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What handsets really type, and what they read back: each row is one MO from a handset with no
 * history, submitted over a real SMPP bind to the sample catalog's numbers, and the words its reply
 * must contain (taken from the shipped Chinese templates: product names, prices, the words to
 * send).
 */
class RealisticMoRepliesTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static final String PORT = "10658880";

  private static final String SHBB = "1065888001";
  private static final String TQ = "1065888002";
  private static final AtomicInteger numbers = new AtomicInteger();

  /** The product list help and error replies carry, as {@code product.item} renders it. */
  private static final String[] PRODUCT_LIST = {
    "SHBB-生活播报", "TQ-天气", "WZ-违章提醒", "XW-新闻点播", "JK-健康提示"
  };

  private static Gateway gateway;
  private static MoSourceClient mo;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start("realistic_mo_replies");
    mo = new MoSourceClient(gateway.smppAddress().getPort(), "mo", "mo");
  }

  @AfterAll
  static void stop() {
    mo.close();
    gateway.close();
  }

  static Stream<Arguments> realisticMos() {
    return Stream.of(
        // Ordering 天气 (TQ), which waits for "是": the prompt states price and window.
        replied("KT TQ", PORT, "您将订购天气", "2元/月", "24小时", "“是”", "回复TDTQ退订"),
        replied("ＫＴ　ＴＱ", TQ, "您将订购天气", "2元/月", "24小时"),
        replied("KT　TQ。", TQ, "您将订购天气", "2元/月"),
        replied("kttq", PORT, "您将订购天气", "2元/月"),
        replied("kT tQ", PORT, "您将订购天气", "2元/月"),
        replied("  KT    TQ  ", PORT, "您将订购天气", "2元/月"),
        replied("【KT】TQ", PORT, "您将订购天气", "2元/月"),
        replied("开通天气", PORT, "您将订购天气", "2元/月", "24小时"),
        replied("订购天气预报", PORT, "您将订购天气", "2元/月"),
        replied("dg 1002", PORT, "您将订购天气", "2元/月"),
        replied("KT Weather", PORT, "您将订购天气", "2元/月"),
        replied("kt", TQ, "您将订购天气", "2元/月"),
        replied("开通", TQ, "您将订购天气", "2元/月"),
        replied("开通生活播报", PORT, "您将订购生活播报", "3元/月", "24小时"),
        replied("订购", SHBB, "您将订购生活播报", "3元/月"),
        // Products that need no confirmation: trial, per use, free.
        replied("订违章", PORT, "成功订购违章提醒", "7天免费", "1元/月"),
        replied("DG XW", PORT, "您已点播新闻点播", "0.5元/次"),
        replied("kt news on demand", PORT, "您已点播新闻点播", "0.5元/次"),
        replied("KT JK", PORT, "成功订购健康提示", "免费"),
        // Cancelling what the handset does not have: named, and no crash (these once got no reply).
        replied("ＴＤ", TQ, "您未订购天气", "无需退订"),
        replied("退订", TQ, "您未订购天气", "无需退订"),
        replied("Qx tq", PORT, "您未订购天气", "无需退订"),
        replied("TD", "106588800271", "您未订购", "无需退订"),
        replied("TD", PORT, with("请指明业务", "TD+业务代码")),
        // Queries and the classic numbers.
        replied("0000", PORT, "您目前没有订购任何业务"),
        replied("查询", TQ, "您目前没有订购任何业务"),
        replied("00000", PORT, "您目前没有订购任何业务"),
        // Help, asked for or not.
        replied("帮助", PORT, with("发送KT+业务代码订购", "TD+业务代码退订", "0000查询")),
        replied("?", TQ, with("发送KT+业务代码订购")),
        replied("？", PORT, with("发送KT+业务代码订购")),
        replied("hello there", PORT, with("发送KT+业务代码订购")),
        replied("你好", TQ, with("发送KT+业务代码订购")),
        // Typos: a suggestion, nothing done.
        replied("KT TX", PORT, "您是否想发送“KT TQ”"),
        replied("开通天汽", TQ, "您是否想发送“KT TQ”"),
        replied("推订", TQ, "您是否想发送“退订”"),
        replied("td shb", PORT, "您是否想发送“TD SHBB”"),
        // Words that need context the handset does not have.
        replied("KT XXX", PORT, with("未找到该业务", "可订购")),
        replied("是", TQ, "您没有待确认的订购"),
        replied("1，3", PORT, "没有可选择的业务列表", "请先回复0000"));
  }

  @ParameterizedTest(name = "''{0}'' to {1}")
  @MethodSource("realisticMos")
  void answersWhatHandsetsTypeWithTheRightWords(String text, String to, List<String> expected)
      throws Exception {
    String handset = "86137" + String.format("%08d", numbers.incrementAndGet());
    SubmitSmResp resp = mo.send(handset, to, text);
    assertThat(resp.getCommandStatus()).as("submit_sm_resp").isZero();

    Reply reply = mo.nextReply(WAIT);
    assertThat(reply).as("reply to '%s'", text).isNotNull();
    assertThat(reply.to()).isEqualTo(handset);
    assertThat(reply.from()).as("answered from the number written to").isEqualTo(to);
    assertThat(reply.text()).contains(expected);
  }

  private static Arguments replied(String text, String to, String... expected) {
    return arguments(text, to, List.of(expected));
  }

  /** {@code fragments} and then the whole product list. */
  private static String[] with(String... fragments) {
    return Stream.concat(Stream.of(fragments), Stream.of(PRODUCT_LIST)).toArray(String[]::new);
  }
}
