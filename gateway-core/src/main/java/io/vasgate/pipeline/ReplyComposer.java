package io.vasgate.pipeline;

import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.subscription.SubscriptionList;
import io.vasgate.billing.subscription.SubscriptionOutcome;
import io.vasgate.billing.subscription.SubscriptionOutcome.Cancelled;
import io.vasgate.command.catalog.ChargeType;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.parse.CommandKind;
import io.vasgate.command.reply.Language;
import io.vasgate.command.reply.Placeholder;
import io.vasgate.command.reply.PriceUnit;
import io.vasgate.command.reply.RenderedReply;
import io.vasgate.command.reply.ReplyKey;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.command.shortcode.CommandWords;
import io.vasgate.command.shortcode.ServiceNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns what happened into the words the handset user reads, in the service number's language, from
 * its templates. Pure: no I/O, so every reply can be tested from its outcome.
 */
public final class ReplyComposer {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

  /** One reply being assembled: the service number decides language, words and templates. */
  public final class Reply {

    private final ReplyTemplates templates;
    private final ServiceNumber number;
    private final Language language;
    private final Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);

    Reply(ReplyTemplates templates, ServiceNumber number) {
      this.templates = templates;
      this.number = number;
      this.language = number.language();
    }

    Reply product(Product p) {
      values.put(Placeholder.PRODUCT, name(p));
      values.put(Placeholder.CODE, p.code());
      values.put(Placeholder.PRICE, price(p));
      values.put(Placeholder.UNSUBSCRIBE_HINT, unsubscribeHint(p));
      return this;
    }

    /**
     * The product if the outcome knows it; otherwise, unless one was given already, words for "the
     * service" in its place. The keys that take this have the product optional, but their templates
     * (the shipped ones too) may still name it, and a template rendered without a value it uses
     * fails: the handset would get no reply at all.
     */
    Reply productIfKnown(Optional<Product> p) {
      if (p.isPresent()) {
        return product(p.get());
      }
      values.putIfAbsent(Placeholder.PRODUCT, language == Language.ZH ? "该业务" : "this service");
      values.putIfAbsent(Placeholder.CODE, "");
      return this;
    }

    Reply put(Placeholder placeholder, String value) {
      values.put(placeholder, value);
      return this;
    }

    RenderedReply render(ReplyKey key) {
      CommandWords words = number.words();
      values.putIfAbsent(Placeholder.SUBSCRIBE_WORD, first(words.subscribe()));
      values.putIfAbsent(Placeholder.UNSUBSCRIBE_WORD, first(words.unsubscribe()));
      values.putIfAbsent(Placeholder.QUERY_WORD, first(words.query()));
      values.putIfAbsent(Placeholder.HELP_WORD, first(words.help()));
      values.putIfAbsent(Placeholder.CONFIRM_WORD, first(words.confirm()));
      Map<Placeholder, String> allowed = new EnumMap<>(Placeholder.class);
      for (Map.Entry<Placeholder, String> e : values.entrySet()) {
        if (key.allowed().contains(e.getKey())) {
          allowed.put(e.getKey(), e.getValue());
        }
      }
      return templates.render(number.port(), key, language, allowed);
    }

    String name(Product p) {
      return language == Language.EN && !p.nameEn().isBlank() ? p.nameEn() : p.nameZh();
    }

    String price(Product p) {
      PriceUnit unit =
          p.chargeType() == ChargeType.MONTHLY
              ? PriceUnit.PER_MONTH
              : p.chargeType() == ChargeType.PER_USE ? PriceUnit.PER_USE : PriceUnit.PLAIN;
      return language.price(p.chargeType() == ChargeType.FREE ? 0 : p.priceFen(), unit);
    }

    private String unsubscribeHint(Product p) {
      return templates
          .render(
              number.port(),
              ReplyKey.UNSUBSCRIBE_HINT,
              language,
              Map.of(
                  Placeholder.COMMAND,
                  first(number.words().unsubscribe()) + p.code(),
                  Placeholder.PRODUCT,
                  name(p)))
          .text();
    }

    String productList(List<Product> products) {
      return products.stream()
          .map(
              p ->
                  templates
                      .render(
                          number.port(),
                          ReplyKey.PRODUCT_ITEM,
                          language,
                          Map.of(
                              Placeholder.CODE, p.code(),
                              Placeholder.PRODUCT, name(p),
                              Placeholder.PRICE, price(p)))
                      .text())
          .collect(Collectors.joining(language == Language.ZH ? "，" : ", "));
    }
  }

  public Reply reply(ReplyTemplates templates, ServiceNumber number) {
    return new Reply(templates, number);
  }

  private static String first(List<String> words) {
    return words.isEmpty() ? "" : words.get(0);
  }

  // ---------------------------------------------------------------- outcomes

  /** The reply to any subscription outcome. */
  public RenderedReply outcome(Reply r, SubscriptionOutcome outcome) {
    if (outcome instanceof SubscriptionOutcome.ConfirmationRequired c) {
      return r.product(c.product())
          .put(Placeholder.PRICE, r.price(c.product()))
          .put(Placeholder.WINDOW, r.language.window(wholeSeconds(c.window())))
          .render(ReplyKey.CONFIRM_PROMPT);
    }
    if (outcome instanceof SubscriptionOutcome.Subscribed s) {
      return r.product(s.product()).render(ReplyKey.SUBSCRIBED);
    }
    if (outcome instanceof SubscriptionOutcome.TrialStarted t) {
      return r.product(t.product())
          .put(Placeholder.TRIAL_DAYS, Integer.toString(t.product().trialDays()))
          .render(ReplyKey.SUBSCRIBED_TRIAL);
    }
    if (outcome instanceof SubscriptionOutcome.AlreadySubscribed a) {
      return r.product(a.product()).render(ReplyKey.ALREADY_SUBSCRIBED);
    }
    if (outcome instanceof SubscriptionOutcome.ChargeFailed f) {
      return r.product(f.product())
          .render(
              f.status() == ChargeStatus.INSUFFICIENT_BALANCE
                  ? ReplyKey.CHARGE_FAILED_BALANCE
                  : ReplyKey.CHARGE_FAILED_REJECTED);
    }
    if (outcome instanceof SubscriptionOutcome.ChargePending p) {
      return r.product(p.product()).render(ReplyKey.CHARGE_FAILED_TEMPORARY);
    }
    if (outcome instanceof SubscriptionOutcome.CancelledWhileCharging c) {
      return r.product(c.product()).render(ReplyKey.UNSUBSCRIBED);
    }
    if (outcome instanceof SubscriptionOutcome.ProductSuspended s) {
      return r.product(s.product()).render(ReplyKey.PRODUCT_SUSPENDED);
    }
    if (outcome instanceof SubscriptionOutcome.ProductRetired s) {
      return r.product(s.product()).render(ReplyKey.PRODUCT_SUSPENDED);
    }
    if (outcome instanceof SubscriptionOutcome.ProductUnavailable) {
      return r.render(ReplyKey.NO_PENDING_CONFIRMATION);
    }
    if (outcome instanceof SubscriptionOutcome.NoPendingOrder) {
      return r.render(ReplyKey.NO_PENDING_CONFIRMATION);
    }
    if (outcome instanceof SubscriptionOutcome.ConfirmationExpired e) {
      return r.productIfKnown(e.product()).render(ReplyKey.CONFIRMATION_EXPIRED);
    }
    if (outcome instanceof SubscriptionOutcome.Declined d) {
      return r.productIfKnown(d.product()).render(ReplyKey.ORDER_DECLINED);
    }
    if (outcome instanceof SubscriptionOutcome.Unsubscribed u) {
      return unsubscribed(r, u.cancelled());
    }
    if (outcome instanceof SubscriptionOutcome.NothingToUnsubscribe) {
      // The outcome does not say which product: the caller may have put it on the reply.
      return r.productIfKnown(Optional.empty()).render(ReplyKey.NOTHING_TO_UNSUBSCRIBE);
    }
    if (outcome instanceof SubscriptionOutcome.SelectionExpired
        || outcome instanceof SubscriptionOutcome.InvalidSelection) {
      return r.render(ReplyKey.NO_PENDING_SELECTION);
    }
    if (outcome instanceof SubscriptionOutcome.Used u) {
      return r.product(u.product()).render(ReplyKey.PER_USE_CHARGED);
    }
    if (outcome instanceof SubscriptionOutcome.SubscriptionRequired s) {
      return r.product(s.product()).render(ReplyKey.HELP);
    }
    if (outcome instanceof SubscriptionOutcome.NoSubscriptionNeeded n) {
      return r.product(n.product()).render(ReplyKey.PER_USE_CHARGED);
    }
    throw new IllegalArgumentException("no reply for " + outcome);
  }

  private RenderedReply unsubscribed(Reply r, List<Cancelled> cancelled) {
    if (cancelled.size() == 1 && cancelled.get(0).product().isPresent()) {
      return r.product(cancelled.get(0).product().get()).render(ReplyKey.UNSUBSCRIBED);
    }
    String names =
        cancelled.stream()
            .map(c -> c.product().map(r::name).orElse(c.subscription().productCode()))
            .collect(Collectors.joining(r.language == Language.ZH ? "、" : ", "));
    return r.put(Placeholder.PRODUCTS, names)
        .put(Placeholder.COUNT, Integer.toString(cancelled.size()))
        .render(ReplyKey.SELECTION_RESULT);
  }

  /** The reply to UNSUBSCRIBE_ALL: how many, and which. */
  public RenderedReply cancelledAll(Reply r, SubscriptionOutcome outcome) {
    if (outcome instanceof SubscriptionOutcome.Unsubscribed u) {
      String names =
          u.cancelled().stream()
              .map(c -> c.product().map(r::name).orElse(c.subscription().productCode()))
              .collect(Collectors.joining(r.language == Language.ZH ? "、" : ", "));
      return r.put(Placeholder.COUNT, Integer.toString(u.cancelled().size()))
          .put(Placeholder.PRODUCTS, names)
          .render(ReplyKey.CANCEL_ALL_RESULT);
    }
    return r.render(ReplyKey.QUERY_EMPTY);
  }

  /** The numbered list a QUERY answers with. */
  public RenderedReply list(Reply r, SubscriptionList list, Instant now) {
    if (list.items().isEmpty()) {
      return r.render(ReplyKey.QUERY_EMPTY);
    }
    StringBuilder items = new StringBuilder();
    for (SubscriptionList.Item item : list.items()) {
      if (items.length() > 0) {
        items.append('\n');
      }
      Map<Placeholder, String> v = new EnumMap<>(Placeholder.class);
      v.put(Placeholder.INDEX, Integer.toString(item.number()));
      v.put(
          Placeholder.PRODUCT,
          item.product().map(r::name).orElse(item.subscription().productCode()));
      v.put(Placeholder.CODE, item.subscription().productCode());
      v.put(
          Placeholder.PRICE,
          item.product()
              .map(r::price)
              .orElse(r.language.price(item.priceFen(), PriceUnit.PER_MONTH)));
      v.put(Placeholder.NEXT_CHARGE_DATE, item.nextChargeDate().map(DATE::format).orElse("-"));
      items.append(r.templates.render(r.number.port(), ReplyKey.QUERY_ITEM, r.language, v).text());
    }
    Duration window = Duration.between(now, list.selectableUntil());
    r.put(Placeholder.ITEMS, items.toString())
        .put(Placeholder.COUNT, Integer.toString(list.items().size()));
    if (window.getSeconds() > 0) {
      r.put(Placeholder.WINDOW, r.language.window(roundWindow(window)));
    }
    return r.render(ReplyKey.QUERY_LIST);
  }

  /** The notice days before a monthly charge. */
  public RenderedReply chargeReminder(
      Reply r, Product p, java.time.LocalDate date, long amountFen) {
    return r.product(p)
        .put(Placeholder.PRICE, r.language.price(amountFen, PriceUnit.PLAIN))
        .put(Placeholder.NEXT_CHARGE_DATE, DATE.format(date))
        .render(ReplyKey.CHARGE_REMINDER);
  }

  /** The notice that a monthly charge went through. */
  public RenderedReply renewed(Reply r, Product p, long chargedFen) {
    return r.product(p)
        .put(Placeholder.PRICE, r.language.price(chargedFen, PriceUnit.PLAIN))
        .render(ReplyKey.RENEWED);
  }

  /** The notice that a subscription ended because it could not be charged. */
  public RenderedReply cancelledForNonPayment(Reply r, Product p) {
    return r.product(p).render(ReplyKey.CANCELLED_NON_PAYMENT);
  }

  /** The reply when the text was not a command we could act on. */
  public RenderedReply help(Reply r, List<Product> offered) {
    return r.put(Placeholder.PRODUCTS, r.productList(offered)).render(ReplyKey.HELP);
  }

  /** The reply when a command failed on our side. */
  public RenderedReply systemBusy(Reply r) {
    return r.render(ReplyKey.SYSTEM_BUSY);
  }

  public RenderedReply didYouMean(Reply r, String suggestion) {
    return r.put(Placeholder.SUGGESTION, suggestion).render(ReplyKey.DID_YOU_MEAN);
  }

  public RenderedReply unknownProduct(Reply r, List<Product> offered) {
    return r.put(Placeholder.PRODUCTS, r.productList(offered)).render(ReplyKey.UNKNOWN_PRODUCT);
  }

  public RenderedReply whichProduct(Reply r, Optional<CommandKind> command, List<Product> offered) {
    CommandWords w = r.number.words();
    String verb =
        command
            .map(
                k ->
                    switch (k) {
                      case UNSUBSCRIBE -> first(w.unsubscribe());
                      case QUERY -> first(w.query());
                      default -> first(w.subscribe());
                    })
            .orElse(first(w.subscribe()));
    return r.put(Placeholder.COMMAND, verb)
        .put(Placeholder.PRODUCTS, r.productList(offered))
        .render(ReplyKey.WHICH_PRODUCT);
  }

  /** Whole seconds, as the templates state windows. */
  private static Duration wholeSeconds(Duration d) {
    return Duration.ofSeconds(Math.max(1, d.getSeconds()));
  }

  /** A remaining window, rounded up to the minute so users read "30分钟" rather than "1799秒". */
  private static Duration roundWindow(Duration d) {
    long minutes = (d.getSeconds() + 59) / 60;
    return Duration.ofMinutes(Math.max(1, minutes));
  }
}
