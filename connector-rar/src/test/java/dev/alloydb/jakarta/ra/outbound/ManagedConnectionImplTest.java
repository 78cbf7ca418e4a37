package dev.alloydb.jakarta.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.SecurityException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ManagedConnection contract (Connectors 2.1, chapter 6) over real pgjdbc connections through the emulator. */
class ManagedConnectionImplTest {

  private static AdapterFixture fixture;
  private static ManagedConnectionFactoryImpl factory;

  private final List<ManagedConnectionImpl> created = new ArrayList<>();
  private ManagedConnectionImpl managed;
  private RecordingListener listener;

  @BeforeAll
  static void startAdapter() throws ResourceException, SQLException {
    fixture = new AdapterFixture();
    factory = fixture.passwordFactory();
    ManagedConnectionImpl setup = (ManagedConnectionImpl) factory.createManagedConnection(null, null);
    try (Statement statement = setup.physicalConnection().createStatement()) {
      statement.execute("create table if not exists ra_unit_tx (id int primary key)");
      statement.execute("create table if not exists ra_unit_deferred (id int unique deferrable initially deferred)");
    } finally {
      setup.destroy();
    }
  }

  @AfterAll
  static void stopAdapter() {
    fixture.close();
  }

  @BeforeEach
  void connect() throws ResourceException {
    managed = create();
    listener = new RecordingListener();
    managed.addConnectionEventListener(listener);
  }

  @AfterEach
  void destroy() throws ResourceException {
    for (ManagedConnectionImpl connection : created) {
      connection.destroy();
    }
  }

  @Test
  void closingAHandleFiresConnectionClosedOnceWithThatHandle() throws Exception {
    Connection handle = handle();

    handle.close();
    handle.close();

    assertThat(listener.ids()).containsExactly(ConnectionEvent.CONNECTION_CLOSED);
    assertThat(listener.events.get(0).getConnectionHandle()).isSameAs(handle);
    assertThat(listener.events.get(0).getSource()).isSameAs(managed);
    assertThat(handle.isClosed()).isTrue();
  }

  @Test
  void statementsMetadataAndResultSetsHandBackTheHandle() throws Exception {
    Connection handle = handle();
    try (Statement statement = handle.createStatement();
        PreparedStatement prepared = handle.prepareStatement("select ?");
        CallableStatement callable = handle.prepareCall("select 1");
        ResultSet result = statement.executeQuery("select 1")) {
      assertThat(statement.getConnection()).isSameAs(handle);
      assertThat(prepared.getConnection()).isSameAs(handle);
      assertThat(callable.getConnection()).isSameAs(handle);
      assertThat(result.getStatement()).isSameAs(statement);
      DatabaseMetaData metaData = handle.getMetaData();
      assertThat(metaData.getConnection()).isSameAs(handle);
      try (ResultSet tables = metaData.getTables(null, null, "ra_unit_tx", null)) {
        assertThat(tables.getStatement()).isNull();
      }
    }
    assertThat(handle.unwrap(Connection.class)).isSameAs(handle);
  }

  @Test
  void closedHandleRefusesCallsAndClosesItsStatements() throws Exception {
    Connection handle = handle();
    Statement statement = handle.createStatement();

    handle.close();

    assertThatThrownBy(() -> handle.createStatement())
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08003"));
    assertThat(statement.isClosed()).isTrue();
    assertThat(handle.isValid(1)).isFalse();
    handle.abort(Runnable::run);
    assertThat(listener.ids()).as("aborting a closed handle leaves the pooled connection alone")
        .containsExactly(ConnectionEvent.CONNECTION_CLOSED);
    assertThat(managed.physicalConnection().isClosed()).isFalse();
  }

  @Test
  void objectsHandedOutByAClosedHandleCannotReachThePhysicalConnection() throws Exception {
    Connection handle = handle();
    DatabaseMetaData metaData = handle.getMetaData();
    Statement statement = handle.createStatement();
    ResultSet result = statement.executeQuery("select 1");

    managed.cleanup();

    assertThatThrownBy(() -> metaData.getTables(null, null, "ra_unit_tx", null))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08003"));
    assertThatThrownBy(() -> statement.executeQuery("select 1"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08003"));
    assertThatThrownBy(result::next)
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08003"));
    assertThat(statement.isClosed()).isTrue();
    assertThat(result.isClosed()).isTrue();
    result.close();
    statement.close();
    assertThat(listener.events).as("stale objects are not the managed connection's business").isEmpty();
  }

  @Test
  void cleanupInvalidatesHandlesResetsChangedStateAndKeepsThePhysicalConnection() throws Exception {
    Connection handle = handle();
    int pid = backendPid(handle);
    int isolation = handle.getTransactionIsolation();
    String schema = handle.getSchema();
    int networkTimeout = handle.getNetworkTimeout();
    handle.setSchema("pg_catalog");
    handle.setNetworkTimeout(Runnable::run, 12_345);
    handle.setAutoCommit(false);
    handle.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
    handle.setReadOnly(true);
    try (Statement statement = handle.createStatement()) {
      statement.execute("set transaction read write");
      statement.executeUpdate("insert into public.ra_unit_tx (id) values (100)");
    }

    managed.cleanup();
    managed.cleanup();

    assertThatThrownBy(() -> handle.createStatement()).isInstanceOf(SQLException.class);
    assertThat(listener.events).as("cleanup is not a close").isEmpty();
    Connection next = handle();
    assertThat(backendPid(next)).isEqualTo(pid);
    assertThat(next.getAutoCommit()).isTrue();
    assertThat(next.getTransactionIsolation()).isEqualTo(isolation);
    assertThat(next.isReadOnly()).isFalse();
    assertThat(next.getSchema()).isEqualTo(schema);
    assertThat(next.getNetworkTimeout()).isEqualTo(networkTimeout);
    assertThat(ids(next)).as("uncommitted work is rolled back, not committed").doesNotContain(100);
  }

  @Test
  void destroyIsIdempotentClosesThePhysicalConnectionAndFiresNothing() throws Exception {
    Connection handle = handle();
    Connection physical = managed.physicalConnection();

    managed.destroy();
    managed.destroy();
    handle.close();

    assertThat(physical.isClosed()).isTrue();
    assertThat(listener.events).isEmpty();
    assertThatThrownBy(() -> managed.getConnection(null, null))
        .isInstanceOf(jakarta.resource.spi.IllegalStateException.class);
  }

  @Test
  void terminatedBackendFiresOneConnectionErrorAndFailsValidation() throws Exception {
    Connection handle = handle();
    int pid = backendPid(handle);
    terminate(pid);

    try (Statement statement = handle.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("select 1")).isInstanceOf(SQLException.class);
    }
    try (Statement statement = handle.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("select 1")).isInstanceOf(SQLException.class);
    } catch (SQLException closedAlready) {
      // pgjdbc may refuse createStatement on the dead connection; the event count below is what matters
    }

    assertThat(listener.ids()).containsExactly(ConnectionEvent.CONNECTION_ERROR_OCCURRED);
    ConnectionEvent event = listener.events.get(0);
    assertThat(event.getConnectionHandle()).isSameAs(handle);
    assertThat(event.getException()).isInstanceOf(SQLException.class);
    assertThat(factory.getInvalidConnections(Set.of(managed))).containsExactly(managed);
  }

  @Test
  void abortedConnectionLeavesThePool() throws Exception {
    Connection handle = handle();

    handle.abort(Runnable::run);

    assertThat(handle.isClosed()).isTrue();
    assertThat(listener.ids()).containsExactly(ConnectionEvent.CONNECTION_ERROR_OCCURRED);
    assertThat(factory.getInvalidConnections(Set.of(managed))).containsExactly(managed);
  }

  @Test
  void nonFatalErrorFiresNoEventAndTheConnectionStaysUsable() throws Exception {
    Connection handle = handle();
    try (Statement statement = handle.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("selec 1"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"));
    }

    assertThat(listener.events).isEmpty();
    assertThat(backendPid(handle)).isPositive();
    assertThat(factory.getInvalidConnections(Set.of(managed))).isEmpty();
  }

  @Test
  void localTransactionCommitsAndRollsBackWithoutEvents() throws Exception {
    LocalTransaction transaction = managed.getLocalTransaction();
    Connection handle = handle();
    Connection observer = (Connection) create().getConnection(null, null);

    transaction.begin();
    insert(handle, 1);
    assertThatThrownBy(handle::commit)
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25000"));
    assertThat(ids(observer)).doesNotContain(1);
    transaction.commit();
    assertThat(ids(observer)).contains(1);

    transaction.begin();
    insert(handle, 2);
    transaction.rollback();
    assertThat(ids(observer)).doesNotContain(2);

    assertThat(handle.getAutoCommit()).isTrue();
    assertThat(listener.events).as("no LOCAL_TRANSACTION_* events for container transactions").isEmpty();
    assertThatThrownBy(transaction::commit).isInstanceOf(ResourceException.class).hasMessageContaining("No local");
    delete(observer, 1);
  }

  @Test
  void failedCommitEndsTheTransactionAndRestoresAutoCommit() throws Exception {
    LocalTransaction transaction = managed.getLocalTransaction();
    Connection handle = handle();
    transaction.begin();
    try (Statement statement = handle.createStatement()) {
      // The unique check is deferred to COMMIT, so commit() itself fails (and the server rolls back).
      statement.executeUpdate("insert into ra_unit_deferred (id) values (1), (1)");
    }

    assertThatThrownBy(transaction::commit).isInstanceOfSatisfying(LocalTransactionException.class,
        e -> assertThat(e.getErrorCode()).isEqualTo("23505"));

    assertThat(handle.getAutoCommit()).as("the next user must not inherit manual-commit mode").isTrue();
    assertThat(listener.events).as("a constraint violation is not fatal").isEmpty();
    transaction.begin();
    transaction.rollback();
  }

  @Test
  void cleanupRollsBackATransactionTheContainerLeftOpen() throws Exception {
    Connection handle = handle();
    managed.getLocalTransaction().begin();
    insert(handle, 3);

    managed.cleanup();

    Connection next = handle();
    assertThat(next.getAutoCommit()).isTrue();
    assertThat(ids(next)).doesNotContain(3);
    managed.getLocalTransaction().begin();
    managed.getLocalTransaction().rollback();
  }

  @Test
  void matchReturnsAConnectionWithTheSameLoginOrNull() throws Exception {
    ManagedConnectionFactoryImpl other = fixture.passwordFactory();
    other.setDatabase("template1");

    assertThat(factory.matchManagedConnections(Set.of(managed), null, null)).isSameAs(managed);
    assertThat(factory.matchManagedConnections(Set.of(managed), null,
        new ConnectionRequestInfoImpl(fixture.emulator.passwordUser(), fixture.emulator.password()))).isSameAs(managed);
    assertThat(factory.matchManagedConnections(Set.of(managed), null,
        new ConnectionRequestInfoImpl("someone-else", "secret"))).isNull();
    assertThat(factory.matchManagedConnections(Set.of(), null, null)).isNull();
    assertThat(other.matchManagedConnections(Set.of(managed), null, null)).isNull();
  }

  @Test
  void handleForAnotherLoginIsRefused() {
    assertThatThrownBy(() -> managed.getConnection(null, new ConnectionRequestInfoImpl("someone-else", "x")))
        .isInstanceOf(SecurityException.class).hasMessageContaining("someone-else")
        .hasMessageNotContaining(fixture.emulator.password());
  }

  @Test
  void associateConnectionMovesAHandleToAnotherManagedConnection() throws Exception {
    ManagedConnectionImpl target = create();
    RecordingListener targetListener = new RecordingListener();
    target.addConnectionEventListener(targetListener);
    Connection handle = handle();

    target.associateConnection(handle);

    assertThat(backendPid(handle)).isEqualTo(backendPid(target.physicalConnection()));
    handle.close();
    assertThat(targetListener.ids()).containsExactly(ConnectionEvent.CONNECTION_CLOSED);
    assertThat(listener.events).isEmpty();
    assertThatThrownBy(() -> target.associateConnection("not a handle")).isInstanceOf(ResourceException.class);
  }

  @Test
  void objectsHandedOutBeforeAssociateConnectionCannotReachThePreviousPhysicalConnection() throws Exception {
    ManagedConnectionImpl target = create();
    Connection handle = handle();
    int previousPid = backendPid(managed.physicalConnection());
    Statement statement = handle.createStatement();
    PreparedStatement prepared = handle.prepareStatement("select pg_backend_pid()");
    ResultSet result = statement.executeQuery("select 1");
    DatabaseMetaData metaData = handle.getMetaData();

    target.associateConnection(handle);

    for (ThrowingCallable stale : List.<ThrowingCallable>of(() -> statement.executeQuery("select 1"),
        prepared::executeQuery, result::next, () -> metaData.getTables(null, null, "ra_unit_tx", null))) {
      assertThatThrownBy(stale)
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08003"))
          .hasMessageContaining("re-associated");
    }
    assertThat(statement.isClosed()).as("closed on the previous physical connection").isTrue();
    assertThat(prepared.isClosed()).isTrue();
    try (Statement fresh = handle.createStatement(); ResultSet pid = fresh.executeQuery("select pg_backend_pid()")) {
      assertThat(pid.next()).isTrue();
      assertThat(pid.getInt(1)).isNotEqualTo(previousPid).isEqualTo(backendPid(target.physicalConnection()));
    }
  }

  @Test
  void closedHandleCannotBeAssociated() throws Exception {
    ManagedConnectionImpl target = create();
    Connection handle = handle();
    handle.close();

    assertThatThrownBy(() -> target.associateConnection(handle))
        .isInstanceOf(jakarta.resource.spi.IllegalStateException.class)
        .hasMessageContaining("closed connection handle");
    assertThat(handle.isClosed()).isTrue();
    assertThatThrownBy(handle::createStatement)
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08003"));
  }

  @Test
  void cleanupRollsBackATransactionOpenedWithSqlBegin() throws Exception {
    Connection handle = handle();
    try (Statement statement = handle.createStatement()) {
      statement.execute("BEGIN");
      statement.executeUpdate("insert into ra_unit_tx (id) values (7)");
    }
    handle.close();

    managed.cleanup();

    Connection next = handle();
    assertThat(ids(next)).as("the left-over insert is rolled back").doesNotContain(7);
    insert(next, 8);
    Connection other = (Connection) create().getConnection(null, null);
    try {
      assertThat(ids(other)).as("the next user's insert commits at once, in no left-over transaction").contains(8);
    } finally {
      delete(other, 8);
    }
  }

  @Test
  void xaIsNotSupportedAndMetadataDescribesTheDatabase() throws Exception {
    assertThatThrownBy(managed::getXAResource).isInstanceOf(NotSupportedException.class);
    ManagedConnectionMetaData metaData = managed.getMetaData();
    assertThat(metaData.getEISProductName()).isEqualTo("PostgreSQL");
    assertThat(metaData.getUserName()).isEqualTo(fixture.emulator.passwordUser());
  }

  @Test
  void removedListenerHearsNothing() throws Exception {
    managed.removeConnectionEventListener(listener);
    handle().close();
    assertThat(listener.events).isEmpty();
  }

  private ManagedConnectionImpl create() throws ResourceException {
    ManagedConnectionImpl connection = (ManagedConnectionImpl) factory.createManagedConnection(null, null);
    created.add(connection);
    return connection;
  }

  private Connection handle() throws ResourceException {
    return (Connection) managed.getConnection(null, null);
  }

  private void terminate(int pid) throws Exception {
    Connection killer = (Connection) create().getConnection(null, null);
    try (PreparedStatement statement = killer.prepareStatement("select pg_terminate_backend(?)")) {
      statement.setInt(1, pid);
      try (ResultSet result = statement.executeQuery()) {
        assertThat(result.next()).isTrue();
        assertThat(result.getBoolean(1)).isTrue();
      }
    }
  }

  private static int backendPid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
      assertThat(result.next()).isTrue();
      return result.getInt(1);
    }
  }

  private static void insert(Connection connection, int id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("insert into ra_unit_tx (id) values (?)")) {
      statement.setInt(1, id);
      statement.executeUpdate();
    }
  }

  private static void delete(Connection connection, int id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("delete from ra_unit_tx where id = ?")) {
      statement.setInt(1, id);
      statement.executeUpdate();
    }
  }

  private static List<Integer> ids(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select id from ra_unit_tx")) {
      List<Integer> ids = new ArrayList<>();
      while (result.next()) {
        ids.add(result.getInt(1));
      }
      return ids;
    }
  }
}
