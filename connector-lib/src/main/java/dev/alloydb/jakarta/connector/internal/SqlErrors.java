package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.AdminApiException;
import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.MetadataExchangeException;
import java.sql.SQLException;

/** Turns connector errors into the {@link SQLException}s JDBC callers and pools understand. */
final class SqlErrors {
  /** SQLState: the client could not establish the connection. */
  static final String UNABLE_TO_CONNECT = "08001";
  /** SQLState: invalid authorization specification. */
  static final String AUTHENTICATION = "28000";

  private SqlErrors() {
  }

  static SQLException of(ConnectorException e) {
    return new SQLException(e.getMessage(), sqlState(e), e);
  }

  static String sqlState(ConnectorException e) {
    if (e instanceof MetadataExchangeException && ((MetadataExchangeException) e).isRefused()) {
      return AUTHENTICATION;
    }
    if (e instanceof AdminApiException) {
      String code = ((AdminApiException) e).statusCode();
      if ("PERMISSION_DENIED".equals(code) || "UNAUTHENTICATED".equals(code)) {
        return AUTHENTICATION;
      }
    }
    return UNABLE_TO_CONNECT;
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
