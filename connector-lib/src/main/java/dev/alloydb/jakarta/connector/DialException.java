package dev.alloydb.jakarta.connector;

/** The TCP connection or the TLS handshake to the instance failed or timed out. */
public class DialException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /** An error with this message, caused by {@code cause}. */
  public DialException(String message, Throwable cause) {
    super(message, cause);
  }
}
