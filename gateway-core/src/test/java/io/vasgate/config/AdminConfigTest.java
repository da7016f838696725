package io.vasgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.admin.auth.AdminRole;
import io.vasgate.admin.auth.AdminUser;
import io.vasgate.app.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminConfigTest {

  private final GatewayConfigLoader loader = new GatewayConfigLoader();

  private AdminConfig admin(String users) {
    return loader.parse("admin:\n  users:\n" + users.indent(4), Path.of("conf")).admin();
  }

  private ConfigException refused(String users) {
    try {
      admin(users);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("accepted: " + users);
  }

  @Test
  void readsUsersAndKeepsOnlyTheHashOfTheirTokens() {
    AdminConfig config =
        admin(
            """
            - {name: ops, token: a-long-enough-token-1, role: OPERATOR}
            - {name: viewer, token: a-long-enough-token-2, role: read_only}
            """);

    assertThat(config.users())
        .containsExactly(
            new AdminUser("ops", AdminUser.sha256Hex("a-long-enough-token-1"), AdminRole.OPERATOR),
            new AdminUser(
                "viewer", AdminUser.sha256Hex("a-long-enough-token-2"), AdminRole.READ_ONLY));
    assertThat(config.users().get(0).toString())
        .doesNotContain(config.users().get(0).tokenSha256());
  }

  @Test
  void acceptsAPrecomputedHashInAnyCase() {
    String hash = AdminUser.sha256Hex("kept-out-of-the-file");
    AdminConfig config =
        admin("- {name: ci, tokenSha256: " + hash.toUpperCase() + ", role: OPERATOR}");
    assertThat(config.users().get(0).tokenSha256()).isEqualTo(hash);
  }

  @Test
  void noUsersIsAllowed() {
    assertThat(loader.parse("", Path.of("conf")).admin().users()).isEmpty();
  }

  @Test
  void refusesAUserConfiguredTwice() {
    assertThat(
            refused(
                """
                - {name: ops, token: a-long-enough-token-1, role: OPERATOR}
                - {name: ops, token: a-long-enough-token-2, role: READ_ONLY}
                """))
        .hasMessage("admin.users[1].name: 'ops' is configured twice");
  }

  @Test
  void refusesOneTokenForTwoUsers() {
    assertThat(
            refused(
                    """
                - {name: ops, token: a-long-enough-token-1, role: OPERATOR}
                - {name: alice, token: a-long-enough-token-1, role: READ_ONLY}
                """)
                .getMessage())
        .startsWith("admin.users[1].token:");
  }

  @Test
  void refusesAShortToken() {
    assertThat(refused("- {name: ops, token: short, role: OPERATOR}").getMessage())
        .startsWith("admin.users[0]:")
        .contains("at least " + AdminUser.MIN_TOKEN_LENGTH);
  }

  @Test
  void refusesBothOrNeitherOfTokenAndHash() {
    String hash = AdminUser.sha256Hex("x");
    assertThat(
            refused(
                    "- {name: ops, token: a-long-enough-token-1, tokenSha256: "
                        + hash
                        + ", role: OPERATOR}")
                .getMessage())
        .contains("exactly one of token and tokenSha256");
    assertThat(refused("- {name: ops, role: OPERATOR}").getMessage())
        .contains("exactly one of token and tokenSha256");
  }

  @Test
  void refusesAMissingOrUnknownRole() {
    assertThat(refused("- {name: ops, token: a-long-enough-token-1}").getMessage())
        .contains("role is required");
    assertThat(refused("- {name: ops, token: a-long-enough-token-1, role: ROOT}").getMessage())
        .startsWith("admin.users[0].role: must be one of [READ_ONLY, OPERATOR]");
  }

  @Test
  void refusesAMisspeltKeyAndANameTheAuditLogCannotHold() {
    assertThat(refused("- {name: ops, tokn: a-long-enough-token-1, role: OPERATOR}").getMessage())
        .contains("exactly one of token");
    assertThat(refused("- {name: ops, token: a-long-enough-token-1, role: OPERATOR, rol: x}"))
        .hasMessage("admin.users[0].rol: is not a known setting");
    assertThat(
            refused("- {name: \"system:me\", token: a-long-enough-token-1, role: OPERATOR}")
                .getMessage())
        .startsWith("admin.users[0]:")
        .contains("name must be");
  }

  @Test
  void theShippedConfigurationHasTheDemoUsersAndSeedsTheShippedCatalog() {
    Path conf = TestGateway.shippedCatalog().getParent();
    GatewayConfig config = loader.load(conf.resolve("gateway.yaml"), Map.of(), Map.of());

    assertThat(config.admin().users())
        .extracting(AdminUser::name, AdminUser::role)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ops", AdminRole.OPERATOR),
            org.assertj.core.groups.Tuple.tuple("viewer", AdminRole.READ_ONLY));
    assertThat(config.admin().users().get(0).tokenSha256())
        .isEqualTo(AdminUser.sha256Hex("ops-demo-token-change-me"));
    assertThat(config.catalog().seedFile()).contains(conf.resolve("catalog.yaml").toAbsolutePath());
    assertThat(config.catalog().seedFileRequired()).isTrue();
    assertThat(Files.isRegularFile(config.catalog().seedFile().orElseThrow())).isTrue();
  }
}
