package dev.alloydb.jakarta.connector;

/**
 * The AlloyDB Admin API refused a request or could not be reached, so no connection info or client certificate
 * could be obtained.
 */
public class AdminApiException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  private final String statusCode;
  private final boolean terminal;

  /**
   * @param statusCode the canonical status code name (for example {@code NOT_FOUND}, {@code UNAVAILABLE})
   * @param terminal whether retrying cannot succeed
   */
  public AdminApiException(String message, String statusCode, boolean terminal, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.terminal = terminal;
  }

  /** The canonical status code name, for example {@code PERMISSION_DENIED} or {@code UNAVAILABLE}. */
  public String statusCode() {
    return statusCode;
  }

  /**
   * True for NOT_FOUND, PERMISSION_DENIED, INVALID_ARGUMENT and UNAUTHENTICATED: the connector does not retry
   * these in a loop.
   */
  public boolean isTerminal() {
    return terminal;
  }
}
