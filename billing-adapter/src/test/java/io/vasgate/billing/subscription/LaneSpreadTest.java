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
  void aShortNumberKeepsItsFirstDigit() {
    assertThat(SubscriptionRepository.laneSpread("12"))
        .isEqualTo(SubscriptionRepository.laneSpread("1"))
        .isNotEqualTo(SubscriptionRepository.laneSpread("2"));
  }
}
