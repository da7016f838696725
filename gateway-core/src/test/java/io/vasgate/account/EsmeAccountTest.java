package io.vasgate.account;

import static io.vasgate.account.TestAccounts.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.smpp.pdu.BindType;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EsmeAccountTest {

  private final PasswordHasher hasher =
      new PasswordHasher(new SecureRandom(), PasswordHasher.MIN_ITERATIONS);

  @Test
  void systemIdMayUseAllFifteenCharactersSmppAllows() {
    assertThat(account("abcdefghijklmno").spec().systemId()).hasSize(15);
    assertThat(EsmeAccount.MAX_SYSTEM_ID_LENGTH).isEqualTo(15);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abcdefghijklmnop", "has space", "tab\tid", "天气"})
  void rejectsSystemIdsSmppCannotCarry(String systemId) {
    assertThatThrownBy(() -> account(systemId).spec())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("system_id")
        .hasMessageContaining("'" + systemId + "'");
    assertThat(EsmeAccount.isValidSystemId(systemId)).isFalse();
  }

  @Test
  void rejectsNullSystemId() {
    assertThatThrownBy(() -> account(null).spec()).hasMessageContaining("null");
  }

  @Test
  void rejectsNonPositiveLimitsNamingTheField() {
    assertThatThrownBy(() -> account("demo").maxBinds(0).spec())
        .hasMessageContaining("'demo'")
        .hasMessageContaining("maxBinds");
    assertThatThrownBy(() -> account("demo").maxSubmitPerSecond(0).spec())
        .hasMessageContaining("maxSubmitPerSecond");
    assertThatThrownBy(() -> account("demo").windowSize(-1).spec())
        .hasMessageContaining("windowSize");
  }

  @Test
  void rejectsAccountWithoutBindTypes() {
    EsmeAccount valid = account("demo").account(hasher);

    assertThatThrownBy(
            () ->
                new EsmeAccount(
                    "demo",
                    valid.passwordHash(),
                    Set.of(),
                    1,
                    List.of(),
                    EsmeRole.ESME,
                    10,
                    10,
                    true))
        .hasMessageContaining("allowedBindTypes");
  }

  @Test
  void rejectsPasswordHashInAnotherFormat() {
    assertThatThrownBy(
            () ->
                new EsmeAccount(
                    "demo",
                    "plaintext",
                    EnumSet.of(BindType.TRANSCEIVER),
                    1,
                    List.of(),
                    EsmeRole.ESME,
                    10,
                    10,
                    true))
        .hasMessageContaining("passwordHash")
        .hasMessageNotContaining("plaintext");
  }

  @Test
  void specPasswordMayHaveEightCharactersButNotNineNorNone() {
    assertThat(account("demo").password("12345678").spec().password()).hasSize(8);
    assertThatThrownBy(() -> account("demo").password("123456789").spec())
        .hasMessageContaining("password must be 1..8");
    assertThatThrownBy(() -> account("demo").password("").spec()).hasMessageContaining("password");
    assertThatThrownBy(() -> account("demo").password("密码").spec())
        .hasMessageContaining("password");
  }

  @Test
  void specBecomesAnAccountWhoseHashVerifiesItsPassword() {
    AccountSpec spec =
        account("mo")
            .password("mo")
            .role(EsmeRole.MO_SOURCE)
            .bindTypes(BindType.TRANSMITTER)
            .allowlist("10.0.0.0/8")
            .maxBinds(3)
            .spec();

    EsmeAccount stored = spec.toAccount(hasher);

    assertThat(hasher.verify("mo", stored.passwordHash())).isTrue();
    assertThat(stored.systemId()).isEqualTo("mo");
    assertThat(stored.role()).isEqualTo(EsmeRole.MO_SOURCE);
    assertThat(stored.allowedBindTypes()).containsExactly(BindType.TRANSMITTER);
    assertThat(stored.ipAllowlist()).containsExactly(CidrRange.parse("10.0.0.0/8"));
    assertThat(stored.maxBinds()).isEqualTo(3);
  }

  @Test
  void neitherPasswordNorHashAppearsInToString() {
    AccountSpec spec = account("demo").password("hunter2").spec();
    EsmeAccount stored = spec.toAccount(hasher);

    assertThat(spec.toString()).contains("demo").doesNotContain("hunter2");
    assertThat(stored.toString()).contains("demo").doesNotContain(stored.passwordHash());
  }

  @Test
  void emptyAllowlistAdmitsAnyPeerAndAListOnlyItsRanges() throws Exception {
    EsmeAccount open = account("demo").account(hasher);
    EsmeAccount fenced = account("demo").allowlist("192.0.2.0/24", "2001:db8::/32").account(hasher);

    assertThat(open.allowsPeer(InetAddress.getByName("198.51.100.1"))).isTrue();
    assertThat(fenced.allowsPeer(InetAddress.getByName("192.0.2.99"))).isTrue();
    assertThat(fenced.allowsPeer(InetAddress.getByName("2001:db8::5"))).isTrue();
    assertThat(fenced.allowsPeer(InetAddress.getByName("198.51.100.1"))).isFalse();
  }

  @Test
  void accountKeepsItsOwnCopiesOfTheCollections() {
    EnumSet<BindType> types = EnumSet.of(BindType.RECEIVER);
    List<CidrRange> ranges = new ArrayList<>(List.of(CidrRange.parse("10.0.0.0/8")));
    EsmeAccount stored =
        new EsmeAccount("demo", hasher.hash("x"), types, 1, ranges, EsmeRole.ESME, 10, 10, true);

    types.add(BindType.TRANSMITTER);
    ranges.clear();

    assertThat(stored.allows(BindType.TRANSMITTER)).isFalse();
    assertThat(stored.ipAllowlist()).hasSize(1);
    assertThatThrownBy(() -> stored.allowedBindTypes().add(BindType.TRANSMITTER))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void withersChangeOnlyTheirField() {
    EsmeAccount stored = account("demo").account(hasher);
    String newHash = hasher.hash("new");

    EsmeAccount changed = stored.withPasswordHash(newHash).withEnabled(false);

    assertThat(changed.passwordHash()).isEqualTo(newHash);
    assertThat(changed.enabled()).isFalse();
    assertThat(changed.withPasswordHash(stored.passwordHash()).withEnabled(true)).isEqualTo(stored);
  }
}
