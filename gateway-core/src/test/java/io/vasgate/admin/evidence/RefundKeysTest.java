package io.vasgate.admin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.admin.ApiException;
import io.vasgate.billing.subscription.MonthlyBilling;
import java.util.Optional;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RefundKeysTest {

  @Test
  void theSameRefundHasTheSameKeyWhitespaceAroundTheReasonAside() {
    String a = RefundKeys.of(Optional.empty(), "order-12", "8613800138000", 80, "未收到短信");
    String b = RefundKeys.of(Optional.empty(), "order-12", "8613800138000", 80, "  未收到短信\n");

    assertThat(a).isEqualTo(b).startsWith(RefundKeys.DERIVED_PREFIX);
  }

  @Property(tries = 300)
  void refundsThatDifferInAnyFieldHaveDifferentKeys(
      @ForAll @StringLength(min = 1, max = 128) String chargeKey,
      @ForAll @StringLength(min = 1, max = 128) String otherChargeKey,
      @ForAll @LongRange(min = 1, max = 1_000_000) long amount,
      @ForAll @StringLength(min = 1, max = 500) String reason) {
    Assume.that(!reason.isBlank());
    String msisdn = "8613800138000";
    String key = RefundKeys.derived(chargeKey, msisdn, amount, reason);

    assertThat(key).hasSizeLessThanOrEqualTo(128).doesNotStartWith("refund-");
    assertThat(RefundKeys.derived(chargeKey, msisdn, amount, reason)).isEqualTo(key);
    assertThat(RefundKeys.derived(chargeKey, "8613800138001", amount, reason)).isNotEqualTo(key);
    assertThat(RefundKeys.derived(chargeKey, msisdn, amount + 1, reason)).isNotEqualTo(key);
    assertThat(RefundKeys.derived(chargeKey, msisdn, amount, reason.strip() + "!"))
        .isNotEqualTo(key);
    if (!otherChargeKey.equals(chargeKey)) {
      assertThat(RefundKeys.derived(otherChargeKey, msisdn, amount, reason)).isNotEqualTo(key);
    }
  }

  /**
   * Joined with separators alone, these two requests read the same ({@code a|86|138|5|x}): the
   * charge key's length keeps them apart.
   */
  @Test
  void fieldsCannotBleedIntoEachOther() {
    assertThat(RefundKeys.derived("a|86", "138", 5, "x"))
        .isNotEqualTo(RefundKeys.derived("a", "86", 138, "5|x"));
  }

  @Test
  void noStaffKeyCanBeTakenForAnAutomaticRefund() {
    String automatic = MonthlyBilling.refundKey("order-12");

    assertThat(RefundKeys.of(Optional.of("order-12"), "order-12", "8613800138000", 1, "r"))
        .isNotEqualTo(automatic)
        .isEqualTo(RefundKeys.CLIENT_PREFIX + "order-12");
    assertThat(RefundKeys.DERIVED_PREFIX).isNotEqualTo(RefundKeys.CLIENT_PREFIX);
  }

  @Test
  void aClientKeyMustBeShortAndPlain() {
    String longest = "k".repeat(RefundKeys.MAX_CLIENT_KEY_LENGTH);
    assertThat(RefundKeys.of(Optional.of(longest), "c", "86138", 1, "r"))
        .hasSizeLessThanOrEqualTo(128);
    for (String bad : new String[] {"", "a b", "x".repeat(65), "票号", "a/b"}) {
      assertThatThrownBy(() -> RefundKeys.of(Optional.of(bad), "c", "86138", 1, "r"))
          .as("'%s'", bad)
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.error().status()).isEqualTo(400);
                assertThat(e.error().field()).isEqualTo(RefundKeys.HEADER);
              });
    }
  }
}
