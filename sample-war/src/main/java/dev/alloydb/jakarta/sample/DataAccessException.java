package dev.alloydb.jakarta.sample;

import java.sql.SQLException;

/**
 * A database call failed for a reason the client cannot fix; answered with 503. The message names the action and
 * the SQLState only: the driver's own message, which may describe the server, goes to the server log.
 */
public class DataAccessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  DataAccessException(String action, SQLException cause) {
    super(action + " failed (SQLState " + cause.getSQLState() + ")", cause);
  }
}
