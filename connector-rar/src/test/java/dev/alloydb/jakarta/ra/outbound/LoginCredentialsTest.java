package dev.alloydb.jakarta.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** LoginCredentials writes its value methods out (see the class); they must still behave as a record's. */
class LoginCredentialsTest {

  @Test
  void equalUserAndPasswordAreEqual() {
    assertThat(new LoginCredentials("app", "secret")).isEqualTo(new LoginCredentials("app", "secret"))
        .hasSameHashCodeAs(new LoginCredentials("app", "secret"));
    assertThat(new LoginCredentials("app", null)).isEqualTo(new LoginCredentials("app", null))
        .hasSameHashCodeAs(new LoginCredentials("app", null));
  }

  @Test
  void aDifferentUserOrPasswordIsADifferentLogin() {
    LoginCredentials login = new LoginCredentials("app", "secret");

    assertThat(login).isNotEqualTo(new LoginCredentials("other", "secret"))
        .isNotEqualTo(new LoginCredentials("app", "other"))
        .isNotEqualTo(new LoginCredentials("app", null))
        .isNotEqualTo("app");
    assertThat(new LoginCredentials("app", null)).isNotEqualTo(login);
  }

  @Test
  void toStringShowsTheUserButNotThePassword() {
    assertThat(new LoginCredentials("app", "secret").toString()).contains("user=app").doesNotContain("secret");
  }
}
