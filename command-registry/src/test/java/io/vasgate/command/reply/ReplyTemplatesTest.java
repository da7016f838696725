package io.vasgate.command.reply;

import static io.vasgate.command.reply.Placeholder.CONFIRM_WORD;
import static io.vasgate.command.reply.Placeholder.PRICE;
import static io.vasgate.command.reply.Placeholder.PRODUCT;
import static io.vasgate.command.reply.Placeholder.UNSUBSCRIBE_HINT;
import static io.vasgate.command.reply.Placeholder.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyTemplatesTest {

  private static final ReplyTemplates SHIPPED = ReplyTemplates.shipped();

  private static Map<Placeholder, String> confirmValues(Language language) {
    return Map.of(
        PRODUCT, language == Language.ZH ? "天气" : "Weather",
        PRICE, language.price(200, PriceUnit.PER_MONTH),
        WINDOW, language.window(Duration.ofHours(24)),
        CONFIRM_WORD, language == Language.ZH ? "是" : "Y",
        UNSUBSCRIBE_HINT,
            SHIPPED
                .render(ReplyKey.UNSUBSCRIBE_HINT, language, Map.of(Placeholder.COMMAND, "TD TQ"))
                .text());
  }

  /**
   * Realistic values for every placeholder, as the pipeline would supply them; list lines from the
   * templates.
   */
  private static Map<Placeholder, String> everyValue(Language language) {
    boolean zh = language == Language.ZH;
    Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
    values.putAll(confirmValues(language));
    values.put(Placeholder.CODE, "SHBB");
    values.put(Placeholder.COMMAND, "TD");
    values.put(Placeholder.INDEX, "1");
    values.put(Placeholder.NEXT_CHARGE_DATE, "2025-07-01");
    values.put(Placeholder.COUNT, "2");
    values.put(Placeholder.SUGGESTION, "KT TQ");
    values.put(Placeholder.TRIAL_DAYS, "7");
    values.put(Placeholder.SUBSCRIBE_WORD, "KT");
    values.put(Placeholder.UNSUBSCRIBE_WORD, "TD");
    values.put(Placeholder.QUERY_WORD, "0000");
    values.put(Placeholder.HELP_WORD, "?");
    values.put(
        Placeholder.ITEMS,
        item(language, 1, zh ? "生活播报" : "Daily Life", "SHBB", 300)
            + "\n"
            + item(language, 2, zh ? "天气" : "Weather", "TQ", 200));
    StringBuilder products = new StringBuilder();
    String[][] sample = {
      {"SHBB", "生活播报", "Daily Life"},
      {"TQ", "天气", "Weather"},
      {"WZ", "违章提醒", "Traffic Alerts"},
      {"XW", "新闻点播", "News on Demand"},
      {"JK", "健康提示", "Health Tips"}
    };
    for (String[] product : sample) {
      products
          .append(products.length() == 0 ? "" : zh ? "，" : ", ")
          .append(
              SHIPPED
                  .render(
                      ReplyKey.PRODUCT_ITEM,
                      language,
                      Map.of(
                          Placeholder.CODE,
                          product[0],
                          Placeholder.PRODUCT,
                          zh ? product[1] : product[2]))
                  .text());
    }
    values.put(Placeholder.PRODUCTS, products.toString());
    return values;
  }

  private static String item(Language language, int index, String name, String code, long fen) {
    return SHIPPED
        .render(
            ReplyKey.QUERY_ITEM,
            language,
            Map.of(
                Placeholder.INDEX,
                String.valueOf(index),
                Placeholder.PRODUCT,
                name,
                Placeholder.CODE,
                code,
                Placeholder.PRICE,
                language.price(fen, PriceUnit.PER_MONTH),
                Placeholder.NEXT_CHARGE_DATE,
                "2025-07-01"))
        .text();
  }

  @Test
  void rendersTheConfirmationPromptInChinese() {
    RenderedReply reply =
        SHIPPED.render(ReplyKey.CONFIRM_PROMPT, Language.ZH, confirmValues(Language.ZH));

    assertThat(reply.text()).isEqualTo("您将订购天气，资费2元/月。请在24小时内回复“是”确认订购，回复其他内容或不回复则不订购。回复TD TQ退订。");
    assertThat(reply.segments()).isEqualTo(1);
  }

  @Test
  void rendersTheConfirmationPromptInEnglish() {
    RenderedReply reply =
        SHIPPED.render(ReplyKey.CONFIRM_PROMPT, Language.EN, confirmValues(Language.EN));

    assertThat(reply.text())
        .isEqualTo(
            "You are ordering Weather at 2 yuan/month. Reply Y within 24 hours to"
                + " confirm; any other reply or none cancels the order. Reply TD TQ to unsubscribe.");
    assertThat(reply.segments()).isEqualTo(1);
  }

  @Test
  void shipsEveryReplyInEveryLanguageWithinTwoSegments() {
    for (Language language : Language.values()) {
      for (ReplyKey key : ReplyKey.values()) {
        RenderedReply reply = SHIPPED.render(key, language, everyValue(language));
        assertThat(reply.text()).as("%s %s", key, language).doesNotContain("{", "}");
        assertThat(reply.segments()).as("%s %s: %s", key, language, reply.text()).isBetween(1, 2);
      }
    }
  }

  @Test
  void countsSegmentsOfLongReplies() {
    Map<Placeholder, String> values = new EnumMap<>(everyValue(Language.ZH));
    values.put(Placeholder.PRODUCTS, "天气".repeat(60));

    RenderedReply reply = SHIPPED.render(ReplyKey.UNKNOWN_PRODUCT, Language.ZH, values);

    assertThat(reply.text().length()).isGreaterThan(2 * 67);
    assertThat(reply.segments()).isEqualTo(3);
  }

  @Test
  void rejectsAnUnknownPlaceholderAtLoadNamingKeyAndPlaceholder() {
    assertThatThrownBy(
            () ->
                SHIPPED.withOverrides(
                    "10658880", Language.ZH, Map.of(ReplyKey.UNSUBSCRIBED, "已退订{prodcut}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsubscribed")
        .hasMessageContaining("{prodcut}")
        .hasMessageContaining("10658880/zh");
  }

  @Test
  void rejectsATemplateMissingARequiredPlaceholderNamingKeyAndPlaceholder() {
    assertThatThrownBy(
            () ->
                SHIPPED.withOverrides(
                    "10658880",
                    Language.ZH,
                    Map.of(
                        ReplyKey.CONFIRM_PROMPT,
                        "订购{product}，资费{price}，回复{confirmWord}确认。{unsubscribeHint}")))
        .hasMessageContaining("confirm.prompt")
        .hasMessageContaining("misses required placeholder {window}");
  }

  @Test
  void rejectsAPlaceholderTheKeyDoesNotSupply() {
    assertThatThrownBy(() -> ReplyTemplate.compile(ReplyKey.QUERY_EMPTY, "没有业务{product}", "zh"))
        .hasMessageContaining("query.empty")
        .hasMessageContaining("{product}")
        .hasMessageContaining("does not supply");
  }

  @Test
  void rejectsUnbalancedBraces() {
    assertThatThrownBy(() -> ReplyTemplate.compile(ReplyKey.QUERY_EMPTY, "没有{", "zh"))
        .hasMessageContaining("without its '}'");
    assertThatThrownBy(() -> ReplyTemplate.compile(ReplyKey.QUERY_EMPTY, "没有}", "zh"))
        .hasMessageContaining("without its '{'");
  }

  @Test
  void doubledBracesAreLiteral() {
    ReplyTemplate template = ReplyTemplate.compile(ReplyKey.DID_YOU_MEAN, "{{{suggestion}}}", "zh");

    assertThat(template.render(Map.of(Placeholder.SUGGESTION, "KT TQ"))).isEqualTo("{KT TQ}");
  }

  @Test
  void rejectsDefaultsWithoutEveryKey() {
    Map<Language, Map<ReplyKey, String>> defaults = new EnumMap<>(Language.class);
    defaults.put(Language.ZH, ReplyTemplateFiles.shipped(Language.ZH));
    Map<ReplyKey, String> english = new EnumMap<>(ReplyTemplateFiles.shipped(Language.EN));
    english.remove(ReplyKey.HELP);
    defaults.put(Language.EN, english);

    assertThatThrownBy(() -> new ReplyTemplates(defaults, Map.of()))
        .hasMessageContaining("help (en) is missing");
  }

  @Test
  void overridesApplyOnlyToTheirNumberAndLanguage() {
    ReplyTemplates templates =
        SHIPPED.withOverrides("10658880", Language.ZH, Map.of(ReplyKey.QUERY_EMPTY, "您暂无订购。"));
    Map<Placeholder, String> none = Map.of();

    assertThat(templates.render("10658880", ReplyKey.QUERY_EMPTY, Language.ZH, none).text())
        .isEqualTo("您暂无订购。");
    assertThat(templates.render("10659999", ReplyKey.QUERY_EMPTY, Language.ZH, none).text())
        .isEqualTo("您目前没有订购任何业务。");
    assertThat(templates.render("10658880", ReplyKey.QUERY_EMPTY, Language.EN, none).text())
        .isEqualTo("You have no subscriptions.");
    assertThat(
            templates
                .render("10658880", ReplyKey.NO_PENDING_CONFIRMATION, Language.ZH, none)
                .text())
        .isEqualTo("您没有待确认的订购。");
  }

  @Test
  void renderingWithoutAValueTheTemplateUsesFails() {
    assertThatThrownBy(() -> SHIPPED.render(ReplyKey.UNSUBSCRIBED, Language.ZH, Map.of()))
        .hasMessageContaining("unsubscribed")
        .hasMessageContaining("{product}");
  }

  @Test
  void readsUtf8PropertiesAndRejectsUnknownKeys() throws IOException {
    Map<ReplyKey, String> read =
        ReplyTemplateFiles.read(
            new StringReader("query.empty=暂无订购\\n请回复KT订购\n"), "override.properties");

    assertThat(read).containsEntry(ReplyKey.QUERY_EMPTY, "暂无订购\n请回复KT订购");
    assertThatThrownBy(
            () -> ReplyTemplateFiles.read(new StringReader("query.emtpy=x"), "override.properties"))
        .hasMessageContaining("override.properties")
        .hasMessageContaining("query.emtpy");
  }

  @Test
  void keysAndPlaceholdersAreFoundByTheirNames() {
    for (ReplyKey key : ReplyKey.values()) {
      assertThat(ReplyKey.byId(key.id())).contains(key);
      assertThat(key.allowed()).containsAll(key.required());
    }
    for (Placeholder placeholder : Placeholder.values()) {
      assertThat(Placeholder.byToken(placeholder.token())).contains(placeholder);
    }
    assertThat(ReplyKey.byId("nope")).isEmpty();
  }
}
