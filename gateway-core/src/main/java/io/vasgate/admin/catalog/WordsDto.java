package io.vasgate.admin.catalog;

import io.vasgate.command.shortcode.CommandWords;
import java.util.List;

/**
 * The command words of a service number. In a request a list left out (null) keeps the operator
 * default; an empty list switches that command off where the command may be off.
 */
public record WordsDto(
    List<String> subscribe,
    List<String> unsubscribe,
    List<String> query,
    List<String> unsubscribeAll,
    List<String> confirm,
    List<String> decline,
    List<String> help) {

  public static WordsDto of(CommandWords w) {
    return new WordsDto(
        w.subscribe(),
        w.unsubscribe(),
        w.query(),
        w.unsubscribeAll(),
        w.confirm(),
        w.decline(),
        w.help());
  }
}
