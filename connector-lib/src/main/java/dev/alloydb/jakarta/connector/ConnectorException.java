package dev.alloydb.jakarta.connector;

/**
 * Base of every error the connector raises. Messages name the instance as {@code [instance URI]} when one is
 * involved and never contain a password, token, key or certificate body.
 */
public class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with this message. */
  public ConnectorException(String message) {
    super(message);
  }

  /** An error with this message, caused by {@code cause}. */
  public ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }
}
