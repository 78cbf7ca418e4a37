package dev.alloydb.jakarta.ra.outbound;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Set;

/** Decides whether an SQLException means the physical connection is unusable and must leave the pool. */
final class FatalErrors {

  private static final int MAX_CHAIN = 10;
  // PostgreSQL's shutdown family: pg_terminate_backend (57P01), crash (57P02), not accepting connections (57P03).
  private static final Set<String> DISCONNECT_STATES = Set.of("57P01", "57P02", "57P03");

  private FatalErrors() {
  }

  static boolean isFatal(SQLException failure) {
    Throwable current = failure;
    for (int i = 0; current != null && i < MAX_CHAIN; i++) {
      if (current instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (current instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || DISCONNECT_STATES.contains(state))) {
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
