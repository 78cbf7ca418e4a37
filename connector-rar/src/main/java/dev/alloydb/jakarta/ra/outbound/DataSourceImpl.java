package dev.alloydb.jakarta.ra.outbound;

import dev.alloydb.jakarta.connector.SqlStates;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.PrintWriter;
import java.io.Serial;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.naming.Reference;
import javax.sql.DataSource;

/**
 * The {@code javax.sql.DataSource} applications get from JNDI: every connection comes from the container's pool
 * through {@link ConnectionManager#allocateConnection}. Serializable and Referenceable so the server can bind it; the
 * serialized form carries the factory's pool properties but never the password.
 */
public final class DataSourceImpl implements DataSource, Serializable, Referenceable {

  @Serial
  private static final long serialVersionUID = 1L;

  /** The factory whose pool properties the serialized form carries. */
  private final ManagedConnectionFactoryImpl factory;
  /** The server's connection manager (pool). */
  private final ConnectionManager connectionManager;
  /** The JNDI reference the server set. */
  private volatile Reference reference;
  /** {@link #getLoginTimeout()}, in seconds. */
  private volatile int loginTimeout;

  DataSourceImpl(ManagedConnectionFactoryImpl factory, ConnectionManager connectionManager) {
    this.factory = factory;
    this.connectionManager = connectionManager;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return allocate(null);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    if (user == null || user.isBlank()) {
      throw new SQLException("getConnection(user, password) needs a database user name, got "
          + (user == null ? "null" : "a blank one") + "; call getConnection() for the pool's configured login",
          SqlStates.UNABLE_TO_CONNECT);
    }
    return allocate(new ConnectionRequestInfoImpl(user, password));
  }

  private Connection allocate(ConnectionRequestInfoImpl request) throws SQLException {
    try {
      return (Connection) connectionManager.allocateConnection(factory, request);
    } catch (ResourceException e) {
      String state = e.getErrorCode() != null && e.getErrorCode().length() == 5
          ? e.getErrorCode() : SqlStates.UNABLE_TO_CONNECT;
      throw new SQLException(e.getMessage(), state, e);
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // Logging goes through java.util.logging; there is no per-DataSource writer.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("The AlloyDB DataSource logs through java.util.logging directly");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("Not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public void setReference(Reference reference) {
    this.reference = reference;
  }

  @Override
  public Reference getReference() {
    return reference;
  }
}
