package dev.alloydb.jakarta.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The container's local transaction on one managed connection: {@code begin} turns auto-commit off, {@code commit}
 * and {@code rollback} end the transaction and turn it back on. Fires no {@code LOCAL_TRANSACTION_*} events (the
 * container demarcates it, Connectors 2.1, 7.8); a fatal failure fires {@code CONNECTION_ERROR_OCCURRED}.
 */
final class LocalTransactionImpl implements LocalTransaction {

  private final ManagedConnectionImpl owner;
  private volatile boolean active;

  LocalTransactionImpl(ManagedConnectionImpl owner) {
    this.owner = owner;
  }

  boolean active() {
    return active;
  }

  /** Ends a transaction the container left open (seen at cleanup): roll it back and restore auto-commit. */
  void abandon() throws SQLException {
    if (active) {
      active = false;
      Connection physical = owner.physicalConnection();
      physical.rollback();
      physical.setAutoCommit(true);
    }
  }

  @Override
  public void begin() throws ResourceException {
    if (active) {
      throw new LocalTransactionException("A local transaction is already active on this connection");
    }
    try {
      owner.physicalConnection().setAutoCommit(false);
    } catch (SQLException e) {
      throw failure("begin", e);
    }
    active = true;
  }

  @Override
  public void commit() throws ResourceException {
    end(true);
  }

  @Override
  public void rollback() throws ResourceException {
    end(false);
  }

  private void end(boolean commit) throws ResourceException {
    String operation = commit ? "commit" : "rollback";
    if (!active) {
      throw new LocalTransactionException("No local transaction is active: cannot " + operation);
    }
    active = false;
    Connection physical = owner.physicalConnection();
    SQLException failure = null;
    try {
      if (commit) {
        physical.commit();
      } else {
        physical.rollback();
      }
    } catch (SQLException e) {
      failure = e;
    }
    // Even after a failed commit: a pooled connection left in manual-commit mode would hold the next user's work
    // in an open transaction.
    try {
      physical.setAutoCommit(true);
    } catch (SQLException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure(operation, failure);
    }
  }

  private LocalTransactionException failure(String operation, SQLException e) {
    if (FatalErrors.isFatal(e) || owner.physicalClosed()) {
      owner.connectionFailed(null, e);
    }
    LocalTransactionException exception = new LocalTransactionException(
        "Local transaction " + operation + " failed: " + e.getMessage(), e.getSQLState());
    exception.initCause(e);
    return exception;
  }
}
