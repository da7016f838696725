package io.vasgate.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

  private final PasswordHasher cheap =
      new PasswordHasher(new SecureRandom(), PasswordHasher.MIN_ITERATIONS);

  @Test
  void samePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
    PasswordHasher hasher = new PasswordHasher();
    String first = hasher.hash("demo");
    String second = hasher.hash("demo");

    assertThat(first).isNotEqualTo(second);
    assertThat(hasher.verify("demo", first)).isTrue();
    assertThat(hasher.verify("demo", second)).isTrue();
  }

  @Test
  void rejectsEveryPasswordButTheOneHashed() {
    String hash = cheap.hash("s3cret");

    assertThat(cheap.verify("s3cret", hash)).isTrue();
    assertThat(cheap.verify("S3cret", hash)).isFalse();
    assertThat(cheap.verify("s3cre", hash)).isFalse();
    assertThat(cheap.verify("s3cret ", hash)).isFalse();
    assertThat(cheap.verify("", hash)).isFalse();
  }

  @Test
  void encodedHashNamesSchemeAndIterationsAndCarriesSaltAndHash() {
    String hash = new PasswordHasher().hash("demo");
    String[] parts = hash.split("\\$");

    assertThat(parts).hasSize(4);
    assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
    assertThat(parts[1]).isEqualTo(String.valueOf(PasswordHasher.DEFAULT_ITERATIONS));
    assertThat(Base64.getDecoder().decode(parts[2])).hasSize(PasswordHasher.SALT_BYTES);
    assertThat(Base64.getDecoder().decode(parts[3])).hasSize(PasswordHasher.HASH_BYTES);
    assertThat(PasswordHasher.isWellFormed(hash)).isTrue();
  }

  @Test
  void verifiesWithTheIterationCountStoredInTheHash() {
    String oldHash = cheap.hash("demo");

    assertThat(new PasswordHasher().verify("demo", oldHash)).isTrue();
    assertThat(new PasswordHasher().verify("mode", oldHash)).isFalse();
  }

  @Test
  void tamperedHashNoLongerVerifies() {
    String hash = cheap.hash("demo");
    String[] parts = hash.split("\\$");
    byte[] digest = Base64.getDecoder().decode(parts[3]);
    digest[0] ^= 1;
    String tampered =
        String.join(
            "$",
            parts[0],
            parts[1],
            parts[2],
            Base64.getEncoder().withoutPadding().encodeToString(digest));

    assertThat(cheap.verify("demo", tampered)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "demo",
        "pbkdf2-sha256$1000$c2FsdHNhbHQ",
        "bcrypt$1000$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
        "pbkdf2-sha256$many$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
        "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
        "pbkdf2-sha256$99999999$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
        "pbkdf2-sha256$1000$not base64!$aGFzaGhhc2hoYXNoaGFzaA",
        "pbkdf2-sha256$1000$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0$aGFzaA",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA$extra"
      })
  void rejectsMalformedHashesWithoutEchoingThem(String encoded) {
    assertThat(PasswordHasher.isWellFormed(encoded)).isFalse();
    assertThatThrownBy(() -> cheap.verify("demo", encoded))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(
            e -> {
              if (encoded.length() > 8) {
                assertThat(e.getMessage()).doesNotContain(encoded);
              }
            });
  }

  @Test
  void refusesIterationCountsOutsideTheSupportedRange() {
    assertThatThrownBy(() -> new PasswordHasher(new SecureRandom(), 999))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999");
    assertThatThrownBy(() -> new PasswordHasher(new SecureRandom(), 1_000_001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dummyVerificationNeverSucceeds() {
    assertThat(cheap.verifyDummy("demo")).isFalse();
    assertThat(cheap.verifyDummy("")).isFalse();
    assertThat(cheap.verifyDummy(null)).isFalse();
  }

  @Test
  void defaultCostKeepsABindVerificationWellUnderTheBindTimeout() {
    PasswordHasher hasher = new PasswordHasher();
    String hash = hasher.hash("demo");
    for (int i = 0; i < 5; i++) { // a cold JVM interprets PBKDF2 many times slower
      hasher.verify("demo", hash);
    }
    long[] nanos = new long[7];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      assertThat(hasher.verify("demo", hash)).isTrue();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);

    // About 2-4 ms on server CPUs; a generous bound still catches an accidental 100x increase.
    assertThat(nanos[nanos.length / 2]).isLessThan(250_000_000L);
  }

  @Property(tries = 40)
  void anySmppPasswordVerifiesAndAnyAlteredOneDoesNot(
      @ForAll @StringLength(max = 8) @CharRange(from = ' ', to = '~') String password) {
    String hash = cheap.hash(password);

    assertThat(cheap.verify(password, hash)).isTrue();
    assertThat(cheap.verify(password + "x", hash)).isFalse();
  }
}
