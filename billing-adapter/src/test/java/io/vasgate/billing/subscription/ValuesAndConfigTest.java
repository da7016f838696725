package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.billing.charging.ChargeReason;
import io.vasgate.billing.charging.ChargeRequest;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.ChargingGateway;
import io.vasgate.billing.charging.RefundRequest;
import io.vasgate.billing.renewal.RenewalConfig;
import io.vasgate.command.catalog.ChargeType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ValuesAndConfigTest {

  private static final ChargeRequest REQUEST =
      new ChargeRequest(
          "order-1",
          "13800138000",
          "901234",
          "1065888001",
          "SHBB",
          ChargeType.MONTHLY,
          300,
          ChargeReason.ORDER,
          Optional.of(9L));

  @Test
  void msisdnMustLookLikeAPhoneNumber() {
    assertThat(Subscription.requireMsisdn("+8613800138000")).isEqualTo("+8613800138000");
    assertThatThrownBy(() -> Subscription.requireMsisdn("1380013800a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Subscription.requireMsisdn("1".repeat(21)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Subscription.requireMsisdn(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void moRefQuotesItsTextBoundedForConsentRecords() {
    MoRef mo = new MoRef(1, Instant.EPOCH, "x".repeat(300), "USSD");
    assertThat(mo.quoted())
        .hasSize(MoRef.MAX_QUOTED_TEXT + " via USSD".length() + 3)
        .endsWith("…' via USSD");
    assertThatThrownBy(() -> new MoRef(0, Instant.EPOCH, "KT", "SMS"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MoRef(1, Instant.EPOCH, "KT", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void subscriptionConfigNamesTheKeyItRefuses() {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    assertThatThrownBy(() -> new SubscriptionConfig(zone, Duration.ZERO, Duration.ofMinutes(5), 10))
        .hasMessageContaining("subscriptions.selectWindow");
    assertThatThrownBy(
            () -> new SubscriptionConfig(zone, Duration.ofMinutes(5), Duration.ofMillis(10), 10))
        .hasMessageContaining("subscriptions.chargeLease");
    assertThatThrownBy(
            () -> new SubscriptionConfig(zone, Duration.ofMinutes(5), Duration.ofMinutes(5), 0))
        .hasMessageContaining("subscriptions.batchSize");
    assertThat(SubscriptionConfig.defaults(zone).selectWindow()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void renewalConfigNamesTheKeyItRefuses() {
    assertThatThrownBy(() -> RenewalConfig.defaults().withReminderDaysBefore(28))
        .hasMessageContaining("renewal.reminderDaysBefore");
    assertThatThrownBy(() -> RenewalConfig.defaults().withBatchSize(0))
        .hasMessageContaining("renewal.batchSize");
    assertThatThrownBy(() -> new RenewalConfig(3, 10, Duration.ofMillis(1), "renewal"))
        .hasMessageContaining("renewal.chargeLease");
  }

  @Test
  void gatewayThatThrowsIsAnUnknownOutcomeNotAFailure() {
    BillingCalls calls =
        new BillingCalls(
            new Broken(
                () -> {
                  throw new IllegalStateException("boom");
                }));

    ChargeResult result = calls.charge(REQUEST).join();

    assertThat(result.status()).isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(result.detail()).contains("boom");
  }

  @Test
  void gatewayThatCompletesExceptionallyOrWithNullIsAnUnknownOutcome() {
    assertThat(
            new BillingCalls(
                    new Broken(() -> CompletableFuture.failedFuture(new RuntimeException("x"))))
                .charge(REQUEST)
                .join()
                .status())
        .isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(new BillingCalls(new Broken(() -> null)).charge(REQUEST).join().status())
        .isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
    assertThat(
            new BillingCalls(new Broken(() -> CompletableFuture.completedFuture(null)))
                .charge(REQUEST)
                .join()
                .status())
        .isEqualTo(ChargeStatus.TEMPORARY_FAILURE);
  }

  private record Broken(java.util.function.Supplier<CompletableFuture<ChargeResult>> answer)
      implements ChargingGateway {
    @Override
    public CompletableFuture<ChargeResult> charge(ChargeRequest request) {
      return answer.get();
    }

    @Override
    public CompletableFuture<ChargeResult> refund(RefundRequest request) {
      return answer.get();
    }
  }
}
