package io.vasgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.SampleCatalog;
import io.vasgate.command.reply.Language;
import io.vasgate.command.reply.RenderedReply;
import io.vasgate.command.reply.ReplyTemplates;
import io.vasgate.command.shortcode.ServiceNumber;
import java.time.LocalDate;
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
}
