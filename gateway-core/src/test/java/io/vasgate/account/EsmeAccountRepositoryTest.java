package io.vasgate.account;

import static io.vasgate.account.TestAccounts.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import io.vasgate.smpp.pdu.BindType;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EsmeAccountRepositoryTest {

  private final PasswordHasher hasher =
      new PasswordHasher(new SecureRandom(), PasswordHasher.MIN_ITERATIONS);
  private Database database;
  private EsmeAccountRepository repository;

  @BeforeEach
  void openDatabase() {
    database = TestDatabases.newDatabase("esme_account_repo");
    repository = new EsmeAccountRepository(database.dataSource(), hasher);
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void storedAccountReadsBackWithEveryField() {
    EsmeAccount mo =
        account("mo")
            .password("mo")
            .role(EsmeRole.MO_SOURCE)
            .bindTypes(BindType.TRANSMITTER, BindType.TRANSCEIVER)
            .maxBinds(4)
            .allowlist("10.0.0.0/8", "2001:db8::/32", "192.0.2.7")
            .maxSubmitPerSecond(250)
            .windowSize(64)
            .enabled(false)
            .account(hasher);

    repository.insert(mo);

    assertThat(repository.findBySystemId("mo")).contains(mo);
  }

  @Test
  void unknownSystemIdIsNotFoundAndLookupIsCaseSensitive() {
    repository.insert(account("demo").account(hasher));

    assertThat(repository.findBySystemId("nobody")).isEmpty();
    assertThat(repository.findBySystemId("DEMO")).isEmpty();
    assertThat(repository.findBySystemId("demo")).isPresent();
  }

  @Test
  void listsAccountsInSystemIdOrder() {
    repository.insert(account("zeta").account(hasher));
    repository.insert(account("alpha").account(hasher));
    repository.insert(account("mo").account(hasher));

    assertThat(repository.list())
        .extracting(EsmeAccount::systemId)
        .containsExactly("alpha", "mo", "zeta");
  }

  @Test
  void insertingAnExistingSystemIdFails() {
    repository.insert(account("demo").account(hasher));

    assertThatThrownBy(() -> repository.insert(account("demo").password("other").account(hasher)))
        .isInstanceOf(DuplicateSystemIdException.class)
        .hasMessageContaining("'demo'");
  }

  @Test
  void updateReplacesTheStoredFieldsAndReportsAMissingAccount() {
    EsmeAccount original = account("demo").account(hasher);
    repository.insert(original);
    EsmeAccount changed =
        account("demo")
            .password("changed")
            .bindTypes(BindType.RECEIVER)
            .maxBinds(7)
            .allowlist("198.51.100.0/24")
            .windowSize(3)
            .account(hasher);

    assertThat(repository.update(changed)).isTrue();
    assertThat(repository.update(changed)).as("an unchanged row still counts").isTrue();
    assertThat(repository.findBySystemId("demo")).contains(changed);
    assertThat(repository.update(account("ghost").account(hasher))).isFalse();
    assertThat(repository.findBySystemId("ghost")).isEmpty();
  }

  @Test
  void seedInsertsMissingAccountsAndKeepsExistingOnes() {
    AccountSpec demo = account("demo").password("demo").spec();
    AccountSpec mo = account("mo").password("mo").role(EsmeRole.MO_SOURCE).spec();

    List<EsmeAccount> first = repository.seed(List.of(demo, mo));

    assertThat(first).extracting(EsmeAccount::systemId).containsExactly("demo", "mo");
    assertThat(repository.list()).containsExactlyElementsOf(first);

    // An operator changes demo's password; the next start must not reset it.
    EsmeAccount stored = repository.findBySystemId("demo").orElseThrow();
    repository.update(stored.withPasswordHash(hasher.hash("n3w")));
    AccountSpec partner = account("partner").password("p4ss").spec();

    List<EsmeAccount> second = repository.seed(List.of(demo, mo, partner));

    assertThat(second).extracting(EsmeAccount::systemId).containsExactly("partner");
    EsmeAccount demoAfter = repository.findBySystemId("demo").orElseThrow();
    assertThat(hasher.verify("n3w", demoAfter.passwordHash())).isTrue();
    assertThat(hasher.verify("demo", demoAfter.passwordHash())).isFalse();
    assertThat(
            hasher.verify(
                "p4ss", repository.findBySystemId("partner").orElseThrow().passwordHash()))
        .isTrue();
    assertThat(repository.list()).hasSize(3);
  }

  @Test
  void seedRefusesASystemIdConfiguredTwice() {
    AccountSpec once = account("demo").password("a").spec();
    AccountSpec twice = account("demo").password("b").spec();

    assertThatThrownBy(() -> repository.seed(List.of(once, twice)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'demo'");
    assertThat(repository.list()).isEmpty();
  }

  @Test
  void storedPasswordIsHashedNeverPlain() {
    repository.seed(List.of(account("demo").password("demo1234").spec()));

    String stored = repository.findBySystemId("demo").orElseThrow().passwordHash();
    assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain("demo1234");
  }
}
