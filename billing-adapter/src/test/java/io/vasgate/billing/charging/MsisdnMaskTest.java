package io.vasgate.billing.charging;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class MsisdnMaskTest {

  @Property
  void keepsPrefixAndSuffixOfLongNumbersAndHidesTheMiddle(
      @ForAll @NumericChars @StringLength(min = 8, max = 21) String msisdn) {
    String masked = MsisdnMask.mask(msisdn);
    assertThat(masked).hasSameSizeAs(msisdn);
    assertThat(masked)
        .startsWith(msisdn.substring(0, 3))
        .endsWith(msisdn.substring(msisdn.length() - 4));
    assertThat(masked.substring(3, masked.length() - 4)).matches("\\*+");
  }

  @Property
  void showsAtMostTwoDigitsOfShortNumbers(
      @ForAll @NumericChars @StringLength(min = 0, max = 7) String msisdn) {
    String masked = MsisdnMask.mask(msisdn);
    assertThat(masked).hasSameSizeAs(msisdn);
    assertThat(masked.chars().filter(c -> c != '*').count()).isLessThanOrEqualTo(2);
  }

  @Example
  void masksAChineseMobileNumberAsOperationsExpect() {
    assertThat(MsisdnMask.mask("13800138000")).isEqualTo("138****8000");
    assertThat(MsisdnMask.mask(null)).isEqualTo("null");
  }
}
