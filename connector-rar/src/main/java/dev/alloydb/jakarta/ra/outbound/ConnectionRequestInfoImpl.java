package dev.alloydb.jakarta.ra.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;
import java.util.Objects;

/** The user and password an application passed to {@code DataSource.getConnection(user, password)}. */
public final class ConnectionRequestInfoImpl implements ConnectionRequestInfo {

  private final String user;
  private final String password;

  /**
   * @param user database user
   * @param password password, may be {@code null}
   */
  public ConnectionRequestInfoImpl(String user, String password) {
    this.user = Objects.requireNonNull(user, "user");
    this.password = password;
  }

  LoginCredentials credentials() {
    return new LoginCredentials(user, password);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConnectionRequestInfoImpl that && user.equals(that.user)
        && Objects.equals(password, that.password);
  }

  @Override
  public int hashCode() {
    return user.hashCode();
  }

  @Override
  public String toString() {
    return "ConnectionRequestInfoImpl[user=" + user + ", password=<masked>]";
  }
}
