package dev.alloydb.jakarta.ra.outbound;

import dev.alloydb.jakarta.connector.SqlStates;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Decides whether an SQLException means the physical connection is unusable and must leave the pool: a
 * {@link SQLNonTransientConnectionException} or a {@linkplain SqlStates#isFatal fatal SQLState} anywhere in its chain.
 */
final class FatalErrors {

  private static final int MAX_CHAIN = 10;

  private FatalErrors() {
  }

  static boolean isFatal(SQLException failure) {
    Throwable current = failure;
    for (int i = 0; current != null && i < MAX_CHAIN; i++) {
      if (current instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (current instanceof SQLException sql) {
        if (SqlStates.isFatal(sql.getSQLState())) {
          return true;
        }
        current = sql.getNextException() != null ? sql.getNextException() : sql.getCause();
      } else {
        current = current.getCause();
      }
    }
    return false;
  }
}
