package io.vasgate.command.reply;

import static io.vasgate.command.reply.Placeholder.CODE;
import static io.vasgate.command.reply.Placeholder.COMMAND;
import static io.vasgate.command.reply.Placeholder.CONFIRM_WORD;
import static io.vasgate.command.reply.Placeholder.COUNT;
import static io.vasgate.command.reply.Placeholder.HELP_WORD;
import static io.vasgate.command.reply.Placeholder.INDEX;
import static io.vasgate.command.reply.Placeholder.ITEMS;
import static io.vasgate.command.reply.Placeholder.NEXT_CHARGE_DATE;
import static io.vasgate.command.reply.Placeholder.PRICE;
import static io.vasgate.command.reply.Placeholder.PRODUCT;
import static io.vasgate.command.reply.Placeholder.PRODUCTS;
import static io.vasgate.command.reply.Placeholder.QUERY_WORD;
import static io.vasgate.command.reply.Placeholder.SUBSCRIBE_WORD;
import static io.vasgate.command.reply.Placeholder.SUGGESTION;
import static io.vasgate.command.reply.Placeholder.TRIAL_DAYS;
import static io.vasgate.command.reply.Placeholder.UNSUBSCRIBE_WORD;
import static io.vasgate.command.reply.Placeholder.WINDOW;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every reply the command pipeline sends, with the placeholders its template must contain
 * (required) and may contain (optional). Required placeholders carry what a user must be told: an
 * order prompt that omitted the price or how to unsubscribe would break the disclosure rules, so
 * such a template fails when it is loaded.
 *
 * <p>Callers supply a value for every {@link #allowed()} placeholder of the key; each template
 * (default or a service number's override) then shows the ones it chooses to.
 */
public enum ReplyKey {
  /**
   * Second confirmation before any charge: product, price, window, the confirming word and how to
   * unsubscribe.
   */
  CONFIRM_PROMPT(
      "confirm.prompt",
      set(PRODUCT, PRICE, WINDOW, CONFIRM_WORD, Placeholder.UNSUBSCRIBE_HINT),
      set(CODE)),
  /** Order completed. */
  SUBSCRIBED("subscribed", set(PRODUCT, PRICE, Placeholder.UNSUBSCRIBE_HINT), set(CODE)),
  /** Order completed with a free trial before the first charge. */
  SUBSCRIBED_TRIAL(
      "subscribed.trial", set(PRODUCT, PRICE, TRIAL_DAYS, Placeholder.UNSUBSCRIBE_HINT), set(CODE)),
  /** The user already holds the product. */
  ALREADY_SUBSCRIBED("subscribed.already", set(PRODUCT), set(CODE, Placeholder.UNSUBSCRIBE_HINT)),
  /** Unsubscribed. */
  UNSUBSCRIBED("unsubscribed", set(PRODUCT), set(CODE)),
  /** Unsubscribe for a product the user does not hold. */
  NOTHING_TO_UNSUBSCRIBE("unsubscribed.nothing", set(), set(PRODUCT, CODE)),
  /** The user answered the confirmation prompt with a declining word. */
  ORDER_DECLINED("order.declined", set(), set(PRODUCT, CODE)),
  /** The answer to {@code 0000}: numbered {@link #QUERY_ITEM} lines and how to cancel by number. */
  QUERY_LIST("query.list", set(ITEMS), set(COUNT, WINDOW)),
  /** One line of {@link #QUERY_LIST}. */
  QUERY_ITEM("query.item", set(INDEX, PRODUCT, PRICE), set(CODE, NEXT_CHARGE_DATE)),
  /** The answer to {@code 0000} for a user without subscriptions. */
  QUERY_EMPTY("query.empty", set(), set()),
  /** Result of cancel-all ({@code 00000}). */
  CANCEL_ALL_RESULT("cancel-all.result", set(COUNT), set(PRODUCTS)),
  /** Result of cancelling items chosen by number after a list. */
  SELECTION_RESULT("selection.result", set(PRODUCTS), set(COUNT)),
  /** Item numbers arrived with no recent list to choose from. */
  NO_PENDING_SELECTION("selection.none", set(), set(QUERY_WORD)),
  /** The confirming word arrived after the confirmation window closed. */
  CONFIRMATION_EXPIRED("confirm.expired", set(), set(PRODUCT, CODE, WINDOW)),
  /** The confirming word arrived with no order waiting for it. */
  NO_PENDING_CONFIRMATION("confirm.none", set(), set()),
  /** A near miss: the command the user probably meant, not executed. */
  DID_YOU_MEAN("did-you-mean", set(SUGGESTION), set()),
  /** A verb with a product reference that names nothing on this number. */
  UNKNOWN_PRODUCT("product.unknown", set(PRODUCTS), set(SUBSCRIBE_WORD)),
  /** A verb without a product on a number whose extension implies none. */
  WHICH_PRODUCT("product.which", set(PRODUCTS), set(COMMAND)),
  /**
   * One entry of a product list in {@link #UNKNOWN_PRODUCT}, {@link #WHICH_PRODUCT} and {@link
   * #HELP}.
   */
  PRODUCT_ITEM("product.item", set(CODE, PRODUCT), set(PRICE)),
  /** The commands of a service number. */
  HELP(
      "help",
      set(SUBSCRIBE_WORD, UNSUBSCRIBE_WORD, QUERY_WORD),
      set(HELP_WORD, CONFIRM_WORD, PRODUCTS)),
  /** Order for a suspended product (a product may carry its own text instead). */
  PRODUCT_SUSPENDED("product.suspended", set(PRODUCT), set(CODE)),
  /** Charge refused for insufficient balance. */
  CHARGE_FAILED_BALANCE("charge.failed.balance", set(PRODUCT), set(CODE, PRICE)),
  /** Charge refused by the billing system. */
  CHARGE_FAILED_REJECTED("charge.failed.rejected", set(PRODUCT), set(CODE)),
  /** Charge failed for a temporary reason: the user may try again. */
  CHARGE_FAILED_TEMPORARY("charge.failed.temporary", set(PRODUCT), set(CODE)),
  /**
   * The command failed on our side. With the ledger nothing of it was applied; with an external
   * billing system a charge may still be settling, so the user is pointed to the query first.
   */
  SYSTEM_BUSY("system.busy", set(), set(QUERY_WORD)),
  /** A per-use product was charged. */
  PER_USE_CHARGED("per-use.charged", set(PRODUCT, PRICE), set(CODE)),
  /** How to unsubscribe, rendered into {@link Placeholder#UNSUBSCRIBE_HINT}. */
  UNSUBSCRIBE_HINT("unsubscribe.hint", set(COMMAND), set(PRODUCT)),
  /** Days before a monthly charge: what, how much, when, and how to stop it. */
  CHARGE_REMINDER(
      "charge.reminder",
      set(PRODUCT, PRICE, NEXT_CHARGE_DATE, Placeholder.UNSUBSCRIBE_HINT),
      set(CODE)),
  /** A monthly charge went through. */
  RENEWED("renewed", set(PRODUCT, PRICE), set(CODE, Placeholder.UNSUBSCRIBE_HINT)),
  /** A subscription ended because its charge failed for good; nothing more will be charged. */
  CANCELLED_NON_PAYMENT("cancelled.non-payment", set(PRODUCT), set(CODE));

  private static final Map<String, ReplyKey> BY_ID = new HashMap<>();

  static {
    for (ReplyKey key : values()) {
      BY_ID.put(key.id, key);
    }
  }

  private final String id;
  private final Set<Placeholder> required;
  private final Set<Placeholder> allowed;

  ReplyKey(String id, Set<Placeholder> required, Set<Placeholder> optional) {
    this.id = id;
    this.required = Collections.unmodifiableSet(required);
    EnumSet<Placeholder> all = EnumSet.noneOf(Placeholder.class);
    all.addAll(required);
    all.addAll(optional);
    this.allowed = Collections.unmodifiableSet(all);
  }

  /** The key in template files ({@code confirm.prompt}). */
  public String id() {
    return id;
  }

  /** Placeholders every template of this key must contain. */
  public Set<Placeholder> required() {
    return required;
  }

  /** Placeholders a template of this key may contain: the required ones and the optional ones. */
  public Set<Placeholder> allowed() {
    return allowed;
  }

  /** The key with this file id; empty for anything else. */
  public static Optional<ReplyKey> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  private static Set<Placeholder> set(Placeholder... placeholders) {
    EnumSet<Placeholder> set = EnumSet.noneOf(Placeholder.class);
    Collections.addAll(set, placeholders);
    return set;
  }

  @Override
  public String toString() {
    return id;
  }
}
