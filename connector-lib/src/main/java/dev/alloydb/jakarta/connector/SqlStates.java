package dev.alloydb.jakarta.connector;

import java.util.Set;

/**
 * The SQLStates the connector and the resource adapter report, and the ones that mean a connection is lost; kept in
 * one place so both modules classify and report failures alike.
 */
public final class SqlStates {
  /** The client could not establish the connection. */
  public static final String UNABLE_TO_CONNECT = "08001";
  /** The connection does not exist (closed or invalidated handle). */
  public static final String CONNECTION_DOES_NOT_EXIST = "08003";
  /** Invalid authorization specification. */
  public static final String INVALID_AUTHORIZATION = "28000";
  /** Invalid transaction state (demarcation refused while the container owns the transaction). */
  public static final String INVALID_TRANSACTION_STATE = "25000";

  /**
   * Connection-level failures (class 08), insufficient resources (53), system errors (58) and internal errors (XX):
   * the classes pgjdbc treats as fatal to the connection.
   */
  private static final Set<String> FATAL_CLASSES = Set.of("08", "53", "58", "XX");
  /**
   * The server ended the session: admin shutdown (57P01), crash shutdown (57P02), cannot connect now (57P03), database
   * dropped (57P04), idle-session timeout (57P05); idle-in-transaction timeout (25P03).
   */
  private static final Set<String> FATAL_STATES = Set.of("57P01", "57P02", "57P03", "57P04", "57P05", "25P03");

  private SqlStates() {
  }

  /** Whether {@code state} means the connection it came from can no longer be used. */
  public static boolean isFatal(String state) {
    return state != null && state.length() == 5
        && (FATAL_CLASSES.contains(state.substring(0, 2)) || FATAL_STATES.contains(state));
  }
}
