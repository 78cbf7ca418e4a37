package dev.alloydb.jakarta.ra.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.SecurityException;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * One physical pgjdbc connection (from {@code Connector.connect}) pooled by the container.
 *
 * <ul>
 *   <li>Events: {@code CONNECTION_CLOSED} when a handle is closed; {@code CONNECTION_ERROR_OCCURRED} once, on the
 *       first fatal failure ({@link FatalErrors}: pgjdbc's fatal SQLStates, {@code SQLNonTransientConnectionException},
 *       or a physical connection found closed), so the pool destroys it. No {@code LOCAL_TRANSACTION_*} events:
 *       the container demarcates its own local transactions (Connectors 2.1, 7.8) and JDBC is exempt for
 *       application-driven ones.</li>
 *   <li>{@link #cleanup()} invalidates every handle, rolls back work left uncommitted (also a transaction opened
 *       with SQL {@code BEGIN}) and resets only the client state an application changed (auto-commit, isolation, read-only, schema, network timeout); the physical
 *       connection stays open for the next user.</li>
 *   <li>{@link #destroy()} is idempotent and closes the physical connection.</li>
 * </ul>
 *
 * <p>Thread-safe; identity equality (Connectors 2.1, 18.3.2).
 */
final class ManagedConnectionImpl implements ManagedConnection, HandleOwner {

  private static final System.Logger LOG = System.getLogger(ManagedConnectionImpl.class.getName());

  private final ManagedConnectionFactoryImpl factory;
  private final Connection physical;
  private final LoginCredentials credentials;
  private final int initialIsolation;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<ConnectionHandle> handles = ConcurrentHashMap.newKeySet();
  /** Guarded by itself, like the two values captured on first change. */
  private final Set<ClientAttribute> changed = EnumSet.noneOf(ClientAttribute.class);
  private String initialSchema;
  private int initialNetworkTimeout;
  private final LocalTransactionImpl localTransaction = new LocalTransactionImpl(this);
  private final AtomicBoolean broken = new AtomicBoolean();
  private final AtomicBoolean destroyed = new AtomicBoolean();
  private volatile PrintWriter logWriter;

  ManagedConnectionImpl(ManagedConnectionFactoryImpl factory, Connection physical, LoginCredentials credentials)
      throws SQLException {
    this.factory = factory;
    this.physical = physical;
    this.credentials = credentials;
    // Read once: pgjdbc answers getTransactionIsolation with a server round trip.
    this.initialIsolation = physical.getTransactionIsolation();
  }

  ManagedConnectionFactoryImpl factory() {
    return factory;
  }

  LoginCredentials credentials() {
    return credentials;
  }

  boolean isDestroyed() {
    return destroyed.get();
  }

  @Override
  public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
    checkNotDestroyed();
    LoginCredentials requested = factory.login(subject, info);
    if (!requested.equals(credentials)) {
      // Re-authentication is not supported: the pool must match or create a connection for this login.
      throw new SecurityException("This pooled connection is logged in as " + credentials.user()
          + ", not as " + requested.user());
    }
    ConnectionHandle handle = ConnectionHandle.create(this);
    handles.add(handle);
    return handle;
  }

  /**
   * Connectors 2.1, 6.5.4.4: "used by the application server to change the association of an application-level
   * connection handle with a ManagedConnection instance". A closed handle stays closed (refused with the JCA
   * IllegalStateException); the statements, result sets and metadata of a moved handle no longer reach the previous
   * physical connection (see {@link ConnectionHandle#associate}).
   */
  @Override
  public void associateConnection(Object connection) throws ResourceException {
    checkNotDestroyed();
    ConnectionHandle handle = ConnectionHandle.of(connection).orElseThrow(() -> new ResourceException(
        "Not an AlloyDB connection handle: " + (connection == null ? "null" : connection.getClass())));
    HandleOwner previous = handle.owner();
    if (!handle.associate(this)) {
      throw new jakarta.resource.spi.IllegalStateException(
          "A closed connection handle cannot be associated with a managed connection");
    }
    if (previous instanceof ManagedConnectionImpl previousConnection && previous != this) {
      previousConnection.handles.remove(handle);
    }
    handles.add(handle);
  }

  @Override
  public void cleanup() throws ResourceException {
    invalidateHandles();
    if (destroyed.get() || broken.get()) {
      return;
    }
    try {
      localTransaction.abandon();
      endOpenTransaction();
      resetClientState();
    } catch (SQLException e) {
      throw new ResourceException("Could not reset the connection for reuse: " + e.getMessage(), e);
    }
  }

  @Override
  public void destroy() throws ResourceException {
    if (!destroyed.compareAndSet(false, true)) {
      return;
    }
    invalidateHandles();
    listeners.clear();
    try {
      physical.close();
    } catch (SQLException e) {
      LOG.log(Level.DEBUG, "Closing a broken AlloyDB connection failed", e);
    }
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    if (listener == null) {
      throw new IllegalArgumentException("listener must not be null");
    }
    listeners.add(listener);
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public XAResource getXAResource() throws ResourceException {
    throw new NotSupportedException("The AlloyDB resource adapter supports local transactions only");
  }

  @Override
  public LocalTransaction getLocalTransaction() throws ResourceException {
    checkNotDestroyed();
    return localTransaction;
  }

  @Override
  public ManagedConnectionMetaData getMetaData() throws ResourceException {
    checkNotDestroyed();
    try {
      DatabaseMetaData metaData = physical.getMetaData();
      return new ManagedConnectionMetaDataImpl(metaData.getDatabaseProductName(),
          metaData.getDatabaseProductVersion(), credentials.user());
    } catch (SQLException e) {
      throw new ResourceException("Could not read the database metadata: " + e.getMessage(), e);
    }
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  // HandleOwner

  @Override
  public Connection physicalConnection() {
    return physical;
  }

  @Override
  public void handleClosed(Connection handle) {
    ConnectionHandle.of(handle).ifPresent(handles::remove);
    if (!destroyed.get()) {
      ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
      event.setConnectionHandle(handle);
      fire(event);
    }
  }

  @Override
  public void sqlFailed(Connection handle, SQLException failure) {
    if (FatalErrors.isFatal(failure) || physicalClosed()) {
      connectionFailed(handle, failure);
    }
  }

  @Override
  public void clientStateChanging(ClientAttribute attribute) throws SQLException {
    synchronized (changed) {
      if (changed.contains(attribute)) {
        return;
      }
    }
    // Read outside the lock: getSchema is a server round trip. Only the first reading is kept.
    String schema = attribute == ClientAttribute.SCHEMA ? physical.getSchema() : null;
    int networkTimeout = attribute == ClientAttribute.NETWORK_TIMEOUT ? physical.getNetworkTimeout() : 0;
    synchronized (changed) {
      if (changed.add(attribute)) {
        if (attribute == ClientAttribute.SCHEMA) {
          initialSchema = schema;
        } else if (attribute == ClientAttribute.NETWORK_TIMEOUT) {
          initialNetworkTimeout = networkTimeout;
        }
      }
    }
  }

  @Override
  public boolean inManagedTransaction() {
    return localTransaction.active();
  }

  /** Whether the physical connection answers within {@code timeoutSeconds} (pool validation). */
  boolean isUsable(int timeoutSeconds) {
    if (destroyed.get() || broken.get()) {
      return false;
    }
    try {
      return physical.isValid(timeoutSeconds);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Fires {@code CONNECTION_ERROR_OCCURRED} once; the pool then destroys this managed connection. */
  void connectionFailed(Connection handle, Exception failure) {
    if (destroyed.get() || !broken.compareAndSet(false, true)) {
      return;
    }
    LOG.log(Level.INFO, "AlloyDB connection is broken and leaves the pool: {0}", failure.getMessage());
    ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, failure);
    if (handle != null) {
      event.setConnectionHandle(handle);
    }
    fire(event);
  }

  boolean physicalClosed() {
    try {
      return physical.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /**
   * Rolls back a transaction the application left open, however it began: pgjdbc tracks the server's transaction
   * status, so one opened with SQL {@code BEGIN} in auto-commit mode (which JDBC's own state does not show) ends here
   * too instead of holding the next user's work.
   */
  private void endOpenTransaction() throws SQLException {
    if (physical.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE) {
      return;
    }
    if (physical.getAutoCommit()) {
      try (Statement statement = physical.createStatement()) {
        statement.execute("ROLLBACK");
      }
    } else {
      physical.rollback();
    }
  }

  private void resetClientState() throws SQLException {
    Set<ClientAttribute> toReset;
    String schema;
    int networkTimeout;
    synchronized (changed) {
      toReset = EnumSet.copyOf(changed);
      changed.clear();
      schema = initialSchema;
      networkTimeout = initialNetworkTimeout;
    }
    if (toReset.contains(ClientAttribute.AUTO_COMMIT) && !physical.getAutoCommit()) {
      // setAutoCommit(true) would commit what the last user left open: roll it back instead.
      physical.rollback();
      physical.setAutoCommit(true);
    }
    if (toReset.contains(ClientAttribute.ISOLATION)) {
      physical.setTransactionIsolation(initialIsolation);
    }
    if (toReset.contains(ClientAttribute.READ_ONLY)) {
      physical.setReadOnly(false);
    }
    if (toReset.contains(ClientAttribute.SCHEMA)) {
      physical.setSchema(schema);
    }
    if (toReset.contains(ClientAttribute.NETWORK_TIMEOUT)) {
      // pgjdbc ignores the executor; a direct one keeps the adapter free of threads.
      physical.setNetworkTimeout(Runnable::run, networkTimeout);
    }
  }

  private void invalidateHandles() {
    for (ConnectionHandle handle : handles) {
      handles.remove(handle);
      handle.invalidate();
    }
  }

  private void fire(ConnectionEvent event) {
    for (ConnectionEventListener listener : listeners) {
      try {
        switch (event.getId()) {
          case ConnectionEvent.CONNECTION_CLOSED -> listener.connectionClosed(event);
          case ConnectionEvent.CONNECTION_ERROR_OCCURRED -> listener.connectionErrorOccurred(event);
          default -> throw new IllegalArgumentException("Unexpected event " + event.getId());
        }
      } catch (RuntimeException e) {
        // One failing listener must not keep the others from hearing about the event.
        LOG.log(Level.WARNING, "A connection event listener failed", e);
      }
    }
  }

  private void checkNotDestroyed() throws ResourceException {
    if (destroyed.get()) {
      throw new jakarta.resource.spi.IllegalStateException("This managed connection is destroyed");
    }
  }
}
