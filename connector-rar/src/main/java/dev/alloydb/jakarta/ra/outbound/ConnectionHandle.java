package dev.alloydb.jakarta.ra.outbound;

import dev.alloydb.jakarta.connector.SqlStates;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's {@code java.sql.Connection}: a dynamic proxy whose every call goes to the physical connection
 * of the managed connection it is currently associated with. It holds only that association and a closed flag;
 * all other state lives in the managed connection.
 *
 * <ul>
 *   <li>{@code close()} is idempotent, closes the statements it handed out and tells the owner (which fires
 *       {@code CONNECTION_CLOSED}); every other call on a closed or invalidated handle fails with SQLState 08003.</li>
 *   <li>Statements and metadata are proxies too, so their {@code getConnection()} returns this handle.</li>
 *   <li>While the container manages a local transaction, {@code commit}, {@code rollback} and
 *       {@code setAutoCommit} are refused (the transaction belongs to the container).</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
final class ConnectionHandle implements InvocationHandler {

  private static final Set<String> DEMARCATION = Set.of("commit", "rollback", "setAutoCommit", "setSavepoint");
  private static final Map<String, ClientAttribute> CLIENT_STATE = Map.of(
      "setAutoCommit", ClientAttribute.AUTO_COMMIT,
      "setTransactionIsolation", ClientAttribute.ISOLATION,
      "setReadOnly", ClientAttribute.READ_ONLY,
      "setSchema", ClientAttribute.SCHEMA,
      "setNetworkTimeout", ClientAttribute.NETWORK_TIMEOUT);

  private final Connection proxy;
  private final Set<Statement> openStatements = ConcurrentHashMap.newKeySet();
  private volatile HandleOwner owner;
  private volatile boolean closed;

  private ConnectionHandle(HandleOwner owner) {
    this.owner = owner;
    this.proxy = (Connection) Proxy.newProxyInstance(ConnectionHandle.class.getClassLoader(),
        new Class<?>[] {Connection.class}, this);
  }

  /** A new open handle associated with {@code owner}. */
  static ConnectionHandle create(HandleOwner owner) {
    return new ConnectionHandle(owner);
  }

  /** The handle behind an application connection object, if it is one of ours. */
  static Optional<ConnectionHandle> of(Object connection) {
    if (connection != null && Proxy.isProxyClass(connection.getClass())
        && Proxy.getInvocationHandler(connection) instanceof ConnectionHandle handle) {
      return Optional.of(handle);
    }
    return Optional.empty();
  }

  /** The object given to the application. */
  Connection proxy() {
    return proxy;
  }

  /** The managed connection this handle is associated with, or {@code null} once invalidated. */
  HandleOwner owner() {
    return owner;
  }

  /**
   * Re-points the handle to another managed connection ({@code ManagedConnection.associateConnection}). The
   * statements it handed out are closed, and they, their result sets and its metadata fail with 08003 from now on:
   * they belong to the previous physical connection, which may already serve another user.
   *
   * @return {@code false}, changing nothing, when the handle is closed
   */
  boolean associate(HandleOwner newOwner) {
    synchronized (this) {
      if (closed) {
        return false;
      }
      owner = newOwner;
    }
    closeStatements();
    return true;
  }

  /** Whether the application closed the handle or its managed connection invalidated it. */
  boolean isClosed() {
    return closed;
  }

  /**
   * Detaches the handle for good without a {@code CONNECTION_CLOSED} event (managed connection cleanup or
   * destroy): later calls fail, and the statements it handed out are closed.
   */
  void invalidate() {
    closed = true;
    owner = null;
    closeStatements();
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    Optional<Object> own = ProxyIdentity.answer(self, name, args,
        () -> "AlloyDB connection handle" + (closed ? " (closed)" : ""));
    if (own.isPresent()) {
      return own.get();
    }
    switch (name) {
      case "close":
        close();
        return null;
      case "isClosed":
        return closed;
      case "isValid":
        if (closed) {
          return false;
        }
        break;
      case "abort":
        if (closed) {
          // JDBC: aborting a closed connection is a no-op; the physical one may already serve another user.
          return null;
        }
        break;
      default:
        break;
    }
    HandleOwner current = openOwner();
    if (DEMARCATION.contains(name) && current.inManagedTransaction()) {
      throw new SQLException(name + " is not allowed while the container manages the transaction",
          SqlStates.INVALID_TRANSACTION_STATE);
    }
    ClientAttribute changing = CLIENT_STATE.get(name);
    if (changing != null) {
      current.clientStateChanging(changing);
    }
    Object result = call(current, current.physicalConnection(), method, args);
    if (name.equals("abort")) {
      // JDBC: an aborted connection is closed. Its physical connection must leave the pool, not go back to it.
      closed = true;
      current.sqlFailed(proxy,
          new SQLNonTransientConnectionException("The application aborted the connection",
          SqlStates.CONNECTION_DOES_NOT_EXIST));
    }
    return wrapResult(result, method.getReturnType(), current);
  }

  /** Calls {@code method} on a physical object, reporting SQL failures to the owner. */
  Object call(HandleOwner current, Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException failure && current != null) {
        current.sqlFailed(proxy, failure);
      }
      throw cause;
    }
  }

  void forget(Statement statement) {
    openStatements.remove(statement);
  }

  private HandleOwner openOwner() throws SQLException {
    HandleOwner current = owner;
    if (closed || current == null) {
      throw closedFailure();
    }
    return current;
  }

  /** What a call through this handle, or through an object it handed out, gets once the handle is closed. */
  static SQLException closedFailure() {
    return new SQLException("The connection handle is closed", SqlStates.CONNECTION_DOES_NOT_EXIST);
  }

  /** What a call through an object handed out before the handle was re-associated gets. */
  static SQLException staleFailure() {
    return new SQLException("This JDBC object belongs to the physical connection the handle used before it was "
        + "re-associated; create it again from the connection", SqlStates.CONNECTION_DOES_NOT_EXIST);
  }

  private void close() {
    HandleOwner current;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      current = owner;
    }
    closeStatements();
    if (current != null) {
      current.handleClosed(proxy);
    }
  }

  private void closeStatements() {
    for (Statement statement : openStatements) {
      openStatements.remove(statement);
      try {
        statement.close();
      } catch (SQLException e) {
        // JDBC: closing a connection closes its statements; a statement that fails to close is gone anyway.
      }
    }
  }

  private Object wrapResult(Object result, Class<?> type, HandleOwner current) {
    if (result == null) {
      return null;
    }
    if (type == Statement.class || type == PreparedStatement.class || type == CallableStatement.class) {
      openStatements.add((Statement) result);
      return DelegateHandle.wrap(result, type, this, current, null);
    }
    if (type == DatabaseMetaData.class) {
      return DelegateHandle.wrap(result, type, this, current, null);
    }
    return result;
  }
}
