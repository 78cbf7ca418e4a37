package dev.alloydb.jakarta.ra.outbound;

import dev.alloydb.jakarta.connector.SqlStates;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The application's {@code java.sql.Connection}: every call goes to the physical connection of the managed
 * connection the handle is currently associated with. It holds only that association, a closed flag and the
 * statements it handed out; all other state lives in the managed connection.
 *
 * <ul>
 *   <li>{@code close()} is idempotent, closes the statements it handed out and tells the owner (which fires
 *       {@code CONNECTION_CLOSED}); every other call on a closed or invalidated handle fails with SQLState 08003.</li>
 *   <li>Statements and metadata are handles too ({@link DependentHandle}), so their {@code getConnection()} returns
 *       this handle.</li>
 *   <li>While the container manages a local transaction, {@code commit}, {@code rollback}, {@code setAutoCommit}
 *       and {@code setSavepoint} are refused (the transaction belongs to the container).</li>
 *   <li>A change of auto-commit, isolation, read-only, schema or network timeout is announced to the owner first,
 *       so cleanup can reset it.</li>
 * </ul>
 *
 * <p>Every other call is delegated in one pattern: {@link #openOwner()}, call the physical connection, report an
 * {@code SQLException} through {@link #failed}. Identity {@code equals}/{@code hashCode}. Thread-safe.
 */
final class ConnectionHandle implements Connection {

  private final Set<Statement> openStatements = ConcurrentHashMap.newKeySet();
  private volatile HandleOwner owner;
  private volatile boolean closed;

  private ConnectionHandle(HandleOwner owner) {
    this.owner = owner;
  }

  /** A new open handle associated with {@code owner}. */
  static ConnectionHandle create(HandleOwner owner) {
    return new ConnectionHandle(owner);
  }

  /** The handle behind an application connection object, if it is one of ours. */
  static Optional<ConnectionHandle> of(Object connection) {
    return connection instanceof ConnectionHandle handle ? Optional.of(handle) : Optional.empty();
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

  /**
   * Detaches the handle for good without a {@code CONNECTION_CLOSED} event (managed connection cleanup or
   * destroy): later calls fail, and the statements it handed out are closed.
   */
  void invalidate() {
    closed = true;
    owner = null;
    closeStatements();
  }

  void forget(Statement statement) {
    openStatements.remove(statement);
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

  /** Whether the application closed the handle or its managed connection invalidated it. */
  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
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
      current.handleClosed(this);
    }
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (closed) {
      return false;
    }
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().isValid(timeout);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (closed) {
      // JDBC: aborting a closed connection is a no-op; the physical one may already serve another user.
      return;
    }
    HandleOwner current = openOwner();
    try {
      current.physicalConnection().abort(executor);
    } catch (SQLException e) {
      throw failed(current, e);
    }
    // JDBC: an aborted connection is closed. Its physical connection must leave the pool, not go back to it.
    closed = true;
    current.sqlFailed(this, new SQLNonTransientConnectionException("The application aborted the connection",
        SqlStates.CONNECTION_DOES_NOT_EXIST));
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    // Unwrapping to the physical object is left to it: pgjdbc answers for its own classes.
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().unwrap(type);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    if (type.isInstance(this)) {
      return true;
    }
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().isWrapperFor(type);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public String toString() {
    return "AlloyDB connection handle" + (closed ? " (closed)" : "");
  }

  @Override
  public Statement createStatement() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return statement(current, current.physicalConnection().createStatement());
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return statement(current, current.physicalConnection().prepareStatement(sql));
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return statement(current, current.physicalConnection().prepareCall(sql));
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().nativeSQL(sql);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    HandleOwner current = demarcating("setAutoCommit");
    current.clientStateChanging(ClientAttribute.AUTO_COMMIT);
    try {
      current.physicalConnection().setAutoCommit(autoCommit);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().getAutoCommit();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void commit() throws SQLException {
    HandleOwner current = demarcating("commit");
    try {
      current.physicalConnection().commit();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void rollback() throws SQLException {
    HandleOwner current = demarcating("rollback");
    try {
      current.physicalConnection().rollback();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return new MetaDataHandle(current.physicalConnection().getMetaData(), this, current);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    HandleOwner current = openOwner();
    current.clientStateChanging(ClientAttribute.READ_ONLY);
    try {
      current.physicalConnection().setReadOnly(readOnly);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().isReadOnly();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    HandleOwner current = openOwner();
    try {
      current.physicalConnection().setCatalog(catalog);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public String getCatalog() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().getCatalog();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    HandleOwner current = openOwner();
    current.clientStateChanging(ClientAttribute.ISOLATION);
    try {
      current.physicalConnection().setTransactionIsolation(level);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().getTransactionIsolation();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().getWarnings();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void clearWarnings() throws SQLException {
    HandleOwner current = openOwner();
    try {
      current.physicalConnection().clearWarnings();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return statement(current, current.physicalConnection().createStatement(resultSetType, resultSetConcurrency));
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType,
      int resultSetConcurrency) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return statement(current, current.physicalConnection().prepareStatement(sql, resultSetType,
          resultSetConcurrency));
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return statement(current, current.physicalConnection().prepareCall(sql, resultSetType, resultSetConcurrency));
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public java.util.Map<String, Class<?>> getTypeMap() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().getTypeMap();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void setTypeMap(java.util.Map<String, Class<?>> map) throws SQLException {
    HandleOwner current = openOwner();
    try {
      current.physicalConnection().setTypeMap(map);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    HandleOwner current = openOwner();
    try {
      current.physicalConnection().setHoldability(holdability);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public int getHoldability() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().getHoldability();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    HandleOwner current = demarcating("setSavepoint");
    try {
      return current.physicalConnection().setSavepoint();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    HandleOwner current = demarcating("setSavepoint");
    try {
      return current.physicalConnection().setSavepoint(name);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    HandleOwner current = demarcating("rollback");
    try {
      current.physicalConnection().rollback(savepoint);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    HandleOwner current = openOwner();
    try {
      current.physicalConnection().releaseSavepoint(savepoint);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return statement(current, current.physicalConnection().createStatement(resultSetType, resultSetConcurrency,
          resultSetHoldability));
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return statement(current, current.physicalConnection().prepareStatement(sql, resultSetType,
          resultSetConcurrency, resultSetHoldability));
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return statement(current, current.physicalConnection().prepareCall(sql, resultSetType, resultSetConcurrency,
          resultSetHoldability));
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return statement(current, current.physicalConnection().prepareStatement(sql, autoGeneratedKeys));
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return statement(current, current.physicalConnection().prepareStatement(sql, columnIndexes));
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return statement(current, current.physicalConnection().prepareStatement(sql, columnNames));
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public Clob createClob() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().createClob();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public Blob createBlob() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().createBlob();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public NClob createNClob() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().createNClob();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().createSQLXML();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    HandleOwner current = clientInfoOwner();
    try {
      current.physicalConnection().setClientInfo(name, value);
    } catch (SQLClientInfoException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    HandleOwner current = clientInfoOwner();
    try {
      current.physicalConnection().setClientInfo(properties);
    } catch (SQLClientInfoException e) {
      throw failed(current, e);
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().getClientInfo(name);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().getClientInfo();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().createArrayOf(typeName, elements);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().createStruct(typeName, attributes);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    HandleOwner current = openOwner();
    current.clientStateChanging(ClientAttribute.SCHEMA);
    try {
      current.physicalConnection().setSchema(schema);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public String getSchema() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().getSchema();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    HandleOwner current = openOwner();
    current.clientStateChanging(ClientAttribute.NETWORK_TIMEOUT);
    try {
      current.physicalConnection().setNetworkTimeout(executor, milliseconds);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().getNetworkTimeout();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void beginRequest() throws SQLException {
    HandleOwner current = openOwner();
    try {
      current.physicalConnection().beginRequest();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void endRequest() throws SQLException {
    HandleOwner current = openOwner();
    try {
      current.physicalConnection().endRequest();
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey,
      int timeout) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
    HandleOwner current = openOwner();
    try {
      return current.physicalConnection().setShardingKeyIfValid(shardingKey, timeout);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
    HandleOwner current = openOwner();
    try {
      current.physicalConnection().setShardingKey(shardingKey, superShardingKey);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey) throws SQLException {
    HandleOwner current = openOwner();
    try {
      current.physicalConnection().setShardingKey(shardingKey);
    } catch (SQLException e) {
      throw failed(current, e);
    }
  }

  private HandleOwner openOwner() throws SQLException {
    HandleOwner current = owner;
    if (closed || current == null) {
      throw closedFailure();
    }
    return current;
  }

  /** {@link #openOwner()} for {@code setClientInfo}, which may throw only {@code SQLClientInfoException}. */
  private HandleOwner clientInfoOwner() throws SQLClientInfoException {
    try {
      return openOwner();
    } catch (SQLException closedHandle) {
      throw new SQLClientInfoException(closedHandle.getMessage(), closedHandle.getSQLState(), Map.of(), closedHandle);
    }
  }

  /** {@link #openOwner()} for transaction demarcation, which the container owns while it manages a transaction. */
  private HandleOwner demarcating(String operation) throws SQLException {
    HandleOwner current = openOwner();
    if (current.inManagedTransaction()) {
      throw new SQLException(operation + " is not allowed while the container manages the transaction",
          SqlStates.INVALID_TRANSACTION_STATE);
    }
    return current;
  }

  private <E extends SQLException> E failed(HandleOwner current, E failure) {
    current.sqlFailed(this, failure);
    return failure;
  }

  private Statement statement(HandleOwner current, Statement statement) {
    openStatements.add(statement);
    return new StatementHandle(statement, this, current);
  }

  private PreparedStatement statement(HandleOwner current, PreparedStatement statement) {
    openStatements.add(statement);
    return new PreparedStatementHandle(statement, this, current);
  }

  private CallableStatement statement(HandleOwner current, CallableStatement statement) {
    openStatements.add(statement);
    return new CallableStatementHandle(statement, this, current);
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
}
