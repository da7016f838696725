package io.vasgate.command.shortcode;

import java.util.List;
import java.util.Objects;

/**
 * The words that make up commands on one service number, as configured (the parser normalises them
 * the same way as MO text, so {@code ＫＴ} and {@code kt} configure the same word). The first word of
 * each list is the canonical one, used in help texts and suggestions ("回复TD退订").
 *
 * <p>{@link #subscribe}, {@link #unsubscribe} and {@link #query} words may be followed by a product
 * reference ({@code KT TQ}, {@code kttq}, {@code 开通天气}); the others are a whole message on their
 * own. An empty {@link #unsubscribeAll}, {@link #confirm} or {@link #decline} list switches that
 * command off on the number.
 *
 * @param subscribe verbs that order a product
 * @param unsubscribe verbs that cancel a product
 * @param query words that list the user's subscriptions
 * @param unsubscribeAll words that cancel everything (or list, where the number says so)
 * @param confirm words that confirm a pending order
 * @param decline words that refuse a pending order
 * @param help words that ask for the command list
 */
public record CommandWords(
    List<String> subscribe,
    List<String> unsubscribe,
    List<String> query,
    List<String> unsubscribeAll,
    List<String> confirm,
    List<String> decline,
    List<String> help) {

  /** The words every number understands unless configured otherwise (the operator conventions). */
  public static final CommandWords DEFAULTS =
      new CommandWords(
          List.of("KT", "DG", "开通", "订购", "订"),
          List.of("TD", "QX", "取消", "退订", "退定"),
          List.of("0000", "CX", "查询"),
          List.of("00000"),
          List.of("是", "Y", "YES", "确认"),
          List.of("否", "N", "NO"),
          List.of("?", "帮助", "HELP", "BZ"));

  /**
   * @throws IllegalArgumentException if a word is blank, or subscribe, unsubscribe, query or help
   *     has no word
   */
  public CommandWords {
    subscribe = words(subscribe, "subscribe", true);
    unsubscribe = words(unsubscribe, "unsubscribe", true);
    query = words(query, "query", true);
    unsubscribeAll = words(unsubscribeAll, "unsubscribeAll", false);
    confirm = words(confirm, "confirm", false);
    decline = words(decline, "decline", false);
    help = words(help, "help", true);
  }

  public CommandWords withSubscribe(List<String> words) {
    return new CommandWords(words, unsubscribe, query, unsubscribeAll, confirm, decline, help);
  }

  public CommandWords withUnsubscribe(List<String> words) {
    return new CommandWords(subscribe, words, query, unsubscribeAll, confirm, decline, help);
  }

  public CommandWords withQuery(List<String> words) {
    return new CommandWords(subscribe, unsubscribe, words, unsubscribeAll, confirm, decline, help);
  }

  public CommandWords withUnsubscribeAll(List<String> words) {
    return new CommandWords(subscribe, unsubscribe, query, words, confirm, decline, help);
  }

  public CommandWords withConfirm(List<String> words) {
    return new CommandWords(subscribe, unsubscribe, query, unsubscribeAll, words, decline, help);
  }

  public CommandWords withDecline(List<String> words) {
    return new CommandWords(subscribe, unsubscribe, query, unsubscribeAll, confirm, words, help);
  }

  public CommandWords withHelp(List<String> words) {
    return new CommandWords(subscribe, unsubscribe, query, unsubscribeAll, confirm, decline, words);
  }

  private static List<String> words(List<String> words, String name, boolean required) {
    Objects.requireNonNull(words, name);
    List<String> copy = List.copyOf(words);
    if (required && copy.isEmpty()) {
      throw new IllegalArgumentException("command words '" + name + "' need at least one word");
    }
    for (String word : copy) {
      if (word.isBlank()) {
        throw new IllegalArgumentException("command words '" + name + "' contain a blank word");
      }
    }
    return copy;
  }
}
