package dev.alloydb.jakarta.connector;

/** The connector was closed before or during the call. */
public class ConnectorClosedException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /** An error with this message. */
  public ConnectorClosedException(String message) {
    super(message);
  }
}
