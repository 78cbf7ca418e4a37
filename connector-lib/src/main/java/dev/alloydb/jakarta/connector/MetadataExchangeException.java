package dev.alloydb.jakarta.connector;

/**
 * The metadata exchange after the TLS handshake failed: the server refused the connection (the message carries the
 * server's reason) or did not answer with a valid exchange response.
 */
public class MetadataExchangeException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  private final boolean refused;

  /** An error with this message, caused by {@code cause}; {@code refused} as {@link #isRefused()}. */
  public MetadataExchangeException(String message, boolean refused, Throwable cause) {
    super(message, cause);
    this.refused = refused;
  }

  /** True when the server answered with an error: an authentication or authorization refusal. */
  public boolean isRefused() {
    return refused;
  }
}
