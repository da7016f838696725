package io.vasgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.billing.subscription.Subscription;
import io.vasgate.billing.subscription.SubscriptionOutcome;
import io.vasgate.billing.subscription.SubscriptionState;
import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.SampleCatalog;
import io.vasgate.command.reply.Language;
import io.vasgate.command.reply.RenderedReply;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.command.shortcode.ServiceNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyComposerTest {

  private final Catalog catalog = SampleCatalog.catalog();
  private final ServiceNumber number = catalog.serviceNumber("10658880").orElseThrow();
  private final Product tq = catalog.product("TQ").orElseThrow();
  private final ReplyComposer composer = new ReplyComposer();

  @Test
  void chargeReminderSaysWhatWhenHowMuchAndHowToStop() {
    RenderedReply r =
        composer.chargeReminder(
            composer.reply(ReplyTemplates.shipped(), number), tq, LocalDate.of(2026, 12, 1), 200);
    assertThat(r.text()).contains("天气").contains("2026-12-01").contains("2元").contains("TDTQ");
  }

  @Test
  void noticesFollowTheServiceNumbersLanguage() {
    RenderedReply r =
        composer.cancelledForNonPayment(
            composer.reply(ReplyTemplates.shipped(), number.withLanguage(Language.EN)), tq);
    assertThat(r.text()).contains("stopped").doesNotContain("天气");
  }

  @Test
  void helpListsTheProductsOfTheNumber() {
    RenderedReply r =
        composer.help(
            composer.reply(ReplyTemplates.shipped(), number), catalog.offeredOn("10658880"));
    assertThat(r.text()).contains("TQ").contains("SHBB").contains("XW").contains("0000");
    assertThat(r.segments()).isGreaterThanOrEqualTo(1);
  }

  /**
   * Regression: an unsubscribe for a product the number does not hold comes back as {@code
   * NothingToUnsubscribe}, which does not name the product, and the composer rendered {@code
   * unsubscribed.nothing} without one. The shipped template names it ("您未订购{product}"), so
   * rendering threw, the MO was marked FAILED and the handset got no reply at all.
   */
  @Test
  void unsubscribingWhatIsNotHeldIsAnsweredEvenWhenTheOutcomeNamesNoProduct() {
    RenderedReply r =
        composer.outcome(
            composer.reply(ReplyTemplates.shipped(), number),
            new SubscriptionOutcome.NothingToUnsubscribe());
    assertThat(r.text()).isEqualTo("您未订购该业务，无需退订。");
  }

  @Test
  void unsubscribingWhatIsNotHeldNamesTheProductTheCallerPutOnTheReply() {
    RenderedReply r =
        composer.outcome(
            composer.reply(ReplyTemplates.shipped(), number).product(tq),
            new SubscriptionOutcome.NothingToUnsubscribe());
    assertThat(r.text()).isEqualTo("您未订购天气，无需退订。");
  }

  /** Same failure as above, for an expired order whose product has left the catalog since. */
  @Test
  void expiredConfirmationOfAProductNoLongerOfferedStillReads() {
    RenderedReply r =
        composer.outcome(
            composer.reply(ReplyTemplates.shipped(), number),
            new SubscriptionOutcome.ConfirmationExpired(expiredOrder(), Optional.empty()));
    assertThat(r.text()).contains("该业务").contains("确认已超时").contains("不会收费");
  }

  @Test
  void declinedOrderOfAProductNoLongerOfferedStillReadsInEnglish() {
    RenderedReply r =
        composer.outcome(
            composer.reply(ReplyTemplates.shipped(), number.withLanguage(Language.EN)),
            new SubscriptionOutcome.Declined(expiredOrder(), Optional.empty()));
    assertThat(r.text()).contains("this service").contains("not be charged");
  }

  @Test
  void expiredConfirmationNamesTheProductWhenKnown() {
    RenderedReply r =
        composer.outcome(
            composer.reply(ReplyTemplates.shipped(), number),
            new SubscriptionOutcome.ConfirmationExpired(expiredOrder(), Optional.of(tq)));
    assertThat(r.text()).isEqualTo("订购天气的确认已超时，本次订购未生效，不会收费。");
  }

  private static Subscription expiredOrder() {
    Instant ordered = Instant.parse("2026-03-01T08:00:00Z");
    Instant deadline = ordered.plus(Duration.ofHours(24));
    return new Subscription(
        7,
        "8613800000007",
        "OLD",
        "10658880",
        SubscriptionState.EXPIRED,
        200,
        ordered,
        Optional.of(deadline),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(deadline),
        Optional.of(1L));
  }
}
