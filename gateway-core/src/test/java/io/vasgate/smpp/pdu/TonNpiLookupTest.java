package io.vasgate.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link Ton#of} and {@link Npi#of} answer from a table built once; these check the table against a
 * plain search of the constants for every octet, signed as well as unsigned (callers pass a raw
 * {@code byte}, so 0x80..0xFF arrive negative).
 */
class TonNpiLookupTest {

  @Test
  void npiLookupAgreesWithTheConstantsForEveryCode() {
    for (int code = -256; code <= 256; code++) {
      int c = code;
      Optional<Npi> expected = Arrays.stream(Npi.values()).filter(n -> n.code() == c).findFirst();
      assertThat(Npi.of(code)).as("NPI %d", code).isEqualTo(expected);
      assertThat(Npi.isValid(code)).as("NPI %d", code).isEqualTo(expected.isPresent());
    }
  }

  @Test
  void tonLookupAgreesWithTheConstantsForEveryCode() {
    for (int code = -256; code <= 256; code++) {
      int c = code;
      Optional<Ton> expected = Arrays.stream(Ton.values()).filter(t -> t.code() == c).findFirst();
      assertThat(Ton.of(code)).as("TON %d", code).isEqualTo(expected);
      assertThat(Ton.isValid(code)).as("TON %d", code).isEqualTo(expected.isPresent());
    }
  }

  @Test
  void addressNamesItsTonAndNpiWithoutAllocatingANewOptionalEachTime() {
    Address address = Address.international("8613800138000");
    assertThat(address.typeOfNumber()).contains(Ton.INTERNATIONAL);
    assertThat(address.numberingPlan()).contains(Npi.ISDN);
    assertThat(address.numberingPlan()).isSameAs(address.numberingPlan());
    assertThat(new Address((byte) 0x80, (byte) 0xFF, "1").numberingPlan()).isEmpty();
  }
}
