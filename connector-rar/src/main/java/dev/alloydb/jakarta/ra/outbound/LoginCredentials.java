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

  // equals, hashCode and toString are written out: the generated ones link through java.lang.runtime.ObjectMethods,
  // whose shared method handles on JDK 17 keep the last type adapted to them, and so this adapter's class loader
  // after undeploy (JDK-8078641, fixed in JDK 18).
  @Override
  public boolean equals(Object other) {
    return other instanceof LoginCredentials that && user.equals(that.user)
        && Objects.equals(password, that.password);
  }

  @Override
  public int hashCode() {
    return 31 * user.hashCode() + Objects.hashCode(password);
  }

  @Override
  public String toString() {
    return "LoginCredentials[user=" + user + ", password=<masked>]";
  }
}
