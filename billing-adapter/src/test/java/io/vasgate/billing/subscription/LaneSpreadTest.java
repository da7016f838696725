package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LaneSpreadTest {

  @Test
  void numbersOfOneThousandBlockShareALaneSpread() {
    assertThat(SubscriptionRepository.laneSpread("8613900000999"))
        .isEqualTo(SubscriptionRepository.laneSpread("8613900000000"))
        .isEqualTo(SubscriptionRepository.laneSpread("8613900000457"));
  }

  @Test
  void theNextBlockHasItsOwnSpread() {
    assertThat(SubscriptionRepository.laneSpread("8613900001000"))
        .isNotEqualTo(SubscriptionRepository.laneSpread("8613900000999"));
  }

  @Test
  void aKeyNoLongerThanABlockIsItsOwnSpread() {
    assertThat(SubscriptionRepository.laneSpread("")).isEqualTo("".hashCode());
    assertThat(SubscriptionRepository.laneSpread("123")).isEqualTo("123".hashCode());
    assertThat(SubscriptionRepository.laneSpread("1234")).isEqualTo("1".hashCode());
  }
}
