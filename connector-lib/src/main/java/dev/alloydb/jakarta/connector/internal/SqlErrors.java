package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.MetadataExchangeException;
import dev.alloydb.jakarta.connector.SqlStates;
import java.sql.SQLException;

/** Turns connector errors into the {@link SQLException}s JDBC callers and pools understand. */
final class SqlErrors {
  private SqlErrors() {
  }

  static SQLException of(ConnectorException e) {
    return new SQLException(e.getMessage(), sqlState(e), e);
  }

  static String sqlState(ConnectorException e) {
    if (e instanceof MetadataExchangeException && ((MetadataExchangeException) e).isRefused()) {
      return SqlStates.INVALID_AUTHORIZATION;
    }
    return SqlStates.UNABLE_TO_CONNECT;
  }

  /** The connector error inside a pgjdbc failure, if any (pgjdbc chains what the socket factory threw). */
  static ConnectorException find(Throwable t) {
    for (Throwable cause = t; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof ConnectorException) {
        return (ConnectorException) cause;
      }
    }
    return null;
  }
}
