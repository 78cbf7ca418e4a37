package dev.alloydb.jakarta.ra.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * The user and password an application passed to {@code DataSource.getConnection(user, password)}. The spec
 * requires value equality here: equal logins let the pool match a connection made for the same login.
 */
final class ConnectionRequestInfoImpl implements ConnectionRequestInfo {

  private final LoginCredentials credentials;

  /**
   * @param user database user
   * @param password password, may be {@code null}
   */
  ConnectionRequestInfoImpl(String user, String password) {
    this.credentials = new LoginCredentials(user, password);
  }

  LoginCredentials credentials() {
    return credentials;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConnectionRequestInfoImpl that && credentials.equals(that.credentials);
  }

  @Override
  public int hashCode() {
    return credentials.hashCode();
  }

  @Override
  public String toString() {
    return "ConnectionRequestInfoImpl[user=" + credentials.user() + ", password=<masked>]";
  }
}
