package io.vasgate.pipeline;

import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.MsisdnMask;
import io.vasgate.billing.renewal.ChargeReminder;
import io.vasgate.billing.renewal.SubscriberNotifier;
import io.vasgate.billing.subscription.Subscription;
import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.reply.RenderedReply;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.command.shortcode.ServiceNumber;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages the gateway sends on its own: charge reminders, renewals, subscriptions ended for
 * non-payment, and the late outcome of a charge that was pending. Each goes from the product's
 * service number and extension through the configured MO-source account; the text comes from the
 * number's templates, like every reply.
 */
public final class SubscriberNotices implements SubscriberNotifier {

  private static final Logger log = LoggerFactory.getLogger(SubscriberNotices.class);

  private final Supplier<Catalog> catalog;
  private final Supplier<ReplyTemplates> templates;
  private final ReplyComposer composer;
  private final ReplySender replies;
  private final String peerSystemId;

  /**
   * @param peerSystemId the MO-source account whose sessions carry unsolicited messages
   */
  public SubscriberNotices(
      Supplier<Catalog> catalog,
      Supplier<ReplyTemplates> templates,
      ReplyComposer composer,
      ReplySender replies,
      String peerSystemId) {
    this.catalog = catalog;
    this.templates = templates;
    this.composer = composer;
    this.replies = replies;
    this.peerSystemId = peerSystemId;
  }

  @Override
  public void remindCharge(ChargeReminder reminder) {
    send(
        reminder.subscription().msisdn(),
        reminder.product(),
        r ->
            composer.chargeReminder(
                r, reminder.product(), reminder.chargeDate(), reminder.amountFen()));
  }

  @Override
  public void renewed(
      Subscription subscription,
      Product product,
      long chargedFen,
      YearMonth period,
      boolean trialEnded) {
    send(subscription.msisdn(), product, r -> composer.renewed(r, product, chargedFen));
  }

  @Override
  public void cancelledForNonPayment(
      Subscription subscription, Product product, ChargeStatus status) {
    send(subscription.msisdn(), product, r -> composer.cancelledForNonPayment(r, product));
  }

  /** Tells a subscriber how a charge that was pending ended. */
  void settled(
      String msisdn, Product product, io.vasgate.billing.subscription.SubscriptionOutcome outcome) {
    send(msisdn, product, r -> composer.outcome(r, outcome));
  }

  private void send(
      String msisdn, Product product, Function<ReplyComposer.Reply, RenderedReply> compose) {
    Optional<ServiceNumber> number = catalog.get().serviceNumber(product.servicePort());
    if (number.isEmpty()) {
      log.warn(
          "notice - product {} is on no known service number; {} not told",
          product.code(),
          MsisdnMask.mask(msisdn));
      return;
    }
    RenderedReply text = compose.apply(composer.reply(templates.get(), number.get()));
    replies.send(
        peerSystemId,
        -1,
        product.servicePort() + product.extension(),
        msisdn,
        text.text(),
        Optional.empty());
  }
}
