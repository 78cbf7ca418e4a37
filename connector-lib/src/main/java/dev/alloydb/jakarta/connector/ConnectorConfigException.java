package dev.alloydb.jakarta.connector;

/** A configuration value or combination is invalid: the user must fix it; retrying cannot help. */
public class ConnectorConfigException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /** An error with this message. */
  public ConnectorConfigException(String message) {
    super(message);
  }

  /** An error with this message, caused by {@code cause}. */
  public ConnectorConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
