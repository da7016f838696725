package io.vasgate.command.reply;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A named hole in a reply template, written {@code {token}}. The values are text the caller has
 * already formatted (a price through {@link Language#price}, a window through {@link
 * Language#window}), so templates stay free of formatting rules.
 */
public enum Placeholder {
  /** Product name in the reply language ({@code 天气}). */
  PRODUCT("product"),
  /** Product code ({@code TQ}). */
  CODE("code"),
  /** Price with its unit, from {@link Language#price} ({@code 2元/月}). */
  PRICE("price"),
  /** Confirmation or selection window, from {@link Language#window} ({@code 24小时}). */
  WINDOW("window"),
  /** The word that confirms an order on this service number ({@code 是}). */
  CONFIRM_WORD("confirmWord"),
  /** A rendered {@link ReplyKey#UNSUBSCRIBE_HINT} ({@code 回复TD退订}). */
  UNSUBSCRIBE_HINT("unsubscribeHint"),
  /** A complete command the user can send ({@code TD TQ}). */
  COMMAND("command"),
  /** Rendered {@link ReplyKey#QUERY_ITEM} lines. */
  ITEMS("items"),
  /** Number of an item in a list, from 1. */
  INDEX("index"),
  /** Date of the next monthly charge. */
  NEXT_CHARGE_DATE("nextChargeDate"),
  /** A count of subscriptions or items. */
  COUNT("count"),
  /** Rendered {@link ReplyKey#PRODUCT_ITEM} entries, or product names. */
  PRODUCTS("products"),
  /** The command the parser guessed the user meant ({@code KT TQ}). */
  SUGGESTION("suggestion"),
  /** Length of a free trial in days. */
  TRIAL_DAYS("trialDays"),
  /** The canonical subscribe verb of the service number ({@code KT}). */
  SUBSCRIBE_WORD("subscribeWord"),
  /** The canonical unsubscribe verb of the service number ({@code TD}). */
  UNSUBSCRIBE_WORD("unsubscribeWord"),
  /** The canonical query word of the service number ({@code 0000}). */
  QUERY_WORD("queryWord"),
  /** The canonical help word of the service number ({@code ?}). */
  HELP_WORD("helpWord");

  private static final Map<String, Placeholder> BY_TOKEN = new HashMap<>();

  static {
    for (Placeholder placeholder : values()) {
      BY_TOKEN.put(placeholder.token, placeholder);
    }
  }

  private final String token;

  Placeholder(String token) {
    this.token = token;
  }

  /** The name between the braces. */
  public String token() {
    return token;
  }

  /** The placeholder written {@code {token}}; case-sensitive. */
  public static Optional<Placeholder> byToken(String token) {
    return Optional.ofNullable(BY_TOKEN.get(token));
  }

  @Override
  public String toString() {
    return "{" + token + "}";
  }
}
