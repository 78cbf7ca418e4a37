package dev.alloydb.jakarta.ra.outbound;

import java.util.Objects;

/** The database login of one managed connection; equal logins may share pooled connections. */
final class LoginCredentials {

  private final String user;
  private final String password;

  LoginCredentials(String user, String password) {
    this.user = Objects.requireNonNull(user, "user");
    this.password = password;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LoginCredentials that && user.equals(that.user)
        && Objects.equals(password, that.password);
  }

  @Override
  public int hashCode() {
    return user.hashCode();
  }

  @Override
  public String toString() {
    return "LoginCredentials[user=" + user + ", password=<masked>]";
  }
}
