package dev.alloydb.jakarta.ra.outbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;

/**
 * A statement, result set or database metadata handed out through a {@link ConnectionHandle}: its
 * {@code getConnection()} answers the handle (and a result set's {@code getStatement()} the statement handle that
 * produced it), so the application never reaches the physical connection by navigation. SQL failures go to the
 * owner the handle had when this object was made, like the handle's own. Once the handle is closed, or associated
 * with another managed connection, every call but {@code close}, {@code isClosed} and the metadata's driver version
 * numbers (which may not throw) fails with SQLState 08003.
 *
 * <p>Subclasses delegate every other call in one pattern: {@link #check()}, call the physical object, report an
 * {@code SQLException} through {@link #failed}. Identity {@code equals}/{@code hashCode}: a handle is never equal to
 * what it wraps. Thread-safe as far as the physical object is.
 */
abstract class DependentHandle {

  final ConnectionHandle connection;
  final HandleOwner owner;

  /**
   * @param owner the managed connection {@code connection} was associated with when the physical object was made
   */
  DependentHandle(ConnectionHandle connection, HandleOwner owner) {
    this.connection = connection;
    this.owner = owner;
  }

  /** The physical object. */
  abstract Wrapper target();

  /** Refuses the call once the handle is closed or re-associated. */
  final void check() throws SQLException {
    if (connection.isClosed()) {
      // The physical connection may already serve another user: a stale object must not reach it.
      throw ConnectionHandle.closedFailure();
    }
    if (connection.owner() != owner) {
      throw ConnectionHandle.staleFailure();
    }
  }

  /** Reports {@code failure} to the owner (which decides whether it is fatal) and returns it for rethrowing. */
  final <E extends SQLException> E failed(E failure) {
    owner.sqlFailed(connection, failure);
    return failure;
  }

  /** {@code result} as a result-set handle; {@code producer} is what its {@code getStatement()} answers. */
  final ResultSet resultSet(ResultSet result, Statement producer) {
    return result == null ? null : new ResultSetHandle(result, connection, owner, producer);
  }

  // Wrapper: this handle for the interfaces it implements; unwrapping to the physical object is left to it
  // (pgjdbc answers for its own classes).

  public final <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    check();
    try {
      return target().unwrap(type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  public final boolean isWrapperFor(Class<?> type) throws SQLException {
    if (type.isInstance(this)) {
      return true;
    }
    check();
    try {
      return target().isWrapperFor(type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public final String toString() {
    return target().toString();
  }
}
