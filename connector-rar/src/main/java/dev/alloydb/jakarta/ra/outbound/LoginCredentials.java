package dev.alloydb.jakarta.ra.outbound;

import java.util.Objects;

/**
 * The database login of one managed connection; equal logins may share pooled connections.
 *
 * @param user database user
 * @param password password, or {@code null}; never shown by {@link #toString()}
 */
record LoginCredentials(String user, String password) {

  LoginCredentials {
    Objects.requireNonNull(user, "user");
  }

  @Override
  public String toString() {
    return "LoginCredentials[user=" + user + ", password=<masked>]";
  }
}
