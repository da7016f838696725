package io.vasgate.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdminAuthenticatorTest {

  private static final String OPS_TOKEN = "ops-token-0123456789";
  private static final String VIEWER_TOKEN = "viewer-token-0123456789";

  private final AdminAuthenticator authenticator =
      new AdminAuthenticator(
          List.of(
              AdminUser.withToken("ops", OPS_TOKEN, AdminRole.OPERATOR),
              AdminUser.withToken("viewer", VIEWER_TOKEN, AdminRole.READ_ONLY)));

  @Test
  void findsTheUserOfABearerToken() {
    assertThat(authenticator.authenticate("Bearer " + OPS_TOKEN))
        .get()
        .extracting(AdminUser::name)
        .isEqualTo("ops");
    assertThat(authenticator.authenticate("bearer  " + VIEWER_TOKEN + " "))
        .get()
        .extracting(AdminUser::name)
        .isEqualTo("viewer");
  }

  @Test
  void findsNoUserForAnythingElse() {
    assertThat(authenticator.authenticate(null)).isEmpty();
    assertThat(authenticator.authenticate("")).isEmpty();
    assertThat(authenticator.authenticate("Bearer")).isEmpty();
    assertThat(authenticator.authenticate("Bearer ")).isEmpty();
    assertThat(authenticator.authenticate(OPS_TOKEN)).isEmpty();
    assertThat(authenticator.authenticate("Basic " + OPS_TOKEN)).isEmpty();
    assertThat(authenticator.authenticate("Bearer " + OPS_TOKEN + "x")).isEmpty();
    assertThat(authenticator.authenticate("Bearer " + OPS_TOKEN.toUpperCase())).isEmpty();
  }

  @Test
  void withoutUsersNobodyIsAuthenticated() {
    assertThat(new AdminAuthenticator(List.of()).authenticate("Bearer " + OPS_TOKEN)).isEmpty();
  }

  @Test
  void anOperatorMayDoWhatAReadOnlyUserMayButNotTheOtherWayRound() {
    assertThat(AdminRole.OPERATOR.permits(AdminRole.OPERATOR)).isTrue();
    assertThat(AdminRole.OPERATOR.permits(AdminRole.READ_ONLY)).isTrue();
    assertThat(AdminRole.READ_ONLY.permits(AdminRole.READ_ONLY)).isTrue();
    assertThat(AdminRole.READ_ONLY.permits(AdminRole.OPERATOR)).isFalse();
  }

  @Test
  void hashesTokensWithSha256() {
    // printf %s abc | sha256sum
    assertThat(AdminUser.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
