package dev.alloydb.jakarta.connector;

/** A configuration value or combination is invalid: the user must fix it; retrying cannot help. */
public class ConnectorConfigException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public ConnectorConfigException(String message) {
    super(message);
  }

  public ConnectorConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
